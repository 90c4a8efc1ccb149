import type { Env } from "../../core/catalog/types";
import { lazyClock } from "../gas";
import { localDateShowing, type WallClock } from "../zone";
import { ReportStore } from "./store";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One spreadsheet as the server works on it: its store, its wall clock and the clocks. */
export interface Doc {
  readonly ss: Spreadsheet;
  readonly store: ReportStore;
  readonly clock: () => WallClock;
  /** The real instant, for "last refreshed" stamps. */
  readonly now: () => Date;
  /** What the core computes with: "today" is the spreadsheet's day. */
  readonly env: Env;
}

export function openDoc(ss: Spreadsheet): Doc {
  const clock = lazyClock(() => ss);
  const now = () => new Date(Date.now());
  const props = PropertiesService.getDocumentProperties();
  // Null outside a document's context: say so rather than fail on a null store later.
  if (!props) throw new Error("the reports stored in this spreadsheet cannot be read from here (no document context); open the spreadsheet and use Refresh all.");
  return { ss, store: new ReportStore(props), clock, now, env: { now: () => localDateShowing(clock().toSerial(now())) } };
}

/** The spreadsheet the user has open (menus, the sidebar). */
export function activeDoc(): Doc {
  return openDoc(SpreadsheetApp.getActive());
}
