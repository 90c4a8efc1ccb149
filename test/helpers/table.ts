import type { CellValue } from "../../core";

/** One row of a spilled result, read by header. */
export interface ResultRow {
  /** The cell under `header`; throws, listing the headers, when the table has no such column. */
  get(header: string): CellValue;
  /** The cells under several headers, in the order asked: `pick("Score", "Grade")`. */
  pick(...headers: string[]): CellValue[];
}

/** A spilled result table (header row first), addressed by header instead of position. */
export interface ResultTable {
  readonly header: readonly string[];
  /** The rows below the header, in the order spilled. */
  readonly rows: readonly ResultRow[];
  /** The first row whose first cell is `key` (a vendor, ticket, KPI or field); throws when there is none. */
  row(key: CellValue): ResultRow;
  /** The cells of one column below the header. */
  column(header: string): CellValue[];
  /** Several columns, row by row: `pick("Vendor", "Score")` -> `[["Acme", 100], ...]`. */
  pick(...headers: string[]): CellValue[][];
}

/**
 * Reads a function's spilled result by header, so a test says `t.row("Acme").get("Score")`
 * rather than `grid[1][9]`, and a column added or moved does not silently shift what it reads.
 */
export function table(grid: unknown): ResultTable {
  if (!Array.isArray(grid) || !Array.isArray(grid[0])) throw new Error(`expected a spilled table, got ${String(grid)}`);
  const [head, ...body] = grid as CellValue[][];
  const header = head!.map(String);
  const at = (h: string) => {
    const c = header.indexOf(h);
    if (c < 0) throw new Error(`no column "${h}" in ${JSON.stringify(header)}`);
    return c;
  };
  const wrap = (cells: readonly CellValue[]): ResultRow => ({
    get: (h) => cells[at(h)],
    pick: (...hs) => hs.map((h) => cells[at(h)]),
  });
  const rows = body.map(wrap);
  return {
    header,
    rows,
    row(key) {
      const i = body.findIndex((r) => r[0] === key);
      if (i < 0) throw new Error(`no row "${String(key)}" in ${JSON.stringify(body.map((r) => r[0]))}`);
      return rows[i]!;
    },
    column: (h) => rows.map((r) => r.get(h)),
    pick: (...hs) => rows.map((r) => r.pick(...hs)),
  };
}
