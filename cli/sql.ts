import type { Range } from "../core";
import { DIALECTS, sampleColumns, scorecardSql, type DialectName } from "../core/sql";
import { UsageError } from "./errors";
import { readRange, type ReadOptions } from "./read";

export interface SqlOptions {
  readonly dialect?: string | undefined;
  readonly table?: string | undefined;
  readonly columns?: string | undefined;
  readonly sample?: string | undefined;
  /** --line-order: a column giving the lines' order, so a vendor written several ways shows its first spelling. */
  readonly lineOrder?: string | undefined;
  /** The weights rows with the settings flags added, as the scorecard takes them. */
  readonly weights?: Range | undefined;
  /** --as-of as text the core reads (see asOfText). */
  readonly asOf?: string | undefined;
}

/**
 * `vendorscore sql`: the scorecard query for a warehouse table. The columns are given by name
 * (`--columns`) or taken from the header row of a sample export (`--sample`).
 *
 * @example sqlText({ dialect: "bigquery", table: "analytics.po_lines", columns: "vendor,due_date" }, read)
 */
export async function sqlText(o: SqlOptions, read: ReadOptions): Promise<string> {
  if (!o.dialect) throw new UsageError(`sql needs --dialect: one of ${DIALECTS.join(", ")}.`);
  if (!(DIALECTS as readonly string[]).includes(o.dialect.toLowerCase())) throw new UsageError(`--dialect ${o.dialect}: use one of ${DIALECTS.join(", ")}.`);
  if (!o.table) throw new UsageError("sql needs --table: the table or view of purchase-order lines, as the database names it.");
  if ((o.columns === undefined) === (o.sample === undefined)) throw new UsageError("sql needs the table's columns: --columns a,b,c or --sample FILE (an export with the same header row), not both.");
  let columns: string[];
  if (o.columns !== undefined) columns = o.columns.split(",").map((c) => c.trim()).filter((c) => c !== "");
  else {
    const found = sampleColumns(await readRange(o.sample!, read), o.weights);
    if (found instanceof Error) throw new UsageError(`--sample ${o.sample}: ${found.message}`);
    columns = found;
  }
  const q = scorecardSql({
    dialect: o.dialect.toLowerCase() as DialectName,
    table: o.table,
    columns,
    weights: o.weights,
    ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
    ...(o.lineOrder === undefined ? {} : { lineOrder: o.lineOrder }),
  });
  if (q instanceof Error) throw new UsageError(`sql: ${q.message}`);
  return q.sql;
}
