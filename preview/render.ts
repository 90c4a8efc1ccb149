import { getCell, colLetters, colIndex, type ConditionalFormatModel, type SheetModel } from "../doubles/excel/model";
import { formatCell } from "./format";

const MAX_ROWS = 200;

/** The fill a cell gets from the sheet's conditional formats, evaluated as Excel would. */
function conditionalFill(s: SheetModel, r: number, c: number): { fill?: string | undefined; color?: string | undefined } {
  let out: { fill?: string | undefined; color?: string | undefined } = {};
  for (const cf of s.conditionalFormats) {
    if (r < cf.rect.r0 || r > cf.rect.r1 || c < cf.rect.c0 || c > cf.rect.c1) continue;
    if (cf.type === "Custom") {
      if (customMatches(s, cf, r)) out = { fill: cf.fill, color: cf.fontColor };
    } else if (cf.criteria) {
      out = { ...out, fill: scaleColor(s, cf, r, c) };
    }
  }
  return out;
}

/** Rules of the form `=$K2="D"` (the only form the add-in writes): compare that column, any case. */
function customMatches(s: SheetModel, cf: ConditionalFormatModel & { type: "Custom" }, r: number): boolean {
  const m = /^=\$([A-Z]+)(\d+)="(.*)"$/.exec(cf.formula);
  if (!m) return false;
  const col = colIndex(m[1]!);
  const row = r - cf.rect.r0 + Number(m[2]) - 1;
  return String(getCell(s.values, row, col, "")).toLowerCase() === m[3]!.toLowerCase();
}

function scaleColor(s: SheetModel, cf: ConditionalFormatModel & { type: "ColorScale" }, r: number, c: number): string | undefined {
  const v = getCell(s.values, r, c, "");
  if (typeof v !== "number") return undefined;
  const nums: number[] = [];
  for (let i = cf.rect.r0; i <= cf.rect.r1; i++) {
    const x = getCell(s.values, i, c, "");
    if (typeof x === "number") nums.push(x);
  }
  const lo = Math.min(...nums), hi = Math.max(...nums);
  const sorted = [...nums].sort((a, b) => a - b);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const k = cf.criteria!;
  const mix = (a: string, b: string, t: number) => {
    const p = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    const x = p(a), y = p(b);
    return `rgb(${x.map((xi, i) => Math.round(xi + (y[i]! - xi) * t)).join(",")})`;
  };
  const midColor = k.midpoint?.color ?? k.minimum.color;
  if (v <= mid) return mix(k.minimum.color, midColor, mid === lo ? 1 : (v - lo) / (mid - lo));
  return mix(midColor, k.maximum.color, hi === mid ? 1 : (v - mid) / (hi - mid));
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** The sheet as an HTML grid, with letters, row numbers, formats, fills and the selection. */
export function gridHtml(s: SheetModel, selection: { r0: number; c0: number; r1: number; c1: number } | null): string {
  const rows = Math.max(s.values.length, 20);
  const cols = Math.max(10, ...s.values.map((r) => r.length));
  const shown = Math.min(rows, MAX_ROWS);
  let h = `<table class="grid"><thead><tr><th class="corner"></th>`;
  for (let c = 0; c < cols; c++) h += `<th style="min-width:${s.columnWidths[c] ?? 64}px">${colLetters(c)}</th>`;
  h += `</tr></thead><tbody>`;
  for (let r = 0; r < shown; r++) {
    h += `<tr${r < s.frozenRows ? ' class="frozen"' : ""}><th>${r + 1}</th>`;
    for (let c = 0; c < cols; c++) {
      const v = getCell(s.values, r, c, "");
      const fmt = getCell(s.formats, r, c, "General");
      const cf = conditionalFill(s, r, c);
      const fill = cf.fill || getCell(s.fills, r, c, "");
      const color = cf.color || getCell(s.fontColors, r, c, "");
      const style = [fill && `background:${fill}`, color && `color:${color}`, getCell(s.bold, r, c, false) && "font-weight:600", typeof v === "number" && "text-align:right"].filter(Boolean).join(";");
      const sel = selection && r >= selection.r0 && r <= selection.r1 && c >= selection.c0 && c <= selection.c1 ? ' class="sel"' : "";
      h += `<td data-r="${r}" data-c="${c}"${sel}${style ? ` style="${style}"` : ""}>${esc(formatCell(v, fmt))}</td>`;
    }
    h += `</tr>`;
  }
  h += `</tbody></table>`;
  if (rows > shown) h += `<p class="more">${rows - shown} more rows not shown</p>`;
  return h;
}

/** A line chart of one series: a point per category with a value, a category without one left as a gap in the line. */
function lineSvg(title: string, points: [string, number | undefined][]): string {
  const w = 360, h = 200, left = 40, bottom = 170, top = 30;
  const values = points.flatMap(([, v]) => (v === undefined ? [] : [v]));
  const max = Math.max(1, ...values), min = Math.min(0, ...values);
  const x = (i: number) => left + (points.length < 2 ? 0 : (i * (w - left - 20)) / (points.length - 1));
  const y = (v: number) => bottom - ((v - min) / (max - min)) * (bottom - top);
  const runs: string[] = [];
  let run: string[] = [];
  points.forEach(([, v], i) => {
    if (v === undefined) {
      if (run.length) runs.push(run.join(" "));
      run = [];
    } else run.push(`${x(i)},${y(v)}`);
  });
  if (run.length) runs.push(run.join(" "));
  const lines = runs.map((r) => `<polyline points="${r}" fill="none" stroke="#1F4E78" stroke-width="2"/>`).join("");
  const dots = points.map(([k, v], i) => `${v === undefined ? "" : `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="#1F4E78"/><text x="${x(i)}" y="${y(v) - 6}" text-anchor="middle">${formatCell(v, "0.0")}</text>`}<text x="${x(i)}" y="${bottom + 18}" text-anchor="middle">${esc(k)}</text>`).join("");
  return `<svg width="${w}" height="${h}" role="img" aria-label="${esc(title)}"><text x="${w / 2}" y="18" text-anchor="middle" font-weight="600">${esc(title)}</text><line x1="${left}" y1="${bottom}" x2="${w - 10}" y2="${bottom}" stroke="#999"/>${lines}${dots}</svg>`;
}

/** Each chart as an SVG: a line chart as a line, any other as bars of its first series (category or point label, value). */
export function chartsHtml(s: SheetModel): string {
  return s.charts.map((ch) => {
    if (ch.type.startsWith("Line") && ch.series[0]) {
      const series = ch.series[0];
      const points: [string, number | undefined][] = [];
      for (let i = 0; i <= series.values.r1 - series.values.r0; i++) {
        const v = getCell(s.values, series.values.r0 + i, series.values.c0, "");
        points.push([series.xValues ? String(getCell(s.values, series.xValues.r0 + i, series.xValues.c0, "")) : String(i + 1), typeof v === "number" ? v : undefined]);
      }
      return `<figure class="chart" data-chart="${esc(ch.name)}">${lineSvg(ch.title, points)}</figure>`;
    }
    const data: [string, number][] = [];
    const series = ch.series[0];
    if (series) {
      for (let i = 0; i <= series.values.r1 - series.values.r0; i++) {
        const v = getCell(s.values, series.values.r0 + i, series.values.c0, "");
        const x = series.xValues ? String(getCell(s.values, series.xValues.r0 + i, series.xValues.c0, "")) : String(i + 1);
        if (ch.type === "XYScatter" && !series.pointLabels[i]) continue;
        data.push([series.pointLabels[i] || x, typeof v === "number" ? v : 0]);
      }
    }
    const max = Math.max(1, ...data.map((d) => d[1]));
    const bar = 22, w = 360, label = 140;
    const bars = data.map(([k, v], i) => `<text x="${label - 6}" y="${30 + i * bar + 15}" text-anchor="end">${esc(k)}</text><rect x="${label}" y="${30 + i * bar + 3}" width="${Math.max(0, (v / max) * (w - label - 50))}" height="${bar - 6}" fill="#1F4E78"/><text x="${label + Math.max(0, (v / max) * (w - label - 50)) + 4}" y="${30 + i * bar + 15}">${formatCell(v, "0.0")}</text>`).join("");
    return `<figure class="chart" data-chart="${esc(ch.name)}"><svg width="${w}" height="${40 + data.length * bar}" role="img" aria-label="${esc(ch.title)}"><text x="${w / 2}" y="18" text-anchor="middle" font-weight="600">${esc(ch.title)}</text>${bars}</svg></figure>`;
  }).join("");
}
