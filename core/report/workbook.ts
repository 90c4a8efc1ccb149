import type { CellValue } from "../cell/types";
import type { ReportSource } from "./definition";
import type { ReportSheet } from "./sheet";

/**
 * The little a report needs from a workbook. The Excel task pane implements it with Office.js
 * (every call a batch that ends in one `sync`), the Office Script with ExcelScript and the Sheets
 * add-on with SpreadsheetApp (every call answers at once). The use cases in `usecases.ts` are
 * written once over it.
 */
export interface Workbook {
  /** Every sheet with the report id its own vendorscore marker holds ("" when it has none). */
  sheets(): Maybe<SheetEntry[]>;
  /** The stored report definitions, as stored text by report id, in creation order. */
  definitions(): Maybe<StoredDefinition[]>;
  /** Stores (adds or replaces) one definition's text. */
  putDefinition(id: string, text: string): Maybe<void>;
  removeDefinition(id: string): Maybe<void>;
  /**
   * Where a source's cells are now: its sheet and extent. A table, a named range or whole columns
   * (`A:N`) are taken to their used extent, so rows added below are read. Undefined when the
   * sheet, table or name is gone.
   */
  locate(source: ReportSource): Maybe<SourceExtent | undefined>;
  /** Rows `[offset, offset + rows)` of an extent, at most a block (see `blocks.ts`) at a time. */
  read(extent: SourceExtent, offset: number, rows: number): Maybe<CellValue[][]>;
  /** Adds a sheet named `name` carrying the marker of report `reportId`. */
  addSheet(name: string, reportId: string): Maybe<SheetEntry>;
  /** Replaces a sheet's content with a report, writing its values in the given row blocks. */
  writeReport(sheetId: string, report: ReportSheet, blocks: readonly RowBlock[]): Maybe<void>;
  deleteSheet(sheetId: string): Maybe<void>;
  /** Optional: says on a report's sheet that its last refresh failed and why (Sheets: a note on A1). */
  markFailed?(sheetId: string, message: string): Maybe<void>;
  activate(sheetId: string): Maybe<void>;
}

/**
 * The marker a report sheet carries: the report id and the sheet's own id. A copy of the sheet
 * (Excel and Sheets copy custom properties and metadata with it) has another id, so it reads as
 * unmarked: a copy is the user's, never a report's.
 *
 * @example markerValue("r1", "7") // "r1@7"
 */
export function markerValue(reportId: string, sheetId: string): string {
  return `${reportId}@${sheetId}`;
}

/** The report id a sheet's marker holds, or "" when there is none or it was copied from another sheet. */
export function markerOf(value: string | undefined, sheetId: string): string {
  if (!value) return "";
  const at = value.lastIndexOf("@");
  return at > 0 && value.slice(at + 1) === sheetId ? value.slice(0, at) : "";
}

/** A value now (Sheets, Office Script) or once a batch has synced (the Excel task pane). */
export type Maybe<T> = T | PromiseLike<T>;

export interface SheetEntry {
  readonly id: string;
  readonly name: string;
  /** The report id in the sheet's own vendorscore marker; "" for a sheet the add-in did not make. */
  readonly marker: string;
}

export interface StoredDefinition {
  readonly id: string;
  readonly text: string;
}

/** A source's cells as they are now: `rows` x `columns` from the 0-based `row`, `column` of a sheet. */
export interface SourceExtent {
  readonly sheetId: string;
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** Rows `[start, start + count)` of a grid. */
export interface RowBlock {
  readonly start: number;
  readonly count: number;
}

/**
 * A use case as a generator: it yields workbook calls and receives their answers, so the same code
 * runs against a workbook that answers at once ({@link runSync}) and one that answers later
 * ({@link runAsync}). Write `const x = yield* ask((wb) => wb.sheets())`.
 */
export type Flow<T> = Generator<Call, T, unknown>;
type Call = (wb: Workbook) => unknown;

/** One workbook call inside a flow, typed by what the call answers. */
export function* ask<T>(call: (wb: Workbook) => Maybe<T>): Flow<T> {
  return (yield call) as T;
}

/** Runs a flow against a workbook whose calls answer at once (Sheets, Office Script). */
export function runSync<T>(flow: Flow<T>, wb: Workbook): T {
  let step = flow.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = step.value(wb);
    } catch (e) {
      step = flow.throw(e);
      continue;
    }
    if (answer !== null && typeof answer === "object" && typeof (answer as PromiseLike<unknown>).then === "function") {
      throw new Error("runSync: this workbook answered later; run the flow with runAsync.");
    }
    step = flow.next(answer);
  }
  return step.value;
}

/** Runs a flow against a workbook whose calls may answer later (the Excel task pane). */
export async function runAsync<T>(flow: Flow<T>, wb: Workbook): Promise<T> {
  let step = flow.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = await step.value(wb);
    } catch (e) {
      step = flow.throw(e);
      continue;
    }
    step = flow.next(answer);
  }
  return step.value;
}
