import type { ConfigGrid, ConfigIssue } from "../core/report";
import { el } from "./dom";

/**
 * An editable grid for a config range (weights, policy, calendar). With `hasHeader`, the first
 * row is the header the core's parsers read: shown as fixed column labels, not inputs. Every data
 * row can be removed. Issues are shown under the row they point at.
 */
export class ConfigTable {
  readonly element: HTMLElement;
  private rows: string[][] = [];
  private readonly body: HTMLTableSectionElement;
  private readonly note: HTMLElement;

  constructor(private readonly id: string, label: string, private readonly onChange: () => void, private readonly hasHeader = true) {
    this.body = el("tbody");
    this.note = el("p", { class: "vs-issue", role: "alert", hidden: "" });
    const add = el("button", { type: "button", class: "vs-link", id: `${id}-add`, text: "+ Add row" });
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
    for (const input of Array.from(this.body.querySelectorAll("input[aria-invalid]"))) input.removeAttribute("aria-invalid");
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
    const input = issue.column >= 0 ? tr.cells[issue.column]?.querySelector("input") : null;
    if (!input) return;
    input.setAttribute("aria-invalid", "true");
    const at = issue.position;
    if (at === undefined) return;
    input.addEventListener("focus", () => input.setSelectionRange(at - 1, Math.min(at, input.value.length)), { once: true });
  }

  private noteRow(tr: HTMLTableRowElement): Node {
    // The message sits right under the offending row; the fieldset note stays for screen readers.
    this.note.hidden = true;
    const row = el("tr", { class: "vs-issue-row" }, el("td", { colspan: String(tr.cells.length + 1), class: "vs-issue", role: "alert", text: this.note.textContent ?? "" }));
    return row;
  }

  private render(): void {
    this.body.replaceChildren(
      ...this.rows.map((cells, r) => {
        if (r === 0 && this.hasHeader) {
          // Column names as the parser reads them; fixed, so "weight" cannot be typed over.
          return el("tr", { class: "vs-head" }, ...cells.map((name) => el("th", { scope: "col", text: name })), el("th", {}));
        }
        const tr = el("tr", {});
        cells.forEach((value, c) => {
          const input = el("input", { type: "text", value, "aria-label": `${this.id} row ${r + 1} column ${c + 1}`, "data-row": String(r), "data-col": String(c) });
          input.addEventListener("input", () => {
            this.rows[r]![c] = input.value;
            this.onChange();
          });
          tr.append(el("td", {}, input));
        });
        const del = el("button", { type: "button", class: "vs-del", title: "Remove row", "aria-label": `Remove row ${r + 1}`, text: "×" });
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
