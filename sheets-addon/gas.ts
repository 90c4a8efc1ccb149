import { localClock, wallClock, type WallClock } from "./zone";

/**
 * The spreadsheet's wall clock, looked up at most once per call: the zone read from
 * `getSpreadsheetTimeZone()` the first time a date needs it. Outside Apps Script (no
 * `SpreadsheetApp`) the script's local zone stands in.
 */
export function lazyClock(spreadsheet?: () => GoogleAppsScript.Spreadsheet.Spreadsheet | null): () => WallClock {
  let clock: WallClock | undefined;
  return () => {
    if (clock) return clock;
    const ss = spreadsheet ? spreadsheet() : typeof SpreadsheetApp === "undefined" ? null : SpreadsheetApp.getActive();
    const zone = ss ? ss.getSpreadsheetTimeZone() : "";
    clock = zone ? wallClock(zone) : localClock();
    return clock;
  };
}
