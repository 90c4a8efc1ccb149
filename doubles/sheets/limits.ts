/**
 * The limits Apps Script and Google Sheets put on the add-on, which the fakes enforce with the
 * messages the real services give. Figures and sources (PLATFORM.md §5, quotas table, from
 * developers.google.com/apps-script/guides/services/quotas):
 *
 * - Properties: "9 KB / value; 500 KB / store", taken as 9 x 1024 = 9,216 and 500 x 1024 =
 *   512,000 bytes of UTF-8. The quota table does not say whether keys count: the per-value limit
 *   measures the value alone, the store total counts keys and values (the stricter reading).
 *   Messages: "Argument too large: value" (per value) and "You have exceeded the property
 *   storage quota. Please remove some properties and try again." (per store, as reported in
 *   lucasvtiradentes/gcal-sync#115).
 * - 50,000 characters in a cell (same quotas table): "Your input contains more than the maximum
 *   of 50000 characters in a single cell." (the message Sheets gives, as it appears in logs of
 *   scripts and API clients that hit it).
 * - Sheet names: the rules shared with the Excel double (../sheet-name.ts).
 */
export const PROPERTY_VALUE_BYTES = 9 * 1024;
export const PROPERTY_STORE_BYTES = 500 * 1024;
export const MAX_CELL_CHARS = 50_000;

/** Bytes of a string as UTF-8. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}
