import { kindInfo } from "../core/report";
import { button as fluentButton, el } from "./dom";
import type { ReportStatus } from "./host";

/** What a report's buttons do. */
export interface ReportActions {
  open(id: string): void;
  refresh(id: string): void;
  edit(id: string): void;
  remove(id: string, output: string): void;
}

/**
 * One entry per stored report: its sheet, kind and source, when it was last refreshed and what
 * went wrong, with Open, Refresh, Edit and Delete. A report that cannot be read offers Delete only.
 */
export function renderReports(list: HTMLElement, reports: readonly ReportStatus[], formatTime: (iso: string) => string, actions: ReportActions, editing = ""): void {
  if (reports.length === 0) {
    list.replaceChildren(el("li", { class: "vs-empty", text: "No reports yet: generate one above." }));
    return;
  }
  list.replaceChildren(
    ...reports.map((r) => {
      const problem = r.problem || r.lastError;
      const button = (action: string, text: string, run: () => void) => {
        const b = fluentButton("subtle", { size: "small", "data-action": action, "aria-label": `${text} ${r.output || r.id}` }, text);
        b.addEventListener("click", run);
        return b;
      };
      const usable = r.kind !== "";
      const buttons = [
        ...(usable ? [button("open", "Open", () => actions.open(r.id)), button("refresh", "Refresh", () => actions.refresh(r.id)), button("edit", "Edit", () => actions.edit(r.id))] : []),
        button("delete", "Delete", () => actions.remove(r.id, r.output)),
      ];
      const classes = [problem ? "vs-has-error" : "", r.id === editing ? "vs-editing" : ""].filter(Boolean).join(" ");
      return el("li", { "data-report": r.id, class: classes },
        el("strong", { text: r.output || "(a stored report that cannot be read)" }),
        el("span", { class: "vs-meta", text: usable ? `${kindInfo(r.kind as never).label} · ${r.source}` : "" }),
        el("span", { class: "vs-time", text: r.lastRefresh ? `Refreshed ${formatTime(r.lastRefresh)}` : "Never refreshed" }),
        ...(r.summary && !problem ? [el("span", { class: "vs-summary", text: r.summary })] : []),
        ...(problem ? [el("span", { class: "vs-error-text", text: problem })] : []),
        el("span", { class: "vs-actions" }, ...buttons));
    }),
  );
}
