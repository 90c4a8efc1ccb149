import { CoreError, type Range } from "../../core";
import {
  KIND_INFO, buildReport, chooseOutput, describeSource, quoteSheet, stamp, staleSourceMessage,
  type ReportDefinition, type ReportSheet, type ReportSource, type SheetInfo,
} from "../../core/report";
import type { HostResult, ReportStatus } from "../../panel/host";
import { fromSheets } from "../convert";
import type { Doc } from "./doc";
import { renderReport } from "./render";

type GRange = GoogleAppsScript.Spreadsheet.Range;

/** A report computed in full and not yet written: refresh writes nothing half-done. */
export type Computed = { readonly def: ReportDefinition; readonly report: ReportSheet } | { readonly def: ReportDefinition; readonly error: string };

/** The range a source names, or null when its sheet or named range is gone. */
export function sourceRange(doc: Doc, src: ReportSource): GRange | null {
  if ("name" in src) return doc.ss.getRangeByName(src.name);
  const sheet = doc.ss.getSheetByName(src.sheet);
  return sheet ? sheet.getRange(src.address) : null;
}

/** Reads the source in one `getValues` and computes the report; dates are read in the sheet's zone. */
export function compute(doc: Doc, def: ReportDefinition, isNew: boolean): Computed {
  const range = sourceRange(doc, def.source);
  if (!range) return { def, error: isNew ? `The source ${describeSource(def.source)} was not found.` : staleSourceMessage(def) };
  const values = fromSheets(range.getValues(), doc.clock) as Range;
  const report = buildReport({ kind: def.kind, source: values, config: def.config, calendar: def.calendar, asOf: def.asOf }, doc.cx);
  if (report instanceof CoreError) return { def, error: `${KIND_INFO[def.kind].label} from ${describeSource(def.source)}: ${report.message}` };
  return { def, report };
}

/**
 * Writes a computed report to the sheet vendorscore made for it (found by id, so a renamed tab
 * is still found), or to a new sheet; never into a sheet it did not create. A failure leaves
 * the previous content and records the error on the definition and as a note on its sheet.
 */
export function write(doc: Doc, c: Computed, isNew: boolean): HostResult {
  const at = doc.now();
  if ("error" in c) {
    if (!isNew) {
      doc.store.save(stamp(c.def, at, { error: c.error }));
      const sheet = ownSheet(doc, c.def);
      if (sheet) sheet.getRange(1, 1).setNote(`vendorscore: the refresh at ${at.toISOString()} failed, so these values are from ${c.def.lastRefresh || "an earlier run"}.\n${c.error}`);
    }
    return { ok: false, message: c.error };
  }
  const owned = doc.store.owned();
  const infos: SheetInfo[] = doc.ss.getSheets().map((s) => {
    const id = String(s.getSheetId());
    return { name: s.getName(), id, ours: owned.has(id) };
  });
  const current = infos.find((i) => i.id === c.def.outputId && i.ours);
  const choice = current ? { name: current.name, reuseId: current.id, notice: "" } : chooseOutput(c.def.output, infos, c.def.outputId);
  const sheet = choice.reuseId ? doc.ss.getSheets().find((s) => String(s.getSheetId()) === choice.reuseId)! : doc.ss.insertSheet(choice.name);
  const id = String(sheet.getSheetId());
  // Marked as ours before anything is written, so a failure half-way never makes it a user's sheet.
  doc.store.own(id);
  renderReport(sheet, c.report);
  const name = sheet.getName();
  sheet.getRange(1, 1).setNote(`vendorscore: ${KIND_INFO[c.def.kind].label} from ${describeSource(c.def.source)}, refreshed ${at.toISOString()}.`);
  doc.store.save(stamp({ ...c.def, output: name }, at, { output: name, outputId: id }));
  if (isNew) sheet.activate();
  const rows = c.report.values.length - 1;
  return { ok: true, message: `${KIND_INFO[c.def.kind].label} written to "${name}" (${rows} row${rows === 1 ? "" : "s"}).`, ...(choice.notice ? { notice: choice.notice } : {}) };
}

function ownSheet(doc: Doc, def: ReportDefinition): GoogleAppsScript.Spreadsheet.Sheet | undefined {
  if (!def.outputId || !doc.store.owned().has(def.outputId)) return undefined;
  return doc.ss.getSheets().find((s) => String(s.getSheetId()) === def.outputId);
}

/** The reports list of the panel: freshness, last error, and why a definition cannot be used. */
export function reportStatuses(doc: Doc): ReportStatus[] {
  const all = doc.store.reports();
  const names = new Set(doc.ss.getSheets().map((s) => s.getName().toLowerCase()));
  const ranges = new Set(doc.ss.getNamedRanges().map((n) => n.getName().toLowerCase()));
  const exists = (s: ReportSource) => ("name" in s ? ranges.has(s.name.toLowerCase()) : names.has(s.sheet.toLowerCase()));
  return all.map((e): ReportStatus => {
    const d = e.def;
    if (!d) return { id: e.id, kind: "", output: "", source: "", lastRefresh: "", lastError: "", problem: e.problem };
    return { id: e.id, kind: d.kind, output: d.output, source: describeSource(d.source), lastRefresh: d.lastRefresh, lastError: d.lastError, problem: exists(d.source) ? "" : staleSourceMessage(d) };
  });
}

/** `'PO lines'!A1:J41`, as the panel shows the selection and a definition stores it. */
export function rangeSource(range: GRange): { sheet: string; address: string } {
  return { sheet: range.getSheet().getName(), address: range.getA1Notation() };
}

export function rangeLabel(range: GRange): string {
  const s = rangeSource(range);
  return `${quoteSheet(s.sheet)}!${s.address}`;
}
