import { kindInfo } from "../core/report";
import { el } from "./dom";
import type { ReportStatus } from "./host";

/** One line per stored report: its sheet, kind and source, when it was last refreshed and what went wrong. */
export function renderReports(list: HTMLElement, reports: readonly ReportStatus[], formatTime: (iso: string) => string): void {
  if (reports.length === 0) {
    list.replaceChildren(el("li", { class: "vs-empty", text: "No reports yet: generate one above." }));
    return;
  }
  list.replaceChildren(
    ...reports.map((r) => {
      const problem = r.problem || r.lastError;
      return el("li", { "data-report": r.id, class: problem ? "vs-has-error" : "" },
        el("strong", { text: r.output || "(unknown sheet)" }),
        el("span", { class: "vs-meta", text: ` ${r.kind ? kindInfo(r.kind).label : "?"} · ${r.source}` }),
        el("span", { class: "vs-time", text: r.lastRefresh ? `Refreshed ${formatTime(r.lastRefresh)}` : "Never refreshed" }),
        ...(problem ? [el("span", { class: "vs-error-text", text: problem })] : []));
    }),
  );
}
