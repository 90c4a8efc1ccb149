/**
 * The preview page: the sample workbook (in memory) on the left, the real task pane on the
 * right. This script installs `Excel` and `Office` globals over the in-memory workbook before
 * the task-pane bundle loads, re-draws the sheet after every batch, and lets you select and
 * edit cells. `window.vsPreview` is what the browser test drives.
 */
import poCsv from "../samples/po-lines.csv";
import ticketsCsv from "../samples/tickets.csv";
import { OFFICE_DARK_THEME, officeGlobals } from "../doubles/excel/api";
import { formatSerial } from "../core";
import { addCsvSheet, typedCell } from "./sample";
import { colLetters, findSheet, parseRect, readFormats, readValues, setCell, usedRect, type SheetModel, type WorkbookModel } from "../doubles/excel/model";
import { chartsHtml, gridHtml } from "./render";
import { sampleWorkbook } from "./sample";

const wb: WorkbookModel = sampleWorkbook(poCsv, ticketsCsv);
// `?theme=dark` shows the pane as Excel's Black theme does; `?pane` shows the pane alone, as wide as the window.
const params = new URLSearchParams(location.search);
const globals = officeGlobals(wb, params.get("theme") === "dark" ? OFFICE_DARK_THEME : undefined);
if (params.has("pane")) document.documentElement.classList.add("pane-only");
const run = globals.Excel.run.bind(globals.Excel);
let runs = 0;
(globalThis as Record<string, unknown>)["Excel"] = {
  run: async <T>(batch: (ctx: never) => Promise<T>) => {
    runs++;
    try {
      return await run(batch as never);
    } finally {
      render();
    }
  },
};
(globalThis as Record<string, unknown>)["Office"] = globals.Office;

function active(): SheetModel {
  return findSheet(wb, wb.activeSheetId) ?? wb.sheets[0]!;
}

function render(): void {
  const tabs = document.getElementById("tabs");
  const grid = document.getElementById("grid");
  const charts = document.getElementById("charts");
  if (!tabs || !grid || !charts) return;
  const s = active();
  tabs.replaceChildren(...wb.sheets.filter((x) => x.visibility === "Visible").map((x) => {
    const b = document.createElement("button");
    b.textContent = x.name;
    b.className = x.id === s.id ? "tab active" : "tab";
    if (x.tabColor) b.style.borderTopColor = x.tabColor;
    b.onclick = () => {
      wb.activeSheetId = x.id;
      wb.selection = { sheetId: x.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      render();
    };
    return b;
  }));
  grid.innerHTML = gridHtml(s, wb.selection.sheetId === s.id ? wb.selection.rect : null);
  charts.innerHTML = chartsHtml(s);
  const addr = document.getElementById("address");
  if (addr) addr.textContent = `${s.name}!${rectText(wb.selection.rect)}`;
}

function rectText(r: { r0: number; c0: number; r1: number; c1: number }): string {
  const a = (row: number, col: number) => `${colLetters(col)}${row + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a(r.r0, r.c0) : `${a(r.r0, r.c0)}:${a(r.r1, r.c1)}`;
}

// Selecting with the mouse: press, drag, release. A cell is edited in place, as in Excel: a
// double-click, F2, or typing over it opens the editor; Enter keeps the text, Escape drops it.
let anchor: { r: number; c: number } | null = null;
function cellOf(e: Event): { r: number; c: number } | null {
  const td = (e.target as HTMLElement).closest("td[data-r]") as HTMLElement | null;
  return td ? { r: Number(td.dataset["r"]), c: Number(td.dataset["c"]) } : null;
}
function selectCells(a: { r: number; c: number }, b: { r: number; c: number }): void {
  wb.selection = { sheetId: active().id, rect: { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) } };
  render();
}
document.addEventListener("mousedown", (e) => {
  if ((e.target as HTMLElement).closest(".cell-editor")) return;
  const c = cellOf(e);
  if (!c) return;
  // The second press of a double-click edits: the grid is redrawn on each press, so the browser's
  // own dblclick event would not reach the cell.
  if (e.detail === 2) {
    e.preventDefault();
    editCell(c);
    return;
  }
  anchor = e.shiftKey ? anchor ?? c : c;
  selectCells(anchor, c);
});
document.addEventListener("mouseover", (e) => {
  const c = cellOf(e);
  if (c && anchor && (e as MouseEvent).buttons === 1) selectCells(anchor, c);
});
document.addEventListener("keydown", (e) => {
  // Keys typed in the pane, or in the cell editor, are theirs.
  const t = e.target as HTMLElement;
  if (t.closest("#app, .cell-editor, input, select, textarea, fluent-button") || wb.selection.sheetId !== active().id) return;
  const c = { r: wb.selection.rect.r0, c: wb.selection.rect.c0 };
  if (e.key === "F2") {
    e.preventDefault();
    editCell(c);
  } else if (e.key === "Enter") {
    e.preventDefault();
    selectCells({ r: c.r + 1, c: c.c }, { r: c.r + 1, c: c.c });
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    // Typing over a cell replaces its content, as in Excel.
    e.preventDefault();
    editCell(c, e.key);
  }
});

/** The text a cell is edited as: a date cell as its date (`2025-03-31`), never its serial. */
function editText(s: SheetModel, c: { r: number; c: number }): string {
  const now = s.values[c.r]?.[c.c] ?? "";
  const format = s.formats[c.r]?.[c.c] ?? "General";
  const isDate = typeof now === "number" && /y{2,4}-m{1,2}-d{1,2}/i.test(format);
  return isDate ? formatSerial(now) : String(now);
}

/** Opens the in-place editor on a cell; `typed` starts it with that text instead of the cell's. */
function editCell(c: { r: number; c: number }, typed?: string): void {
  const s = active();
  const td = document.querySelector(`#grid td[data-r="${c.r}"][data-c="${c.c}"]`) as HTMLElement | null;
  if (!td) return;
  const input = document.createElement("input");
  input.className = "cell-editor";
  input.setAttribute("aria-label", `Cell ${rectText({ r0: c.r, c0: c.c, r1: c.r, c1: c.c })}`);
  input.value = typed ?? editText(s, c);
  input.style.width = `${Math.max(td.clientWidth, 80)}px`;
  td.replaceChildren(input);
  input.focus();
  if (typed === undefined) input.select();
  let done = false;
  const finish = (keep: boolean) => {
    if (done) return;
    done = true;
    if (keep) {
      const cell = typedCell(input.value);
      setCell(s.values, c.r, c.c, cell.value, "");
      if (cell.format !== "General") setCell(s.formats, c.r, c.c, cell.format, "General");
    }
    render();
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      finish(true);
      // As in Excel, Enter moves on to the cell below.
      selectCells({ r: c.r + 1, c: c.c }, { r: c.r + 1, c: c.c });
    } else if (e.key === "Escape") {
      e.preventDefault();
      finish(false);
    }
  });
  input.addEventListener("blur", () => finish(true));
}

/** The handle the browser test (and a curious user in the console) drives the workbook with. */
const api = {
  model: wb,
  get syncCount() { return wb.syncCount; },
  get runs() { return runs; },
  /** Syncs of each finished Excel.run: the test reads how many one generation took. */
  get runLog() { return wb.runSyncs; },
  select(sheet: string, address: string) {
    const s = findSheet(wb, sheet)!;
    wb.activeSheetId = s.id;
    wb.selection = { sheetId: s.id, rect: parseRect(address) };
    render();
  },
  setValue(sheet: string, address: string, value: string | number) {
    const s = findSheet(wb, sheet)!;
    const r = parseRect(address);
    setCell(s.values, r.r0, r.c0, typeof value === "number" ? value : typedCell(value).value, "");
    render();
  },
  addSheetFromCsv(name: string, csv: string) {
    addCsvSheet(wb, name, csv);
    render();
  },
  /** A copy of the sample PO lines repeated to `rows` data rows, for the size test. */
  addPoCopy(name: string, rows: number) {
    const lines = poCsv.trim().split(/\r?\n/);
    const body = lines.slice(1);
    const out = [lines[0]!];
    for (let i = 0; i < rows; i++) out.push(body[i % body.length]!);
    addCsvSheet(wb, name, out.join("\n"));
  },
  sheet(name: string) {
    const s = findSheet(wb, name);
    if (!s) return null;
    const rect = usedRect(s, true);
    return {
      name: s.name, id: s.id, visibility: s.visibility, frozenRows: s.frozenRows, tabColor: s.tabColor,
      values: rect ? readValues(s, { ...rect, r0: 0, c0: 0 }) : [],
      formats: rect ? readFormats(s, { ...rect, r0: 0, c0: 0 }) : [],
      headerFill: s.fills[0]?.[0] ?? "", headerBold: s.bold[0]?.[0] ?? false,
      conditionalFormats: JSON.parse(JSON.stringify(s.conditionalFormats)),
      charts: JSON.parse(JSON.stringify(s.charts)),
      columnWidths: [...s.columnWidths],
      hiddenColumns: [...s.hiddenColumns],
    };
  },
  sheetNames() { return wb.sheets.map((s) => s.name); },
  render,
};
(globalThis as Record<string, unknown>)["vsPreview"] = api;
document.addEventListener("DOMContentLoaded", render);
render();
