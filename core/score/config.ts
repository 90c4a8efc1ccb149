import * as z from "zod/mini";
import { isBlank } from "../cell/blank";
import type { DateOrder } from "../cell/date";
import type { Decimal } from "../cell/number";
import { CoreError, problem, quote } from "../cell/error";
import { parseNumber } from "../cell/number";
import type { CellValue, RangeArg } from "../cell/types";
import { configRows, takeMapping, type ConfigRow } from "../config/rows";
import { DEFAULT_SCORED, KPIS, kpiByName, type KpiKey } from "../kpi/defs";
import { DEFAULT_PERIODS, PERIOD_KEYS, periodSetting, type PeriodSettings } from "../period/settings";
import { PO_SCHEMA } from "../table/schema";
import type { ReadSettings } from "../table/read";
import { checkStandings, readStanding, type Standing, type StandingRow } from "./standings";

export interface ScoredKpi {
  readonly key: KpiKey;
  readonly weight: number;
  readonly target: number;
  readonly floor: number;
}

/** What a weights range says: the scored KPIs, settings and column mapping. */
export interface ScoreConfig {
  readonly kpis: readonly ScoredKpi[];
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

/**
 * Reads a weights range: rows `kpi, weight, target, floor` (blank target or floor keep the
 * defaults; naming any KPI replaces the default set), setting rows (`grace_days, 2`,
 * `date_order, DMY`, `promised_days, 14`, `decimal, comma`, `header_row, 3`), period rows
 * (`period, month`, `fiscal_start, 4`, `period_by, delivered`, `history, 12`, `decay, none`),
 * standing rows (`standing, Poor, 30, 50, yellow, warn`) and mapping rows (`promised, Ship By`). A bad row is
 * returned as a problem with its row (1-based in the range), column and field.
 *
 * @example readScoreConfig([["on_time", 50], ["defect_rate", 50, 0.01, 0.1]])
 */
export function readScoreConfig(arg: RangeArg): ScoreConfig | CoreError {
  const { mapping, rest } = takeMapping(configRows(arg, ["kpi", "metric", "field", "setting", "name"]), PO_SCHEMA);
  let graceDays = 0;
  let promisedDays: number | undefined;
  let dateOrder: DateOrder | undefined;
  let decimal: Decimal | undefined;
  let headerRow: number | undefined;
  const named: ScoredKpi[] = [];
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
    }
    const key = kpiByName(r.name);
    if (!key) {
      return bad(r, `"${quote(r.name)}" is not a KPI. Use one of ${Object.keys(KPIS).join(", ")}, a setting (grace_days, promised_days, date_order, decimal, header_row, period, fiscal_start, period_by, history, decay), a standing row or a mapping row such as "promised, Ship By".`, { column: "1" });
    }
    if (named.some((k) => k.key === key)) return bad(r, `${key} is listed twice; keep one row per KPI.`, { column: "1", field: key });
    const k = kpiRow(r, key);
    if (k instanceof CoreError) return k;
    named.push(k);
  }
  const kpis: ScoredKpi[] = [];
  if (named.length) kpis.push(...named);
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
  return { key, ...parsed.data };
}

function settingNumber(r: ConfigRow, field: string, example: string): number | CoreError {
  const n = parseNumber(r.cells[1]);
  if (!Number.isFinite(n) || n < 0) return problem("bad_config", `Weights row ${r.row}: ${r.name} needs ${example}, not "${quote(r.cells[1])}".`, { row: r.row, column: "2", field });
  return n;
}
