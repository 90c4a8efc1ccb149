import { asRange } from "../cell/blank";
import { parseDateAlone, type Serial } from "../cell/date";
import { attempt, CoreError, problem, quote } from "../cell/error";
import type { RangeArg } from "../cell/types";
import { PERIOD_COLUMNS, SCORECARD_COLUMNS, SHOWN } from "../catalog/scorecard";
import { periodOf } from "../period/period";
import { trendCalendar, type PeriodBy } from "../period/settings";
import { DEFAULT_STANDINGS, type Standing } from "../score/standings";
import { configRows } from "../config/rows";
import { KPIS, type KpiKey } from "../kpi/defs";
import { customKey, readScoreConfig, type ScoreConfig } from "../score/config";
import { needs } from "../scorecard/analyze";
import { matchColumns } from "../table/match";
import { headerRowOf } from "../table/read";
import { PO_SCHEMA, type FieldKind, type PoField } from "../table/schema";
import { DIALECT, DIALECTS, type Dialect, type DialectName } from "./dialects";
import { periodSteps } from "./periods";

/** What the scorecard query is compiled from: the same weights range a sheet takes, and a table's column names. */
export interface ScorecardSqlRequest {
  readonly dialect: DialectName;
  /** The table or view, written into the query as given (`po_lines`, `project.dataset.po_lines`). */
  readonly table: string;
  /** The table's column names; they are matched to fields as a sheet's headers are. */
  readonly columns: readonly string[];
  /** A weights range: KPI rows, settings and mapping rows, as VENDORSCORECARD takes it. */
  readonly weights?: RangeArg;
  /**
   * A column giving the lines' order (a line number). A vendor written several ways (case,
   * spaces) is then shown by its first spelling, as the sheet shows it; without it, by its
   * smallest spelling in code-point order, since a table's rows have no order.
   */
  readonly lineOrder?: string;
  /**
   * Adds a last column, Spellings: in how many ways the vendor's name is written over its lines,
   * read as the sheet reads names. Where it is 1 for every vendor, the name shown without a line
   * order (the smallest spelling) is also the first one, so a caller can leave the order out.
   */
  readonly spellings?: boolean;
  /**
   * The as-of date: a serial, or date text read as the as_of argument reads it (following the
   * weights' date_order); omitted, the query judges against the database's current date.
   */
  readonly asOf?: Serial | string;
}

/** A column the query reads, with the kind the warehouse must type it as. */
export interface ReadColumn {
  readonly field: PoField;
  readonly column: string;
  readonly kind: FieldKind;
}

export interface ScorecardQuery {
  readonly sql: string;
  /** The columns the query reads: vendor and status are text, dates DATE or TIMESTAMP, numbers numeric. */
  readonly reads: readonly ReadColumn[];
}

// Invisible characters dropped from names and spaces read as spaces: the sets of core/table/vendors.ts.
const ZERO_WIDTH = "\u200B\u200C\u200D\u2060\uFEFF";
const NO_BREAK_SPACE = "\u00A0\u2007\u202F";
// What JavaScript's trim() removes (ECMAScript WhiteSpace and LineTerminator).
const WHITE_SPACE = " \t\n\v\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
const CANCELLED = ["cancelled", "canceled", "void", "voided", "cancel"];
const TOTAL_LABELS = ["total", "totals", "grand total", "subtotal", "sum"];
const YES = ["yes", "y", "true", "1", "compliant", "pass", "ok"];

/**
 * The VENDORSCORECARD of a warehouse table as one SQL query: the same columns in the same order
 * (Vendor, Lines, Spend, On time, In full, OTIF, Defect rate, Price variance, Lead time (days),
 * Score, Grade, Rank), the same values (NULL where the sheet shows an empty cell), the same sort
 * (best score first, unscored last, ties by vendor name in any case) and the same rank rule
 * (equal scores share a rank). Columns are found by their names as a sheet's headers are, through
 * the weights range's mapping rows; the warehouse types them (dates DATE or TIMESTAMP, numbers
 * numeric), so the settings that say how text is read (date_order, decimal, header_row) change
 * nothing. Standing rows name the Grade and add Action. With a `period` row the query describes
 * the period holding the as-of date (the current date's when none is given: its period is then
 * computed in the query), one row per vendor with a counted line in it, and adds Previous score,
 * Change and Overall, as VENDORSCORECARD does. Formula KPI and survey criterion rows are refused
 * at their row.
 *
 * @example scorecardSql({ dialect: "duckdb", table: "po", columns: ["Vendor", "Promised Date", "Delivered Date"], asOf: 45747 })
 */
export function scorecardSql(req: ScorecardSqlRequest): ScorecardQuery | CoreError {
  const d = DIALECT[req.dialect];
  if (!d) return problem("bad_argument", `"${quote(req.dialect)}" is not a SQL dialect: use one of ${DIALECTS.join(", ")}.`, { arg: "dialect" });
  if (!TABLE_NAME.test(req.table)) {
    return problem("bad_argument", `"${quote(req.table)}" is not a table name: give it as the database names it (po_lines, analytics.po_lines), quoting a part with spaces.`, { arg: "table" });
  }
  const weights = req.weights ?? null;
  const config = readScoreConfig(weights);
  if (config instanceof CoreError) return config;
  const own = ownKpiProblem(weights, config);
  if (own) return own;
  const matches = attempt(() => matchColumns(req.columns, PO_SCHEMA, config.read.mapping));
  if (matches instanceof CoreError) return matches;
  if (req.lineOrder !== undefined && !req.columns.includes(req.lineOrder)) {
    return problem("bad_argument", `The line order column "${quote(req.lineOrder)}" is not one of the table's columns.`, { arg: "lineOrder" });
  }
  const fields = needs(config, SHOWN, { listed: true });
  const reads: ReadColumn[] = [];
  for (const f of PO_SCHEMA) {
    const m = matches.get(f.key);
    if (m && fields.has(f.key)) reads.push({ field: f.key, column: String(req.columns[m.column]), kind: f.kind });
  }
  let asOf = req.asOf;
  if (typeof asOf === "string") {
    asOf = parseDateAlone(asOf, config.read.dateOrder);
    if (Number.isNaN(asOf)) return problem("bad_argument", `as_of "${quote(req.asOf)}" is not a date: give text like 2025-03-31 or a date serial.`, { arg: "as_of" });
  }
  return { sql: compile(d, req.table, reads, config, asOf, req.lineOrder, req.spellings === true), reads };
}

/**
 * The column names of a sample file's range: its header row, found as VENDORSCORECARD finds it
 * (the `header_row` setting of the weights, else the first row with a vendor header).
 *
 * @example sampleColumns([["PO export"], ["Vendor", "Due Date"], ["Acme", "2025-03-31"]]) // ["Vendor", "Due Date"]
 */
export function sampleColumns(range: RangeArg, weights?: RangeArg): string[] | CoreError {
  const config = readScoreConfig(weights ?? null);
  if (config instanceof CoreError) return config;
  const rows = asRange(range);
  if (!rows.length) return problem("empty_range", "The sample is empty: it needs a header row.");
  const at = attempt(() => headerRowOf(rows, PO_SCHEMA, config.read));
  if (at instanceof CoreError) return at;
  return rows[Math.max(0, at)]!.map((c) => String(c ?? "").trim());
}

/**
 * A formula KPI or survey criterion row, which the query cannot score: formula KPIs are not
 * compiled to SQL, and a criterion needs the survey, which the query does not read. Refused at
 * the row rather than left out, since leaving it out would change every vendor's score.
 */
function ownKpiProblem(weights: RangeArg, config: ScoreConfig): CoreError | undefined {
  const rows = configRows(weights, []);
  const formula = config.kpis.find((k) => k.formula);
  const criterion = config.criteria[0];
  const formulaRow = formula && rows.find((r) => r.cells.length > 4 && customKey(r.name) === formula.key)?.row;
  const first = [formula && { row: formulaRow, label: formula.label, formula: true }, criterion && { row: criterion.row, label: criterion.label, formula: false }]
    .filter((x) => x !== undefined)
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0))[0];
  if (!first) return undefined;
  const why = first.formula
    ? `formula KPIs are not compiled to SQL; remove the row (or its formula) to get the query, and read "${quote(first.label)}" in the sheet with VENDORKPI`
    : `"${quote(first.label)}" is a survey criterion, scored from the survey's answers, which the query does not read; remove the row to get the query`;
  return problem("bad_config", `Weights row ${first.row}: ${why}.`, { ...(first.row === undefined ? {} : { row: first.row }), column: "1", field: first.label });
}

/** Dotted parts, each bare or quoted with "" or ``: a name, never a statement. */
const TABLE_NAME = /^(?:"[^"]+"|`[^`]+`|[^;\s'"`.]+)(?:\.(?:"[^"]+"|`[^`]+`|[^;\s'"`.]+))*$/;

/** A number as SQL reads it back to the same double: JavaScript's shortest round-trip text, `1e21` without its `+`. */
function lit(x: number): string {
  return String(x).replace("e+", "e");
}

/**
 * The query, in steps a reader can follow against the core: `src` types each line's fields,
 * `tested` applies the KPI rules of core/kpi/accumulate.ts to it, `part` sums by the vendor and
 * status texts as written, `named` and `keyed` read those texts as core/table reads them, `sums`
 * adds the parts by vendor, `kpis` divides, `scores` weighs as core/score/score.ts does, and the
 * last step grades, ranks and sorts as core/scorecard/analyze.ts does.
 */
function compile(d: Dialect, table: string, reads: readonly ReadColumn[], config: ScoreConfig, asOf: Serial | undefined, lineOrder: string | undefined, spellings: boolean): string {
  const col = new Map(reads.map((r) => [r.field, d.ident(r.column)]));
  const has = (f: PoField) => col.has(f);
  const nul = `CAST(NULL AS ${d.double})`;
  const num = (f: PoField) => (has(f) ? `CAST(${col.get(f)} AS ${d.double})` : nul);
  const text = (e: string) => `CAST(${e} AS ${d.text})`;
  const list = (xs: readonly string[]) => xs.map(d.str).join(", ");

  // The vendor as core/table/vendors.ts reads it: zero-width characters dropped, no-break spaces
  // as spaces, NFC where the dialect has it, trimmed.
  let name = `translate(raw_vendor, ${d.str(NO_BREAK_SPACE + ZERO_WIDTH)}, ${d.str("   ")})`;
  if (d.nfc) name = d.nfc(name);
  name = d.trim(name, d.str(WHITE_SPACE));

  // Whole days (the serial's integer part) and fractional serials of the date columns.
  const day = (f: PoField) => (has(f) ? d.day(col.get(f)!) : nul);
  const serial = (f: PoField) => (has(f) ? d.serial(col.get(f)!) : nul);
  let promisedDay = day("promised");
  if (!has("promised") && config.promisedDays !== undefined && has("order_date")) {
    const pd = config.promisedDays;
    promisedDay = Number.isInteger(pd) ? `(${day("order_date")} + ${lit(pd)})` : `floor(${serial("order_date")} + ${lit(pd)})`;
  }
  const status = `lower(${d.trim("raw_status", d.str(WHITE_SPACE))})`;
  const compliance = has("compliance")
    ? `CAST(CASE WHEN ${col.get("compliance")} IS NULL OR ${d.trim(text(col.get("compliance")!), d.str(WHITE_SPACE))} = '' THEN ${nul} WHEN lower(${d.trim(text(col.get("compliance")!), d.str(WHITE_SPACE))}) IN (${list(YES)}) THEN 1 ELSE 0 END AS ${d.double})`
    : nul;

  const src = [
    `${text(col.get("vendor")!)} AS raw_vendor`,
    `${has("status") ? text(col.get("status")!) : `CAST(NULL AS ${d.text})`} AS raw_status`,
    `${day("delivered")} AS d_day`,
    `${serial("delivered")} AS d_ser`,
    `${promisedDay} AS p_day`,
    `${serial("order_date")} AS o_ser`,
    `${num("ordered_qty")} AS ord`,
    `${num("received_qty")} AS recv`,
    `${num("rejected_qty")} AS rej`,
    `${num("unit_price")} AS up`,
    `${num("contract_price")} AS cp`,
    `${num("amount")} AS amt`,
    `${compliance} AS comp`,
    ...(lineOrder === undefined ? [] : [`${d.ident(lineOrder)} AS line_no`]),
    ...(config.periods.kind === undefined ? [] : [`${day("order_date")} AS o_day`]),
  ];

  // The rules of core/kpi/accumulate.ts, line by line.
  const delivered = has("delivered") ? "d_day IS NOT NULL" : "recv IS NOT NULL";
  const inFullEvaluable = `(${delivered} AND ord IS NOT NULL AND recv IS NOT NULL)`;
  const asOfDay = asOf === undefined ? d.today : lit(Math.floor(asOf));
  const grace = lit(config.graceDays);
  const onTimeEvaluable = `(p_day IS NOT NULL AND (d_day IS NOT NULL OR ${asOfDay} - p_day > ${grace}))`;
  const onTime = `(d_day IS NOT NULL AND d_day - p_day <= ${grace})`;
  const otifEvaluable = `(${onTimeEvaluable} AND (d_day IS NULL OR ${inFullEvaluable}))`;
  const defectOnOrdered = !has("received_qty") && has("ordered_qty");
  const base = defectOnOrdered ? `CASE WHEN ${delivered} THEN ord END` : "recv";
  const defect = `(rej IS NOT NULL AND (${base}) IS NOT NULL)`;
  const q = "COALESCE(recv, ord)";
  const priced = `(up IS NOT NULL AND cp IS NOT NULL AND ${q} IS NOT NULL)`;
  const count = (cond: string) => `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
  const sumIf = (cond: string, e: string) => `SUM(CASE WHEN ${cond} THEN ${e} END)`;

  // Summed first by the vendor and status text as written: the names are then read once per
  // distinct text, not once per line, and the partial sums add up by vendor.
  // Each line's tests are written once, in their own step, and the sums refer to them.
  const tested = [
    `${onTimeEvaluable} AS ote`,
    `${onTime} AS ot`,
    `${inFullEvaluable} AS ife`,
    "recv >= ord AS full_qty",
    `${defect} AS dfe`,
    `${base} AS base`,
    `${priced} AS pe`,
    `${q} AS q`,
    // The day that places a line in a period (core/kpi/accumulate.ts): the period_by field's, else
    // the promised day, else the delivered day, else the order day.
    ...(config.periods.kind === undefined ? [] : [`${PERIOD_DAY[config.periods.by ?? "default"]} AS per_day`]),
  ];
  const otif = "ote AND (d_day IS NULL OR ife)";
  const partial: [string, string][] = [
    ["line_count", "COUNT(*)"],
    ["on_time_n", count("ote")],
    ["on_time_ok", count("ote AND ot")],
    ["in_full_n", count("ife")],
    ["in_full_ok", count("ife AND full_qty")],
    ["otif_n", count(otif)],
    ["otif_ok", count(`${otif} AND ot AND full_qty`)],
    ["rejected", sumIf("dfe", "rej")],
    ["defect_base", sumIf("dfe", "base")],
    ["variance_cost", sumIf("pe", "(up - cp) * q")],
    ["contract_cost", sumIf("pe", "cp * q")],
    ["lead_days", "SUM(d_ser - o_ser)"],
    ["lead_n", "COUNT(d_ser - o_ser)"],
    ["spend", "SUM(COALESCE(amt, up * q))"],
    ["compliant", "SUM(comp)"],
    ["compliance_n", "COUNT(comp)"],
    ...(lineOrder === undefined ? [] : ([["first_line", "MIN(line_no)"]] as [string, string][])),
  ];
  const ratio = (n: string, dn: string) => `CAST(${n} AS ${d.double}) / NULLIF(CAST(${dn} AS ${d.double}), 0)`;
  const values: Record<KpiKey, string> = {
    lines: `CAST(line_count AS ${d.double})`,
    spend: "spend",
    on_time: ratio("on_time_ok", "on_time_n"),
    in_full: ratio("in_full_ok", "in_full_n"),
    // OTIF is undefined wherever in full is (see vendorKpis).
    otif: `CASE WHEN in_full_n > 0 THEN ${ratio("otif_ok", "otif_n")} END`,
    defect_rate: ratio("rejected", "defect_base"),
    price_variance: ratio("variance_cost", "contract_cost"),
    lead_time: ratio("lead_days", "lead_n"),
    compliance: ratio("compliant", "compliance_n"),
  };

  // Composite score as core/score/score.ts adds it: KPI by KPI in the weights' order. Weights are
  // scaled by one power of two, which changes no quotient but keeps 1e308 weights from overflowing.
  const scored = config.kpis.filter((k) => k.weight > 0);
  const max = Math.max(0, ...scored.map((k) => k.weight));
  const scale = max > 0 && Number.isFinite(max) ? 2 ** -Math.min(1023, Math.max(-1000, Math.floor(Math.log2(max)))) : 1;
  const kpiScore = (k: (typeof scored)[number]) => {
    const x = `(${k.key} - ${lit(k.floor)}) / ${lit(k.target - k.floor)}`;
    return `CASE WHEN ${x} >= 1 THEN 100 WHEN ${x} > 0 THEN (${x}) * 100 ELSE 0 END`;
  };
  const weighted = scored.map((k) => `CASE WHEN ${k.key} IS NULL THEN 0 ELSE ${lit(k.weight * scale)} * (${kpiScore(k)}) END`);
  const total = scored.map((k) => `CASE WHEN ${k.key} IS NULL THEN 0 ELSE ${lit(k.weight * scale)} END`);
  const raw = scored.length ? `(${weighted.join("\n      + ")}) / NULLIF(${total.join(" + ")}, 0)` : nul;
  const unscored = "CASE WHEN total_score IS NULL THEN 1 ELSE 0 END";
  const period = config.periods.kind === undefined ? undefined : { calendar: trendCalendar(config.periods), h: config.periods.history, decay: config.periods.decay };
  const standings = config.standings ?? DEFAULT_STANDINGS;
  const headers = [...SCORECARD_COLUMNS, ...(period ? PERIOD_COLUMNS : []), ...(config.standings ? ["Action"] : []), ...(spellings ? ["Spellings"] : [])];
  const out = headers.map((h) => d.ident(d.outputName ? d.outputName(h) : h));
  const name_ = `${lineOrder === undefined ? `MIN(${d.binary("name")})` : d.firstBy("name", "first_line")} AS name${spellings ? ", COUNT(DISTINCT name) AS spellings" : ""}`;
  const sums = partial.filter(([k]) => k !== "first_line").map(([k]) => `SUM(${k}) AS ${k}`).join(", ");
  const grouped = period ? "raw_vendor, raw_status, bucket" : "raw_vendor, raw_status";

  // The standing of a score as core/score/standings.ts finds it: the last band (by min) whose min
  // the score reaches within 1e-9, else the lowest band.
  const band = (pick: (b: Standing) => string) =>
    `CASE WHEN total_score IS NULL THEN NULL ${[...standings].slice(1).reverse().map((b) => `WHEN total_score + 1e-9 >= ${lit(b.min)} THEN ${pick(b)} `).join("")}ELSE ${pick(standings[0]!)} END`;

  // Steps between the lines and their sums (a line's period), and after the sums.
  const lined: [string, string][] = [];
  const steps: [string, string][] = [];
  let lines = "tested";
  if (period) {
    // A line's bucket in the window: 0 is the period before the first shown, h the one holding
    // as_of; NULL outside it. Found line by line, so that each vendor's period sums add its lines
    // in the order the core adds them.
    const { calendar, h } = period;
    lined.push(...periodSteps(calendar, "p", "tested", d.double));
    const per = lined[lined.length - 1]![0];
    let last: string;
    if (asOf === undefined) {
      lined.push(["today", `SELECT ${d.today} AS per_day`], ...periodSteps(calendar, "t", "today", d.double));
      last = `(SELECT per FROM ${lined[lined.length - 1]![0]})`;
    } else last = lit(periodOf(calendar, asOf));
    lined.push(["placed", `SELECT *, CASE WHEN per - ${last} + ${h} BETWEEN 0 AND ${h} THEN per - ${last} + ${h} END AS bucket FROM ${per}`]);
    lines = "placed";
    // Every line names its vendor, in the window or not, as the sheet reads vendors from all lines.
    steps.push(["names", `SELECT vendor_key, ${name_} FROM keyed GROUP BY vendor_key`]);
    steps.push(["sums", `SELECT vendor_key, bucket, COUNT(vendor_key) AS kept, ${sums}\n  FROM keyed WHERE bucket IS NOT NULL GROUP BY vendor_key, bucket`]);
  } else {
    steps.push(["sums", `SELECT vendor_key, COUNT(vendor_key) AS kept, ${name_}, ${sums}\n  FROM keyed GROUP BY vendor_key`]);
  }
  const kpiSelect = `SELECT vendor_key, ${period ? "bucket" : spellings ? "name, spellings" : "name"}, ${KPI_ORDER.map((k) => `${values[k]} AS ${k}`).join(",\n    ")}\n  FROM sums WHERE kept > 0`;
  steps.push(["kpis", kpiSelect]);
  steps.push(["scores", `SELECT *, CASE WHEN raw_score > 100 THEN 100 ELSE raw_score END AS total_score FROM (SELECT *, ${raw} AS raw_score FROM kpis) k`]);

  let tail: string[];
  const shown = [`name AS ${out[0]}`, ...SHOWN.map((k, i) => `${k} AS ${out[i + 1]}`)].join(", ");
  const grade = `${band((b) => d.str(b.name))} AS ${out[10]}`;
  const rank = `CASE WHEN total_score IS NULL THEN NULL ELSE RANK() OVER (ORDER BY ${unscored}, total_score DESC) END AS ${out[11]}`;
  // After the period columns: Action where standings are named, then Spellings where asked for.
  const after = [
    ...(config.standings ? [`${band((b) => d.str(b.action))} AS ${out[headers.indexOf("Action")]}`] : []),
    ...(spellings ? [`spellings AS ${out[headers.indexOf("Spellings")]}`] : []),
  ];
  if (period) {
    const { h, decay } = period;
    // Overall as core/period/overall.ts: period n back from the current one weighs H - n (the
    // bucket number) with linear decay, 1 with none; periods without a score are skipped.
    // A period without lines has no row here, and so no score, as in the core.
    const scoreIn = (k: number) => `MAX(CASE WHEN bucket = ${k} THEN total_score END)`;
    // Each shown period's score in a column of its own (s1 oldest), so that the overall score adds
    // them newest first, in the core's order, and gives the same double.
    const shownPeriods = Array.from({ length: h }, (_, i) => h - i);
    steps.push(["past", `SELECT vendor_key, ${scoreIn(h - 1)} AS previous_score,\n    ${shownPeriods.map((k) => `${scoreIn(k)} AS s${k}`).join(", ")}\n  FROM scores GROUP BY vendor_key`]);
    // Overall as core/period/overall.ts: period n back from the current one weighs H - n (its
    // bucket number) with linear decay, 1 with none; periods without a score are skipped.
    const w = (k: number) => (decay === "linear" ? k : 1);
    const weighted = shownPeriods.map((k) => `COALESCE(s${k} * ${w(k)}, 0)`).join(" + ");
    const weights = shownPeriods.map((k) => `CASE WHEN s${k} IS NULL THEN 0 ELSE ${w(k)} END`).join(" + ");
    steps.push(["overall", `SELECT vendor_key, previous_score, (${weighted}) / NULLIF(${weights}, 0) AS overall FROM past`]);
    // Named so as to be no dialect's reserved word (CURRENT is one in BigQuery and Snowflake).
    steps.push(["now_period", `SELECT s.*, n.name,${spellings ? " n.spellings," : ""} y.previous_score, y.overall FROM scores s JOIN names n ON n.vendor_key = s.vendor_key JOIN overall y ON y.vendor_key = s.vendor_key WHERE s.bucket = ${h}`]);
    tail = [
      `SELECT ${shown},`,
      `  total_score AS ${out[9]},`,
      `  ${grade},`,
      `  ${rank},`,
      `  previous_score AS ${out[12]}, total_score - previous_score AS ${out[13]}, overall AS ${out[14]}${after.length ? "," : ""}`,
      ...after.map((a, i) => `  ${a}${i < after.length - 1 ? "," : ""}`),
      "FROM now_period",
    ];
  } else {
    tail = [`SELECT ${shown},`, `  total_score AS ${out[9]},`, `  ${grade},`, `  ${rank}${after.length ? "," : ""}`, ...after.map((a, i) => `  ${a}${i < after.length - 1 ? "," : ""}`), "FROM scores"];
  }

  return [
    `-- VENDORSCORECARD of ${table} as ${d.name} SQL${asOf === undefined ? ", as of the current date" : ""}${period ? `, of the ${period.calendar.kind} holding it` : ""}.`,
    ...d.doc.map((l) => `-- ${l}`),
    "WITH src AS (",
    `  SELECT ${src.join(",\n    ")}`,
    `  FROM ${table}`,
    "), tested AS (",
    `  SELECT *, ${tested.join(",\n    ")}`,
    "  FROM src",
    ...lined.map(([n, q]) => `), ${n} AS (\n  ${q}`),
    "), part AS (",
    `  SELECT ${grouped}, ${partial.map(([k, e]) => `${e} AS ${k}`).join(",\n    ")}`,
    `  FROM ${lines} GROUP BY ${grouped}`,
    "), named AS (",
    `  SELECT *, ${name} AS name, ${status} AS status FROM part`,
    // Lines with no vendor, totals rows and cancelled lines get no key. They are left out after the
    // sums, by a count: a filter on the texts alone would be pushed down to every line again.
    "), keyed AS (",
    "  SELECT *, CASE WHEN name IS NULL OR name = ''",
    `    OR (length(name) <= 13 AND CASE WHEN lower(name) LIKE '%:' THEN rtrim(substr(lower(name), 1, length(name) - 1)) ELSE lower(name) END IN (${list(TOTAL_LABELS)}))`,
    `    OR status IN (${list(CANCELLED)}) THEN NULL ELSE lower(name) END AS vendor_key FROM named`,
    ...steps.map(([n, q]) => `), ${n} AS (\n  ${q}`),
    ")",
    ...tail,
    `ORDER BY ${unscored}, total_score DESC, ${d.binary("vendor_key")}`,
    "",
  ].join("\n");
}

const PERIOD_DAY: Readonly<Record<PeriodBy | "default", string>> = { default: "COALESCE(p_day, d_day, o_day)", promised: "p_day", delivered: "d_day", order_date: "o_day" };

const KPI_ORDER = Object.keys(KPIS) as KpiKey[];
