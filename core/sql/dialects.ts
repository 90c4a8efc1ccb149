/**
 * What differs between the SQL dialects the scorecard compiles to: quoting, casts, date
 * arithmetic, Unicode normalisation and the text order of vendor names. Everything else in the
 * query is written once, in the SQL they share (CASE, SUM, AVG, NULLIF, RANK() OVER).
 *
 * Dates inside the core are serial days since 1899-12-30 (see core/cell/date.ts); a line's KPIs
 * compare whole days (`day`) and lead time subtracts fractional days (`serial`), so each dialect
 * gives both for a DATE or TIMESTAMP column.
 */
export const DIALECTS = ["duckdb", "postgres", "bigquery", "snowflake", "spark"] as const;
export type DialectName = (typeof DIALECTS)[number];

export interface Dialect {
  readonly name: DialectName;
  /** Comment lines at the head of the query: which date functions it uses and where they are documented. */
  readonly doc: readonly string[];
  /** A column name, quoted. */
  ident(name: string): string;
  /** The name a result column can have in the dialect, where it differs from the sheet's header. */
  outputName?(header: string): string;
  /** A text literal. */
  str(text: string): string;
  readonly double: string;
  readonly text: string;
  /** Whole days from 1899-12-30 to the date of a DATE or TIMESTAMP value: the serial's integer part. */
  day(e: string): string;
  /** Days from 1899-12-30 with the time of day as a fraction: the serial itself. */
  serial(e: string): string;
  /** Today's day number, for a query without an as-of date. */
  readonly today: string;
  /** Unicode NFC of a text, where the dialect has it. */
  nfc?(e: string): string;
  /** Trims the given characters from both ends. */
  trim(e: string, chars: string): string;
  /** A text compared by code point, whatever the database's collation. */
  binary(e: string): string;
  /** The aggregate giving `value` of the row with the smallest `order`. */
  firstBy(value: string, order: string): string;
}

const EPOCH = "DATE '1899-12-30'";
/** Serial of 1970-01-01. */
const UNIX = 25569;
const doubleQuoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** Standard SQL text: quotes doubled, every other character as it is (DuckDB, and Postgres with standard_conforming_strings). */
const standard = (text: string) => `'${text.replace(/'/g, "''")}'`;
/**
 * Text with backslash escapes (BigQuery, Snowflake, Spark): quotes and backslashes escaped, and
 * anything outside printable ASCII as \uXXXX, so the query holds no invisible character and no
 * line break (which BigQuery refuses in a quoted string).
 */
const escaped = (text: string) => `'${text.replace(/[^\x20-\x7E]|['\\]/g, (c) => (c === "'" || c === "\\" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`))}'`;

const duckdb: Dialect = {
  name: "duckdb",
  str: standard,
  doc: [
    "DuckDB: DATE - DATE gives whole days and epoch(TIMESTAMP) seconds as a DOUBLE",
    "(duckdb.org/docs/sql/functions/date, duckdb.org/docs/sql/functions/timestamp); nfc_normalize (duckdb.org/docs/sql/functions/text).",
  ],
  ident: doubleQuoted,
  double: "DOUBLE",
  text: "VARCHAR",
  day: (e) => `(CAST(${e} AS DATE) - ${EPOCH})`,
  serial: (e) => `(epoch(CAST(${e} AS TIMESTAMP)) / 86400 + ${UNIX})`,
  today: `(current_date - ${EPOCH})`,
  nfc: (e) => `nfc_normalize(${e})`,
  trim: (e, chars) => `trim(${e}, ${chars})`,
  binary: (e) => e,
  firstBy: (v, o) => `arg_min(${v}, ${o})`,
};

const postgres: Dialect = {
  name: "postgres",
  str: standard,
  doc: [
    "PostgreSQL: date - date gives whole days (integer) and EXTRACT(EPOCH FROM timestamp) seconds",
    "(postgresql.org/docs/current/functions-datetime.html); normalize(text, NFC) (functions-string.html).",
  ],
  ident: doubleQuoted,
  double: "DOUBLE PRECISION",
  text: "TEXT",
  day: (e) => `(CAST(${e} AS DATE) - ${EPOCH})`,
  serial: (e) => `(CAST(EXTRACT(EPOCH FROM CAST(${e} AS TIMESTAMP)) AS DOUBLE PRECISION) / 86400 + ${UNIX})`,
  today: `(CURRENT_DATE - ${EPOCH})`,
  nfc: (e) => `normalize(${e}, NFC)`,
  trim: (e, chars) => `btrim(${e}, ${chars})`,
  binary: (e) => `${e} COLLATE "C"`,
  firstBy: (v, o) => `(array_agg(${v} ORDER BY ${o}))[1]`,
};

const bigquery: Dialect = {
  name: "bigquery",
  str: escaped,
  doc: [
    "BigQuery (GoogleSQL): DATE_DIFF(date, date, DAY) and UNIX_MICROS(TIMESTAMP)",
    "(cloud.google.com/bigquery/docs/reference/standard-sql/date_functions, .../timestamp_functions); NORMALIZE(text, NFC) (.../string_functions).",
    "Column names cannot hold parentheses (flexible column names, cloud.google.com/bigquery/docs/schemas): Lead time (days) is Lead time days.",
  ],
  outputName: (header) => header.replace(/[()]/g, "").replace(/\s+/g, " ").trim(),
  ident: (name) => `\`${name.replace(/[`\\]/g, (c) => `\\${c}`)}\``,
  double: "FLOAT64",
  text: "STRING",
  day: (e) => `DATE_DIFF(CAST(${e} AS DATE), ${EPOCH}, DAY)`,
  serial: (e) => `(UNIX_MICROS(CAST(${e} AS TIMESTAMP)) / 86400000000 + ${UNIX})`,
  today: `DATE_DIFF(CURRENT_DATE(), ${EPOCH}, DAY)`,
  nfc: (e) => `NORMALIZE(${e}, NFC)`,
  trim: (e, chars) => `TRIM(${e}, ${chars})`,
  binary: (e) => e,
  firstBy: (v, o) => `MIN_BY(${v}, ${o})`,
};

const snowflake: Dialect = {
  name: "snowflake",
  str: escaped,
  doc: [
    "Snowflake: DATEDIFF(day, ...) counts day boundaries and DATEDIFF(millisecond, ...) milliseconds",
    "(docs.snowflake.com/en/sql-reference/functions/datediff). Snowflake has no NFC function: names are compared as stored.",
  ],
  ident: doubleQuoted,
  double: "DOUBLE",
  text: "VARCHAR",
  day: (e) => `DATEDIFF(day, ${EPOCH}, CAST(${e} AS DATE))`,
  serial: (e) => `(DATEDIFF(millisecond, CAST(${EPOCH} AS TIMESTAMP), CAST(${e} AS TIMESTAMP)) / 86400000)`,
  today: `DATEDIFF(day, ${EPOCH}, CURRENT_DATE())`,
  trim: (e, chars) => `TRIM(${e}, ${chars})`,
  binary: (e) => e,
  firstBy: (v, o) => `MIN_BY(${v}, ${o})`,
};

const spark: Dialect = {
  name: "spark",
  str: escaped,
  doc: [
    "Spark SQL (and Databricks): datediff(end, start) in days and unix_micros(timestamp), microseconds since 1970-01-01 UTC",
    "(spark.apache.org/docs/latest/api/sql, docs.databricks.com/sql/language-manual/functions/unix_micros.html); btrim (Spark 3.2+).",
    "The time of day is taken against the same day's midnight, so the session time zone cancels out. No NFC function: names are compared as stored.",
  ],
  ident: (name) => `\`${name.replace(/`/g, "``")}\``,
  double: "DOUBLE",
  text: "STRING",
  day: (e) => `datediff(CAST(${e} AS DATE), ${EPOCH})`,
  serial: (e) =>
    `(datediff(CAST(${e} AS DATE), ${EPOCH}) + (unix_micros(CAST(${e} AS TIMESTAMP)) - unix_micros(CAST(CAST(${e} AS DATE) AS TIMESTAMP))) / 86400000000)`,
  today: `datediff(current_date(), ${EPOCH})`,
  trim: (e, chars) => `btrim(${e}, ${chars})`,
  binary: (e) => e,
  firstBy: (v, o) => `min_by(${v}, ${o})`,
};

export const DIALECT: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, bigquery, snowflake, spark };
