/**
 * vendorscore/sql: the scorecard as one SQL query for DuckDB, Postgres, BigQuery, Snowflake and
 * Spark, compiled from the same weights range a sheet uses. Pure, like the rest of the core, so a
 * panel can offer the query as well as the command line.
 *
 * @example scorecardSql({ dialect: "bigquery", table: "analytics.po_lines", columns: ["vendor", "due_date", "delivered_date"] }).sql
 */
export { scorecardSql, sampleColumns, type ScorecardSqlRequest, type ScorecardQuery, type ReadColumn } from "./scorecard";
export { DIALECTS, type DialectName } from "./dialects";
