import { attempt, isCoreError } from "../cell/error";
import type { Context } from "../catalog/types";
import type { ConfigGrid } from "./definition";
import { kindInfo, type ReportKind } from "./kinds";

/** A problem in one of the pane's config tables, placed next to its row. */
export interface ConfigIssue {
  readonly table: "config" | "calendar";
  /** Index into the table (0 = its first row), or -1 when the problem names no row. */
  readonly row: number;
  /** Index of the cell in the row (0 = first), or -1 when the problem names no column. */
  readonly column: number;
  /** In a formula cell, the character (1-based) the problem is at. */
  readonly position?: number;
  readonly message: string;
}

/**
 * Checks the pane's config tables with the parsers of the kind's function parameters: the very
 * conversion the runner applies, not a copy of its rules. The table and row come from the problem's
 * data. Returns the first problem of each table, or none.
 *
 * @example validateConfig("scorecard", [["kpi","weight"],["on_time","abc"]], [], cx) // [{ table: "config", row: 1, column: 1, message: "Weights row 2 (on_time): the weight \"abc\" is not a number." }]
 * @example validateConfig("scorecard", [["Invoice accuracy", 1, 1, 0, "share([Invoice OK]"]], [], cx) // [{ table: "config", row: 0, column: 4, position: 19, message: "Weights row 1, formula at 19: expected `)`" }]
 */
export function validateConfig(kind: ReportKind, config: ConfigGrid, calendar: ConfigGrid, cx: Context): ConfigIssue[] {
  const info = kindInfo(kind);
  const issues: ConfigIssue[] = [];
  for (const [slot, table, grid] of [["config", info.config, config], ["calendar", info.calendar, calendar]] as const) {
    if (!table) continue;
    const param = info.fn.params.find((p) => p.name === table.param);
    if (!param) continue;
    const r = attempt(() => param.read(grid, cx));
    if (!isCoreError(r)) continue;
    // Config problems name their column by number ("5"); data problems name a header, which is no cell here.
    const column = Number(r.column);
    issues.push({
      table: slot,
      row: r.row === undefined ? -1 : r.row - 1,
      column: Number.isInteger(column) && column >= 1 ? column - 1 : -1,
      ...(r.position === undefined ? {} : { position: r.position }),
      message: r.message,
    });
  }
  return issues;
}
