import { newDefinition, type GenerateRequest, type ReportSource } from "../../core/report";
import type { CellValue } from "../../core";
import type { HostResult, NamedSource, PanelRequest, ReportStatus, Schedule, SelectionInfo, SourceCells } from "../../panel/host";
import { fromSheets } from "../convert";
import { activeDoc } from "./doc";
import { refreshDocument, withDocumentLock } from "./refresh";
import { compute, rangeLabel, rangeSource, reportStatuses, write } from "./reports";
import { getSchedule, setSchedule } from "./schedule";
import { newReportId } from "./store";

/**
 * What `google.script.run` can ask for; each key is a top-level function of the bundle. The
 * sidebar's client type is derived from this object, so renaming one breaks the build.
 * Values crossing the wire are plain JSON: `plain` turns any Date into text (a Date makes the
 * call fail silently) and errors become messages.
 */
export const endpoints = {
  vendorscoreSelection(): SelectionInfo {
    const r = SpreadsheetApp.getActiveRange();
    return plain(r ? { address: rangeLabel(r), rows: r.getNumRows(), columns: r.getNumColumns() } : { address: "", rows: 0, columns: 0 });
  },
  vendorscoreSources(): NamedSource[] {
    return plain(SpreadsheetApp.getActive().getNamedRanges().map((n) => ({ name: n.getName(), type: "named range" as const })));
  },
  /** The source's cells for the pane's column form and data-quality summary; dates as wall-clock serials. */
  vendorscoreReadSource(source: PanelRequest["source"]): SourceCells {
    try {
      const doc = activeDoc();
      const range = source.type === "named" ? (source.name ? doc.ss.getRangeByName(source.name) : null) : SpreadsheetApp.getActiveRange();
      if (!range) return { ok: false, message: source.type === "named" ? `No named range "${source.name}".` : "Select the data (with its header row) or pick a named range." };
      return plain({ ok: true, address: rangeLabel(range), values: fromSheets(range.getValues(), doc.clock) as CellValue[][] });
    } catch (e) {
      return { ok: false, message: `Something went wrong in Google Sheets: ${e instanceof Error ? e.message : String(e)}` };
    }
  },
  vendorscoreReports(): ReportStatus[] {
    return plain(reportStatuses(activeDoc()));
  },
  vendorscoreGenerate(request: PanelRequest): HostResult {
    return guard(() => {
      const doc = activeDoc();
      let source: ReportSource;
      if (request.source.type === "named") {
        if (!request.source.name) return { ok: false, message: "Pick a named range, or choose the selected range as the source." };
        source = { name: request.source.name };
      } else {
        const r = SpreadsheetApp.getActiveRange();
        if (!r) return { ok: false, message: "Select the data (with its header row) or pick a named range." };
        source = rangeSource(r);
      }
      const req: GenerateRequest = { kind: request.kind, source, config: request.config, calendar: request.calendar, asOf: request.asOf, output: request.output };
      const def = newDefinition(newReportId(doc.now()), req);
      return withDocumentLock(() => write(doc, compute(doc, def, true), true));
    });
  },
  vendorscoreRefreshAll(): HostResult {
    return guard(() => refreshDocument(activeDoc()));
  },
  vendorscoreGetSchedule(): Schedule {
    return getSchedule(SpreadsheetApp.getActive());
  },
  vendorscoreSetSchedule(schedule: Schedule): HostResult {
    return guard(() => setSchedule(SpreadsheetApp.getActive(), schedule));
  },
};

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
