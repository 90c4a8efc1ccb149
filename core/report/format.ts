import { KPIS, KPI_KEYS } from "../kpi/defs";
import type { ResultGrid } from "../cell/types";

/** How a report column is shown; each host turns it into its number format. */
export type ColumnFormat = "percent" | "currency" | "hours" | "date-time" | "integer" | "number" | "text";

/**
 * Number format patterns both Excel and Google Sheets read the same way. "General" keeps text
 * as typed (a text format "@" would turn a later number into text).
 */
export const FORMAT_PATTERN: Readonly<Record<ColumnFormat, string>> = {
  percent: "0.0%",
  currency: "#,##0.00",
  hours: "0.0",
  "date-time": "yyyy-mm-dd hh:mm",
  integer: "0",
  number: "0.0",
  text: "General",
};

const BY_LABEL = new Map<string, ColumnFormat>();
for (const k of KPI_KEYS) {
  const f = KPIS[k].format;
  BY_LABEL.set(KPIS[k].label.toLowerCase(), f === "count" ? "integer" : f === "days" ? "number" : f);
}

/**
 * The format of a column from its header, the way the core names columns; dated columns
 * come from the catalog's `dateColumns`. Unknown headers fall back on the values.
 *
 * @example columnFormat("% of target", [0.5, 1.2]) // "percent"
 */
export function columnFormat(header: string, values: readonly unknown[], dateColumns: readonly string[] = []): ColumnFormat {
  const h = header.trim().toLowerCase();
  const known = BY_LABEL.get(h);
  if (known) return known;
  if (dateColumns.some((d) => d.toLowerCase() === h) || /\bat$|\bdate\b/.test(h)) return "date-time";
  if (/\(h\)|\bhours?\b/.test(h)) return "hours";
  if (/%|\bshare\b|\brate\b|compliance/.test(h)) return "percent";
  if (/spend|amount|cost|\bvalue\b/.test(h)) return "currency";
  if (/^rank$|^lines$|count|breaches|tickets/.test(h)) return "integer";
  if (h === "score") return "number";
  const filled = values.filter((v) => v !== "");
  return filled.length > 0 && filled.every((v) => typeof v === "number") ? "number" : "text";
}

/** Formats of every column of a grid whose first row is the header. */
export function columnFormats(grid: ResultGrid, dateColumns: readonly string[] = []): ColumnFormat[] {
  const header = grid[0] ?? [];
  return header.map((h, c) => columnFormat(String(h), grid.slice(1).map((r) => r[c]), dateColumns));
}
