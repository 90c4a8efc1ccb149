/** A name that is empty once invisible characters are removed: the line has no vendor. */
export const BLANK_VENDOR = -1;
/** A total label (`Total`, `Grand total:`) in the vendor column: a totals row, not a line. */
export const TOTAL_ROW = -2;

// Zero-width space, non-joiner, joiner, word joiner and the byte-order mark: invisible, so never part of a name.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// No-break space, figure space and narrow no-break space: read as spaces.
const NO_BREAK_SPACE = /[\u00A0\u2007\u202F]/g;
// Text that needs more than a trim: anything outside printable ASCII.
const NOT_ASCII = /[^\x20-\x7E]/;

const TOTAL_LABELS = new Set(["total", "totals", "grand total", "subtotal", "sum"]);

/**
 * A vendor name as it is compared and shown: Unicode NFC (so `Café` typed precomposed and
 * decomposed is one name), zero-width characters removed, no-break spaces read as spaces, trimmed.
 *
 * @example vendorName("  Caf\u0065\u0301\u200B ") // "Café"
 */
export function vendorName(raw: string): string {
  if (!NOT_ASCII.test(raw)) return raw.trim();
  return raw.replace(ZERO_WIDTH, "").replace(NO_BREAK_SPACE, " ").normalize("NFC").trim();
}

/**
 * True for a vendor cell that labels a totals row: total, totals, grand total, subtotal or sum,
 * in any case, optionally followed by a colon.
 *
 * @example isTotalLabel("Grand Total:") // true
 */
export function isTotalLabel(name: string): boolean {
  if (name.length > 13) return false;
  const k = name.toLowerCase();
  return TOTAL_LABELS.has(k.endsWith(":") ? k.slice(0, -1).trimEnd() : k);
}

/**
 * Gives each vendor a small integer id. Names match after {@link vendorName} and
 * case-insensitively; the first spelling seen is the one shown. A name empty after
 * normalising is {@link BLANK_VENDOR}; with `totals`, a total label is {@link TOTAL_ROW}.
 */
export class VendorIndex {
  readonly names: string[] = [];
  private readonly byKey = new Map<string, number>();
  // Exports repeat the exact same text line after line: look that up before normalising.
  private readonly byRaw = new Map<string, number>();

  constructor(private readonly options: { readonly totals?: boolean } = {}) {}

  id(raw: string): number {
    let id = this.byRaw.get(raw);
    if (id !== undefined) return id;
    const name = vendorName(raw);
    if (name === "") id = BLANK_VENDOR;
    else if (this.options.totals && isTotalLabel(name)) id = TOTAL_ROW;
    else {
      const key = name.toLowerCase();
      id = this.byKey.get(key);
      if (id === undefined) {
        id = this.names.length;
        this.names.push(name);
        this.byKey.set(key, id);
      }
    }
    this.byRaw.set(raw, id);
    return id;
  }

  /**
   * {@link BLANK_VENDOR} or {@link TOTAL_ROW} for a cell that names no vendor, else undefined;
   * registers nothing, so a vendor seen only on cancelled lines does not become one.
   */
  excluded(raw: string): number | undefined {
    const id = this.byRaw.get(raw);
    if (id !== undefined) return id < 0 ? id : undefined;
    const name = vendorName(raw);
    if (name === "") return BLANK_VENDOR;
    return this.options.totals && isTotalLabel(name) ? TOTAL_ROW : undefined;
  }

  /** The id of a vendor name as a user typed it (normalised the same way), or undefined. */
  find(name: string): number | undefined {
    return this.byKey.get(vendorName(name).toLowerCase());
  }

  get size(): number {
    return this.names.length;
  }
}
