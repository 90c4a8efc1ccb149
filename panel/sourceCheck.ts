import { NOT_USED, type CellValue, type Context } from "../core";
import { mappingForm, sourceSummary, type ConfigGrid, type MappingForm, type ReportKind } from "../core/report";
import { Dropdown, el } from "./dom";
import type { SourceCells } from "./host";

/**
 * What the pane shows of the source before Generate: the column mapping as a form prefilled
 * with what the core detected, and the data-quality summary. The core decides both
 * (`mappingForm`, `sourceSummary`); this only shows them and keeps the analyst's choices.
 */
export class SourceCheck {
  readonly element: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly note: HTMLElement;
  private readonly quality: HTMLUListElement;
  private readonly columns: HTMLDetailsElement;
  private readonly summary: HTMLElement;
  private kind: ReportKind = "scorecard";
  private values: CellValue[][] | null = null;
  private headerKey = "";
  private readonly choices = new Map<string, string>();
  /** Choices of a stored report being edited, applied when its source is next shown. */
  private pending: ReadonlyMap<string, string> | null = null;
  private form: MappingForm | null = null;

  /** `config` gives the weights or policy table as typed, so its settings rows (date_order) apply to the summary. */
  private current = "";

  /** `onProblem` hears when the source's blocking problem appears or goes, so the pane can block Generate. */
  constructor(private readonly config: () => ConfigGrid, private readonly cx: Context, private readonly onProblem: () => void = () => {}) {
    this.body = el("tbody");
    this.note = el("p", { class: "vs-issue", id: "vs-source-problem", role: "alert", hidden: "" });
    this.quality = el("ul", { id: "vs-quality", class: "vs-quality", "aria-label": "What will be counted" });
    this.summary = el("summary", { text: "Columns" });
    // Collapsed while every required column is found; it opens by itself when one is not.
    this.columns = el("details", { class: "vs-config", id: "vs-mapping" }, this.summary, el("div", { class: "vs-scroll" }, el("table", {}, this.body)));
    this.element = el("div", { id: "vs-source-check", hidden: "" }, this.columns, this.note, this.quality);
  }

  setKind(kind: ReportKind): void {
    if (kind === this.kind) return;
    // Fields differ between PO lines and tickets: choices made for one kind mean nothing to the other.
    this.kind = kind;
    this.choices.clear();
    this.render();
  }

  /** Shows a freshly read source; choices are kept while its header row stays the same. */
  setSource(cells: SourceCells): void {
    this.element.hidden = false;
    if (!cells.ok) {
      this.values = null;
      this.form = null;
      this.body.replaceChildren();
      this.quality.replaceChildren();
      this.show(cells.message);
      return;
    }
    const key = JSON.stringify(cells.values[0] ?? []);
    if (key !== this.headerKey || this.pending) {
      this.choices.clear();
      for (const [field, header] of this.pending ?? []) this.choices.set(field, header);
      this.pending = null;
    }
    this.headerKey = key;
    this.values = cells.values;
    this.render();
  }

  /** The column choices a stored report made (its mapping rows), shown when its source is read. */
  setChoices(choices: ReadonlyMap<string, string>): void {
    this.pending = choices;
  }

  /** Mapping rows `field, header` for each choice that differs from the detected column. */
  rows(): ConfigGrid {
    return this.form?.rows ?? [];
  }

  /** Re-reads the summary after the weights or policy table changed (a date_order row, say). */
  refreshSummary(): void {
    if (!this.values || !this.form) return;
    const s = sourceSummary(this.kind, this.values, [...this.config(), ...this.form.rows], this.cx);
    this.quality.replaceChildren(...s.lines.map((line) => el("li", { text: line })));
    this.show(this.form.problem || s.problem);
  }

  private render(): void {
    if (!this.values) return;
    const form = (this.form = mappingForm(this.kind, this.values[0] ?? [], this.choices));
    const missing = form.fields.filter((f) => f.required && f.chosen === "").length;
    const found = form.fields.filter((f) => f.chosen !== "").length;
    this.summary.textContent = `Columns: ${found} of ${form.fields.length} found${missing ? `, ${missing} required not found` : ""}`;
    if (missing || form.problem) this.columns.open = true;
    this.body.replaceChildren(
      ...form.fields.map((f) => {
        const id = `vs-map-${f.field}`;
        const select = new Dropdown(`Column for ${f.label}`, { id, "data-field": f.field });
        select.setChoices([
          ...(f.required && f.chosen === "" ? [{ value: "", text: "(choose a column)" }] : []),
          ...(f.required ? [] : [{ value: NOT_USED, text: NOT_USED }]),
          ...form.headers.map((h) => ({ value: h, text: h })),
        ], f.chosen === "" ? (f.required ? "" : NOT_USED) : f.chosen);
        const changed = f.chosen !== f.detected;
        if (changed) {
          select.element.classList.add("vs-mapped");
          select.element.title = f.detected ? `Detected: ${f.detected}` : "Not detected";
        }
        select.onChange(() => {
          this.choices.set(f.field, select.value);
          this.render();
        });
        return el("tr", changed ? { class: "vs-changed" } : {}, el("th", {}, el("label", { for: id, text: f.label, title: `Field key: ${f.field} (a mapping row starts with it)` })), el("td", {}, select.element));
      }),
    );
    this.refreshSummary();
  }

  /** Why the source cannot be used as it stands ("" when it can): Generate waits for it to be fixed. */
  problem(): string {
    return this.current;
  }

  private show(problem: string): void {
    this.note.hidden = problem === "";
    this.note.textContent = problem;
    if (problem !== this.current) {
      this.current = problem;
      this.onProblem();
    }
  }
}
