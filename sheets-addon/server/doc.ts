import { createCatalog, type Context } from "../../core";
import { lazyClock } from "../gas";
import type { WallClock } from "../zone";
import { ReportStore } from "./store";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One spreadsheet as the server works on it: its store, its wall clock and the clocks. */
export interface Doc {
  readonly ss: Spreadsheet;
  readonly store: ReportStore;
  readonly clock: () => WallClock;
  /** The real instant, for "last refreshed" stamps. */
  readonly now: () => Date;
  /** What reports compute with: "today" is the serial the spreadsheet's clock shows, and one parse cache. */
  readonly cx: Context;
}

export function openDoc(ss: Spreadsheet): Doc {
  const clock = lazyClock(() => ss);
  const now = () => new Date(Date.now());
  const props = PropertiesService.getDocumentProperties();
  // Null outside a document's context: say so rather than fail on a null store later.
  if (!props) throw new Error("the reports stored in this spreadsheet cannot be read from here (no document context); open the spreadsheet and use Refresh all.");
  return { ss, store: new ReportStore(props), clock, now, cx: createCatalog({ today: () => clock().toSerial(now()) }).context };
}

/** The spreadsheet the user has open (menus, the sidebar). */
export function activeDoc(): Doc {
  return openDoc(SpreadsheetApp.getActive());
}
