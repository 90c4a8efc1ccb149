import * as z from "zod/mini";
import { isBlank } from "../cell/blank";
import type { DateOrder } from "../cell/date";
import { fail } from "../cell/error";
import { parseNumber } from "../cell/number";
import type { CellValue, RangeArg } from "../cell/types";
import { configRows, takeMapping, type ConfigRow } from "../config/rows";
import { DEFAULT_SCORED, KPIS, kpiByName, type KpiKey } from "../kpi/defs";
import { PO_SCHEMA } from "../table/schema";
import type { ReadSettings } from "../table/read";

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
 * `date_order, DMY`, `promised_days, 14`) and mapping rows (`promised, Ship By`).
 *
 * @example readScoreConfig([["on_time", 50], ["defect_rate", 50, 0.01, 0.1]])
 */
export function readScoreConfig(arg: RangeArg): ScoreConfig {
  const { mapping, rest } = takeMapping(configRows(arg, ["kpi", "metric", "field", "setting", "name"]), PO_SCHEMA);
  let graceDays = 0;
  let promisedDays: number | undefined;
  let dateOrder: DateOrder | undefined;
  const named: ScoredKpi[] = [];
  for (const r of rest) {
    switch (r.key) {
      case "gracedays":
        graceDays = settingNumber(r, "a number of days such as 2");
        continue;
      case "promiseddays":
        promisedDays = settingNumber(r, "a number of days such as 14");
        continue;
      case "dateorder": {
        const v = String(r.cells[1] ?? "").trim().toUpperCase();
        if (!(DATE_ORDERS as readonly string[]).includes(v)) fail("bad_config", `Weights row ${r.row}: date_order must be MDY, DMY or YMD, not "${String(r.cells[1] ?? "")}".`);
        dateOrder = v as DateOrder;
        continue;
      }
    }
    const key = kpiByName(r.name);
    if (!key) {
      fail("bad_config", `Weights row ${r.row}: "${r.name}" is not a KPI. Use one of ${Object.keys(KPIS).join(", ")}, a setting (grace_days, promised_days, date_order) or a mapping row such as "promised, Ship By".`);
    }
    if (named.some((k) => k.key === key)) fail("bad_config", `Weights row ${r.row}: ${key} is listed twice; keep one row per KPI.`);
    named.push(kpiRow(r, key));
  }
  const kpis = named.length ? named : DEFAULT_SCORED.map((key) => kpiRow(undefined, key));
  const read: ReadSettings = dateOrder ? { mapping, dateOrder } : { mapping };
  return promisedDays === undefined ? { kpis, graceDays, read } : { kpis, graceDays, promisedDays, read };
}

function kpiRow(r: ConfigRow | undefined, key: KpiKey): ScoredKpi {
  const def: { weight: number; target?: number; floor?: number } = KPIS[key];
  const where = r ? `Weights row ${r.row} (${key})` : key;
  const cell = (i: number, name: string, fallback: number | undefined): number | undefined => {
    const v: CellValue = r?.cells[i];
    if (isBlank(v)) return fallback;
    const n = parseNumber(v);
    if (Number.isNaN(n)) fail("bad_config", `${where}: the ${name} "${String(v)}" is not a number.`);
    return n;
  };
  const weight = cell(1, "weight", def.weight || 1);
  // Target = floor = 0 is what older Excel builds pass for two blank cells: keep the defaults.
  const zeros = r?.cells[2] === 0 && r?.cells[3] === 0;
  const target = zeros ? def.target : cell(2, "target", def.target);
  const floor = zeros ? def.floor : cell(3, "floor", def.floor);
  if (target === undefined || floor === undefined) fail("bad_config", `${where}: ${key} has no default target and floor; give both in the 3rd and 4th columns.`);
  const parsed = KpiRow.safeParse({ weight, target, floor });
  if (!parsed.success) fail("bad_config", `${where}: ${parsed.error.issues[0]!.message}.`);
  return { key, ...parsed.data };
}

function settingNumber(r: ConfigRow, example: string): number {
  const n = parseNumber(r.cells[1]);
  if (Number.isNaN(n) || n < 0) fail("bad_config", `Weights row ${r.row}: ${r.name} needs ${example}, not "${String(r.cells[1] ?? "")}".`);
  return n;
}
