/**
 * `vendorscore/sql`: the scorecard as one SQL query (DuckDB, Postgres, BigQuery, Snowflake, Spark).
 *
 * @example require("vendorscore/sql").scorecardSql({ dialect: "postgres", table: "po_lines", columns: ["vendor", "due_date"] }).sql
 */
export * from "../core/sql";
