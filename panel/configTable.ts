import type { ConfigGrid, ConfigIssue } from "../core/report";
import { button, el, textField, type TextField } from "./dom";
import { keyTip, wordFor } from "./words";

/**
 * An editable grid for a config range (weights, policy, calendar). With `hasHeader`, the first
 * row is the header the core's parsers read: shown as fixed column labels in words ("Resolution
 * (h)"), the key in a tooltip, not inputs. A data row named by a key the pane knows (a KPI, a
 * setting, a calendar row) shows its name in words too; other cells are inputs labelled by their
 * column and row. Every data row can be removed. Issues are shown under the row they point at.
 */
export class ConfigTable {
  readonly element: HTMLElement;
  private rows: string[][] = [];
  private readonly body: HTMLTableSectionElement;
  private readonly note: HTMLElement;

  constructor(private readonly id: string, label: string, private readonly onChange: () => void, private readonly hasHeader = true) {
    this.body = el("tbody");
    this.note = el("p", { class: "vs-issue", role: "alert", hidden: "" });
    const add = button("subtle", { class: "vs-add", id: `${id}-add`, size: "small" }, "+ Add row");
    add.addEventListener("click", () => {
      this.rows.push(new Array(this.rows[0]?.length ?? 2).fill(""));
      this.render();
      this.onChange();
    });
    this.element = el("fieldset", { class: "vs-config", id }, el("legend", { text: label }), el("div", { class: "vs-scroll" }, el("table", {}, this.body)), this.note, add);
  }

  /** Fills the grid, e.g. with the defaults of a report kind. */
  set(grid: ConfigGrid): void {
    this.rows = grid.map((r) => r.map((c) => String(c)));
    this.render();
  }

  /** The cells as the parser wants them: plain numbers as numbers, anything else as typed. */
  get(): ConfigGrid {
    return this.rows.filter((r) => r.some((c) => c.trim() !== "")).map((r) => r.map((c) => (/^\s*-?(\d+\.?\d*|\.\d+)\s*$/.test(c) ? Number(c) : c.trim())));
  }

  showIssues(issues: readonly ConfigIssue[]): void {
    this.body.querySelectorAll(".vs-issue-row").forEach((n) => n.remove());
    for (const tr of Array.from(this.body.rows)) tr.classList.remove("vs-invalid");
    for (const cell of Array.from(this.body.querySelectorAll<TextField>("fluent-text-input.vs-invalid-cell"))) {
      cell.classList.remove("vs-invalid-cell");
      cell.control?.removeAttribute("aria-invalid");
    }
    const first = issues[0];
    this.note.hidden = !first;
    this.note.textContent = first?.message ?? "";
    if (!first || first.row < 0) return;
    // Issues count rows of the non-blank grid; map back to the row on screen.
    let seen = -1;
    for (let i = 0; i < this.rows.length; i++) {
      if (this.rows[i]!.some((c) => c.trim() !== "")) seen++;
      if (seen === first.row) {
        const tr = this.body.rows[i]!;
        tr.classList.add("vs-invalid");
        tr.after(this.noteRow(tr));
        this.markCell(tr, first);
        return;
      }
    }
  }

  /**
   * The cell the problem names, marked invalid; in a formula, the caret goes to the character
   * the message gives ("formula at 14") when the user steps into the cell.
   */
  private markCell(tr: HTMLTableRowElement, issue: ConfigIssue): void {
    const cell = issue.column >= 0 ? tr.cells[issue.column]?.querySelector<TextField>("fluent-text-input") : null;
    if (!cell) return;
    cell.classList.add("vs-invalid-cell");
    cell.control?.setAttribute("aria-invalid", "true");
    const at = issue.position;
    if (at === undefined) return;
    cell.addEventListener("focusin", () => cell.control?.setSelectionRange(at - 1, Math.min(at, cell.value.length)), { once: true });
  }

  private noteRow(tr: HTMLTableRowElement): Node {
    // The message sits right under the offending row; the fieldset note stays for screen readers.
    this.note.hidden = true;
    const row = el("tr", { class: "vs-issue-row" }, el("td", { colspan: String(tr.cells.length + 1), class: "vs-issue", role: "alert", text: this.note.textContent ?? "" }));
    return row;
  }

  private render(): void {
    const header = this.hasHeader ? this.rows[0] ?? [] : [];
    const columnName = (c: number) => (header[c] !== undefined ? wordFor(String(header[c])) ?? String(header[c]) : c === 0 ? "Name" : "Value");
    this.body.replaceChildren(
      ...this.rows.map((cells, r) => {
        if (r === 0 && this.hasHeader) {
          // Column names in words; fixed, so "weight" cannot be typed over.
          return el("tr", { class: "vs-head" }, ...cells.map((name) => el("th", { scope: "col", title: keyTip(name), text: wordFor(name) ?? name })), el("th", {}, el("span", { class: "vs-sr", text: "Remove" })));
        }
        const tr = el("tr", {});
        const rowName = wordFor(cells[0] ?? "");
        const rowLabel = rowName ?? (cells[0]?.trim() || `row ${r + 1}`);
        // A setting row with a word for its value (period, quarter) and nothing after it: the value
        // spans the columns it leaves empty, so a word does not widen a column of numbers.
        const span = settingSpan(header.length, cells);
        (span ? cells.slice(0, 2) : cells).forEach((value, c) => {
          if (c === 0 && rowName) {
            // A known key: its name in words, fixed; the row can still be removed.
            tr.append(el("th", { scope: "row", class: "vs-key", title: keyTip(value), "data-row": String(r), "data-col": "0", text: rowName }));
            return;
          }
          const label = c === 0 ? `${columnName(0)}, row ${r + 1}` : `${columnName(c)}, ${rowLabel}`;
          // The label is the component's own, tied to its input; shown to screen readers only, the column header and row name show it to the eye.
          const input = textField(label, { size: "1", value, class: "vs-cell", "data-row": String(r), "data-col": String(c) });
          // At least as wide as its text, so the table gives the column room for it ("business", "09:00-17:00").
          input.style.minWidth = `calc(${Math.max(value.length, 2)}ch + 10px)`;
          input.addEventListener("input", () => {
            this.rows[r]![c] = input.value;
            this.onChange();
          });
          tr.append(el("td", span && c === 1 ? { colspan: String(span) } : {}, input));
        });
        const del = button("subtle", { class: "vs-del", size: "small", "icon-only": "", title: `Remove ${rowLabel}`, "aria-label": `Remove ${rowLabel}` }, "×");
        del.addEventListener("click", () => {
          this.rows.splice(r, 1);
          this.render();
          this.onChange();
        });
        tr.append(el("td", {}, del));
        return tr;
      }),
    );
  }
}

/**
 * The columns a setting row's value cell spans: the header's columns after the first when the
 * row's second cell is a word (not a number) and every later cell is blank; 0 otherwise.
 *
 * @example settingSpan(5, ["period", "quarter", "", "", ""]) // 4
 */
export function settingSpan(width: number, cells: readonly string[]): number {
  if (width < 3 || cells.length < 2) return 0;
  const value = cells[1]!.trim();
  if (value === "" || !Number.isNaN(Number(value)) || cells.slice(2).some((c) => c.trim() !== "")) return 0;
  return width - 1;
}
