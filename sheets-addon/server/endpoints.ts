import { describeSource, generate, list, open, readSource, remove, runSync, type ReportSource } from "../../core/report";
import { editable, hostResult, reportRequest, reportSource, type EditableReport, type HostResult, type NamedSource, type PanelRequest, type PanelSource, type ReportStatus, type Schedule, type SelectionInfo, type SourceCells } from "../../panel/host";
import { activeDoc, type Doc } from "./doc";
import { refreshDocument, withDocumentLock } from "./refresh";
import { getSchedule, setSchedule } from "./schedule";
import { newReportId } from "./store";
import { rangeLabel, rangeSource, SheetsWorkbook } from "./workbook";

/**
 * What `google.script.run` can ask for; each key is a top-level function of the bundle. The
 * sidebar's client type is derived from this object, so renaming one breaks the build.
 * Values crossing the wire are plain JSON: `plain` turns any Date into text (a Date makes the
 * call fail silently) and errors become messages. Every report action is a report use case
 * (core/report/usecases.ts) run against a {@link SheetsWorkbook}.
 */
export const endpoints = {
  vendorscoreSelection(): SelectionInfo {
    const r = SpreadsheetApp.getActiveRange();
    if (!r) return { address: "", sheet: "", local: "", rows: 0, columns: 0 };
    const s = rangeSource(r);
    return plain({ address: rangeLabel(r), sheet: s.sheet, local: s.address, rows: r.getNumRows(), columns: r.getNumColumns() });
  },
  vendorscoreSources(): NamedSource[] {
    return plain(SpreadsheetApp.getActive().getNamedRanges().map((n) => ({ name: n.getName(), type: "named range" as const })));
  },
  /** The source's cells for the pane's column form and data-quality summary, read as generation reads them. */
  vendorscoreReadSource(source: PanelSource): SourceCells {
    try {
      const doc = activeDoc();
      return plain(runSync(readSource(reportSource(source) as ReportSource), new SheetsWorkbook(doc)));
    } catch (e) {
      return { ok: false, message: `Something went wrong in Google Sheets: ${e instanceof Error ? e.message : String(e)}` };
    }
  },
  vendorscoreReports(): ReportStatus[] {
    return plain(runSync(list(), new SheetsWorkbook(activeDoc())));
  },
  vendorscoreGenerate(request: PanelRequest): HostResult {
    return guard(() => {
      const doc = activeDoc();
      return withDocumentLock(() => hostResult(run(doc, generate(reportRequest(request), { now: doc.now, cx: doc.cx }, () => newReportId(doc.now())))));
    });
  },
  vendorscoreRefreshAll(): HostResult {
    return guard(() => refreshDocument(activeDoc()));
  },
  vendorscoreRefreshReport(id: string): HostResult {
    return guard(() => refreshDocument(activeDoc(), { id }));
  },
  vendorscoreOpenReport(id: string, activate: boolean): EditableReport | null {
    const def = run(activeDoc(), open(id, activate));
    return def ? plain(editable(def, describeSource(def.source))) : null;
  },
  vendorscoreDeleteReport(id: string, withSheet: boolean): HostResult {
    return guard(() => {
      const doc = activeDoc();
      return withDocumentLock(() => hostResult(run(doc, remove(id, withSheet))));
    });
  },
  vendorscoreGetSchedule(): Schedule {
    return getSchedule(SpreadsheetApp.getActive());
  },
  vendorscoreSetSchedule(schedule: Schedule): HostResult {
    return guard(() => setSchedule(SpreadsheetApp.getActive(), schedule));
  },
};

function run<T>(doc: Doc, flow: Parameters<typeof runSync<T>>[0]): T {
  return runSync(flow, new SheetsWorkbook(doc));
}


export type Endpoints = typeof endpoints;

function guard(work: () => HostResult): HostResult {
  try {
    return plain(work());
  } catch (e) {
    return { ok: false, message: `Something went wrong in Google Sheets: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** A JSON copy: what `google.script.run` can carry (no Date, no undefined). */
function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
