import * as z from "zod/mini";
import { isBlank } from "../cell/blank";
import type { DateOrder } from "../cell/date";
import type { Decimal } from "../cell/number";
import { CoreError, problem, quote } from "../cell/error";
import { parseNumber } from "../cell/number";
import type { CellValue, RangeArg } from "../cell/types";
import { configRows, takeMapping, type ConfigRow } from "../config/rows";
import { parseFormula, type Formula } from "../formula/parse";
import { DEFAULT_SCORED, KPIS, kpiByName, labelKey, type KpiKey } from "../kpi/defs";
import type { SurveyAggregate } from "../survey/aggregate";
import { DEFAULT_PERIODS, PERIOD_KEYS, periodSetting, type PeriodSettings } from "../period/settings";
import { PO_SCHEMA } from "../table/schema";
import type { ReadSettings } from "../table/read";
import { checkStandings, readStanding, type Standing, type StandingRow } from "./standings";

/**
 * Where a vendor's value of a KPI of the user's own (a formula KPI or a survey criterion) is kept:
 * `~` and its label matched like KPI labels (case, spaces and punctuation ignored), so it never
 * meets a built-in KPI's key.
 */
export type CustomKey = `~${string}`;
/** A scored KPI's key: a built-in KPI's, or a custom one. */
export type ScoredKey = KpiKey | CustomKey;

/**
 * The key of a formula KPI or survey criterion labelled so; VENDORKPI finds it by the same key.
 *
 * @example customKey("Invoice accuracy") // "~invoiceaccuracy"
 */
export function customKey(label: string): CustomKey {
  return `~${labelKey(label) || label.trim().toLowerCase()}`;
}

export interface ScoredKpi {
  readonly key: ScoredKey;
  /** As shown: a built-in KPI's label, or the label written in the weights range. */
  readonly label: string;
  readonly weight: number;
  readonly target: number;
  readonly floor: number;
  /** A formula KPI's formula, parsed once. */
  readonly formula?: Formula;
  /** A survey criterion's id in the survey table it was resolved against. */
  readonly criterion?: number;
}

/**
 * A weights row naming neither a built-in KPI nor a formula: a survey criterion, scored once the
 * function's survey argument is known ({@link resolveCriteria}). Target and floor are optional:
 * the criterion's bounds seen in the survey stand in.
 */
export interface CriterionRow {
  readonly row: number;
  readonly label: string;
  readonly weight: number;
  readonly target?: number;
  readonly floor?: number;
  /** Its place among the KPI rows, so KPIs keep the weights range's order. */
  readonly at: number;
}

/** What a weights range says: the scored KPIs, settings and column mapping. */
export interface ScoreConfig {
  readonly kpis: readonly ScoredKpi[];
  /** Rows naming a survey criterion, still to be resolved against a survey (none once resolved). */
  readonly criteria: readonly CriterionRow[];
  /** How a vendor's answers to a criterion become its value: `survey_aggregate, mean`; the median by default. */
  readonly surveyAggregate: SurveyAggregate;
  /** Days added to the promised day before a line is late. */
  readonly graceDays: number;
  /** When the range has no promised date: promised = order date + this many days. */
  readonly promisedDays?: number;
  readonly read: ReadSettings;
  /** Period rows (`period, month`, `fiscal_start, 4`, `period_by`, `history`, `decay`); the defaults without them. */
  readonly periods: PeriodSettings;
  /** Bands from `standing` rows, sorted by min; undefined without any (the grades A-D apply). */
  readonly standings?: readonly Standing[];
}

const KpiRow = z
  .object({
    weight: z.number().check(z.minimum(0, { error: "the weight must be 0 or more" })),
    target: z.number(),
    floor: z.number(),
  })
  .check(z.refine((k) => k.target !== k.floor, { error: "target and floor are equal, so no score can be computed: make them differ (target better than floor)" }));

const DATE_ORDERS = ["MDY", "DMY", "YMD"] as const;

/** What a KPI row may name, after "is not a KPI" in the message about a row that names nothing known (a message holds 300 characters). */
export const KPI_ROW_HINT = `, setting, formula (5th cell) or survey criterion. KPIs: ${Object.keys(KPIS).join(", ")}. Settings: grace_days, promised_days, date_order, decimal, header_row, survey_aggregate, period, fiscal_start, period_by, history, decay; or standing, mapping rows`;

/**
 * Reads a weights range: rows `kpi, weight, target, floor` (blank target or floor keep the
 * defaults; naming any KPI replaces the default set), formula KPI rows `label, weight, target,
 * floor, formula` (target and floor required, weight 1 by default), survey criterion rows
 * (`Responsiveness, 15`: any other label, resolved against the survey later), setting rows
 * (`grace_days, 2`, `date_order, DMY`, `promised_days, 14`, `decimal, comma`, `header_row, 3`,
 * `survey_aggregate, mean`), period rows
 * (`period, month`, `fiscal_start, 4`, `period_by, delivered`, `history, 12`, `decay, none`),
 * standing rows (`standing, Poor, 30, 50, yellow, warn`) and mapping rows (`promised, Ship By`). A bad row is
 * returned as a problem with its row (1-based in the range), column and field.
 *
 * @example readScoreConfig([["on_time", 50], ["defect_rate", 50, 0.01, 0.1]])
 * @example readScoreConfig([["Invoice accuracy", 10, 0.99, 0.9, "share([Invoice OK])"]]).kpis[0].formula
 */
export function readScoreConfig(arg: RangeArg): ScoreConfig | CoreError {
  const { mapping, rest } = takeMapping(configRows(arg, ["kpi", "metric", "field", "setting", "name"]), PO_SCHEMA);
  let graceDays = 0;
  let promisedDays: number | undefined;
  let dateOrder: DateOrder | undefined;
  let decimal: Decimal | undefined;
  let headerRow: number | undefined;
  const named: ScoredKpi[] = [];
  const criteria: CriterionRow[] = [];
  let surveyAggregate: SurveyAggregate = "median";
  let periods = DEFAULT_PERIODS;
  const standingRows: StandingRow[] = [];
  for (const r of rest) {
    if ((PERIOD_KEYS as readonly string[]).includes(r.key)) {
      const p = periodSetting(periods, r);
      if ("wrong" in p) return bad(r, p.wrong, { column: "2", field: p.field });
      periods = p;
      continue;
    }
    switch (r.key) {
      case "standing": {
        const b = readStanding(r);
        if ("wrong" in b) return bad(r, b.wrong, { column: String(b.column), field: "standing" });
        standingRows.push(b);
        continue;
      }
      case "gracedays": {
        const n = settingNumber(r, "grace_days", "a number of days such as 2");
        if (n instanceof CoreError) return n;
        graceDays = n;
        continue;
      }
      case "promiseddays": {
        const n = settingNumber(r, "promised_days", "a number of days such as 14");
        if (n instanceof CoreError) return n;
        promisedDays = n;
        continue;
      }
      case "dateorder": {
        const v = String(r.cells[1] ?? "").trim().toUpperCase();
        if (!(DATE_ORDERS as readonly string[]).includes(v)) return bad(r, `date_order must be MDY, DMY or YMD, not "${quote(r.cells[1])}".`, { column: "2", field: "date_order" });
        dateOrder = v as DateOrder;
        continue;
      }
      case "decimal": {
        const v = String(r.cells[1] ?? "").trim().toLowerCase();
        if (v !== "comma" && v !== "point") return bad(r, `decimal must be comma (1.234,56) or point (1,234.56), not "${quote(r.cells[1])}".`, { column: "2", field: "decimal" });
        decimal = v;
        continue;
      }
      case "headerrow": {
        const n = settingNumber(r, "header_row", "the row of the range that holds the headers, such as 3");
        if (n instanceof CoreError) return n;
        if (!Number.isInteger(n) || n < 1) return bad(r, `header_row needs a whole row number of 1 or more, not "${quote(r.cells[1])}".`, { column: "2", field: "header_row" });
        headerRow = n;
        continue;
      }
      case "surveyaggregate": {
        const v = String(r.cells[1] ?? "").trim().toLowerCase();
        if (v !== "median" && v !== "mean") return bad(r, `survey_aggregate must be median or mean, not "${quote(r.cells[1])}".`, { column: "2", field: "survey_aggregate" });
        surveyAggregate = v;
        continue;
      }
    }
    const at = named.length + criteria.length;
    const key = kpiByName(r.name);
    if (hasFormula(r)) {
      if (key) return bad(r, `"${quote(r.name)}" is the name of the built-in KPI ${key}: give the formula KPI a label of its own, or leave the 5th cell blank to score ${key}.`, { column: "1", field: key });
      const k = formulaRow(r);
      if (k instanceof CoreError) return k;
      if (named.some((x) => x.key === k.key) || criteria.some((x) => customKey(x.label) === k.key)) return bad(r, `${k.label} is listed twice; keep one row per KPI.`, { column: "1", field: k.label });
      named.push(k);
      continue;
    }
    if (!key) {
      const c = criterionRow(r, at);
      if (c instanceof CoreError) return c;
      if (named.some((x) => x.key === customKey(c.label)) || criteria.some((x) => customKey(x.label) === customKey(c.label))) return bad(r, `${c.label} is listed twice; keep one row per KPI.`, { column: "1", field: c.label });
      criteria.push(c);
      continue;
    }
    if (named.some((k) => k.key === key)) return bad(r, `${key} is listed twice; keep one row per KPI.`, { column: "1", field: key });
    const k = kpiRow(r, key);
    if (k instanceof CoreError) return k;
    named.push(k);
  }
  const kpis: ScoredKpi[] = [];
  if (named.length || criteria.length) kpis.push(...named);
  else {
    for (const key of DEFAULT_SCORED) {
      const k = kpiRow(undefined, key);
      if (k instanceof CoreError) return k;
      kpis.push(k);
    }
  }
  const read: ReadSettings = {
    mapping,
    ...(dateOrder ? { dateOrder } : {}),
    ...(decimal ? { decimal } : {}),
    ...(headerRow === undefined ? {} : { headerRow }),
  };
  let standings: readonly Standing[] | undefined;
  if (standingRows.length) {
    const checked = checkStandings(standingRows);
    if ("wrong" in checked) return problem("bad_config", `Weights row ${checked.row}: ${checked.wrong}`, { row: checked.row, column: String(checked.column), field: "standing" });
    standings = checked;
  }
  return {
    kpis,
    criteria,
    surveyAggregate,
    graceDays,
    ...(promisedDays === undefined ? {} : { promisedDays }),
    read,
    periods,
    ...(standings ? { standings } : {}),
  };
}

/** A problem in a weights row, placed at its row. */
function bad(r: ConfigRow, message: string, where: { column?: string; field?: string } = {}): CoreError {
  return problem("bad_config", `Weights row ${r.row}: ${message}`, { row: r.row, ...where });
}

function kpiRow(r: ConfigRow | undefined, key: KpiKey): ScoredKpi | CoreError {
  const def: { weight: number; target?: number; floor?: number } = KPIS[key];
  const where = r ? `Weights row ${r.row} (${key})` : key;
  const place = (column: number) => (r ? { row: r.row, column: String(column + 1), field: key } : { field: key });
  const cell = (i: number, name: string, fallback: number | undefined): number | undefined | CoreError => {
    const v: CellValue = r?.cells[i];
    if (isBlank(v)) return fallback;
    const n = parseNumber(v);
    if (!Number.isFinite(n)) return problem("bad_config", `${where}: the ${name} "${quote(v)}" is not a number.`, place(i));
    return n;
  };
  const weight = cell(1, "weight", def.weight || 1);
  if (weight instanceof CoreError) return weight;
  // Target = floor = 0 is what older Excel builds pass for two blank cells: keep the defaults.
  const zeros = r?.cells[2] === 0 && r?.cells[3] === 0;
  const target = zeros ? def.target : cell(2, "target", def.target);
  if (target instanceof CoreError) return target;
  const floor = zeros ? def.floor : cell(3, "floor", def.floor);
  if (floor instanceof CoreError) return floor;
  if (target === undefined || floor === undefined) return problem("bad_config", `${where}: ${key} has no default target and floor; give both in the 3rd and 4th columns.`, place(2));
  const parsed = KpiRow.safeParse({ weight, target, floor });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return problem("bad_config", `${where}: ${issue.message}.`, place(issue.path[0] === "weight" ? 1 : 2));
  }
  return { key, label: KPIS[key].label, ...parsed.data };
}

/** A fifth cell that holds a formula (0 is the blank older Excel builds pass). */
function hasFormula(r: ConfigRow): boolean {
  const v = r.cells[4];
  return !isBlank(v) && v !== 0;
}

/** A number cell of a KPI row: the number, undefined when blank, or the problem naming the row and column. */
function rowNumber(r: ConfigRow, label: string, i: number, name: string): number | undefined | CoreError {
  const v = r.cells[i];
  if (isBlank(v)) return undefined;
  const n = parseNumber(v);
  if (!Number.isFinite(n)) return problem("bad_config", `Weights row ${r.row} (${label}): the ${name} "${quote(v)}" is not a number.`, { row: r.row, column: String(i + 1), field: label });
  return n;
}

/** Weight, target and floor of a row of the user's own KPI; target and floor 0 and 0 are two blanks (older Excel builds). */
function ownBounds(r: ConfigRow, label: string): { weight: number; target?: number; floor?: number } | CoreError {
  const weight = rowNumber(r, label, 1, "weight");
  if (weight instanceof CoreError) return weight;
  if (weight !== undefined && !(weight >= 0)) return problem("bad_config", `Weights row ${r.row} (${label}): the weight must be 0 or more.`, { row: r.row, column: "2", field: label });
  const zeros = r.cells[2] === 0 && r.cells[3] === 0;
  const target = zeros ? undefined : rowNumber(r, label, 2, "target");
  if (target instanceof CoreError) return target;
  const floor = zeros ? undefined : rowNumber(r, label, 3, "floor");
  if (floor instanceof CoreError) return floor;
  if (target !== undefined && target === floor) return problem("bad_config", `Weights row ${r.row} (${label}): target and floor are equal, so no score can be computed: make them differ (target better than floor).`, { row: r.row, column: "3", field: label });
  return { weight: weight ?? 1, ...(target === undefined ? {} : { target }), ...(floor === undefined ? {} : { floor }) };
}

/** A formula KPI row `label, weight, target, floor, formula`: target and floor required, weight 1 by default. */
function formulaRow(r: ConfigRow): ScoredKpi | CoreError {
  const label = r.name;
  const b = ownBounds(r, label);
  if (b instanceof CoreError) return b;
  if (b.target === undefined || b.floor === undefined) {
    return problem("bad_config", `Weights row ${r.row} (${label}): a formula KPI has no default target and floor; give both in the 3rd and 4th columns.`, { row: r.row, column: b.target === undefined ? "3" : "4", field: label });
  }
  const formula = parseFormula(String(r.cells[4]).trim(), { row: r.row });
  if (formula instanceof CoreError) return formula;
  return { key: customKey(label), label, weight: b.weight, target: b.target, floor: b.floor, formula };
}

/**
 * A row naming a survey criterion: weight 1 by default, target and floor from the survey unless
 * given. Text where a number goes (`decimals, comma`) says the row is no KPI row at all: a
 * mistyped setting, told as the unknown name it is.
 */
function criterionRow(r: ConfigRow, at: number): CriterionRow | CoreError {
  const b = ownBounds(r, r.name);
  if (b instanceof CoreError) return bad(r, `"${quote(r.name)}" is not a KPI${KPI_ROW_HINT}.`, { column: "1" });
  return { row: r.row, label: r.name, at, ...b };
}

function settingNumber(r: ConfigRow, field: string, example: string): number | CoreError {
  const n = parseNumber(r.cells[1]);
  if (!Number.isFinite(n) || n < 0) return problem("bad_config", `Weights row ${r.row}: ${r.name} needs ${example}, not "${quote(r.cells[1])}".`, { row: r.row, column: "2", field });
  return n;
}
