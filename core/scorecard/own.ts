import { fail, isCoreError, quote } from "../cell/error";
import type { Range } from "../cell/types";
import { FormulaAccumulator } from "../formula/accumulate";
import { evaluateFormula } from "../formula/evaluate";
import { planFormulas } from "../formula/plan";
import { KPIS, type KpiKey } from "../kpi/defs";
import { customKey, KPI_ROW_HINT, type CustomKey, type ScoreConfig, type ScoredKey, type ScoredKpi } from "../score/config";
import { criterionBounds, surveyValue, type SurveyWindow } from "../survey/aggregate";
import type { SurveyTable } from "../survey/read";
import type { LineTable } from "../table/lines";

/**
 * The weights range's survey criterion rows scored against the function's survey: each becomes a
 * KPI labelled as written, at its place among the KPI rows, its target and floor from the row or
 * else the highest and lowest score seen for it in the survey ({@link criterionBounds}). A row
 * the survey does not know, or any such row without a survey, is the unknown-KPI problem at its
 * row (thrown: the runner returns it).
 *
 * @example resolveCriteria(readScoreConfig([["Responsiveness", 15]]), survey).kpis[0] // { label: "Responsiveness", weight: 15, target: 5, floor: 1, criterion: 0 }
 */
export function resolveCriteria(config: ScoreConfig, survey: SurveyTable | undefined): ScoreConfig {
  if (config.criteria.length === 0) return config;
  const kpis: ScoredKpi[] = [...config.kpis];
  for (const c of config.criteria) {
    const id = survey?.criteria.find(c.label);
    if (survey === undefined || id === undefined) {
      const where = `Weights row ${c.row}: "${quote(c.label)}"`;
      if (survey === undefined) fail("bad_config", `${where} is not a KPI${KPI_ROW_HINT}.`, { arg: "weights", row: c.row, column: "1" });
      const known = survey.criteria.names.slice(0, 6).map((n) => `"${quote(n)}"`).join(", ") || "none";
      fail("bad_config", `${where} is neither a KPI nor a criterion of the survey, whose criteria include ${known}. KPIs: ${Object.keys(KPIS).join(", ")}.`, { arg: "weights", row: c.row, column: "1" });
    }
    const seen = criterionBounds(survey, id);
    const target = c.target ?? seen.target;
    const floor = c.floor ?? seen.floor;
    if (target === floor) {
      fail("bad_config", `Weights row ${c.row} (${c.label}): every answer to it in the survey scores ${target}, so its default target and floor are equal: give both in the 3rd and 4th columns.`, { arg: "weights", row: c.row, column: "3", field: c.label });
    }
    kpis.splice(c.at, 0, { key: customKey(c.label), label: c.label, weight: c.weight, target, floor, criterion: id });
  }
  return { ...config, kpis, criteria: [] };
}

/** Whether a scored key is a built-in KPI's. */
export function isBuiltIn(key: ScoredKey): key is KpiKey {
  return key.charAt(0) !== "~";
}

/** A vendor's values of the KPIs of the user's own in one bucket, and those that overflowed. */
export interface OwnValues {
  readonly values: Readonly<Record<CustomKey, number | undefined>>;
  readonly overflow: readonly CustomKey[];
}

/**
 * The formula KPIs and survey criteria of a config, bound to a table of lines: the accumulator
 * the pass over the lines fills (one `add` per counted line, beside the built-in sums), and the
 * survey answers by the lines' vendor ids. Nothing here reads the lines again.
 */
export class OwnKpis {
  /** Fed by the pass over the lines; undefined when the config has no formula KPI. */
  readonly acc: FormulaAccumulator | undefined;
  private readonly formulas: readonly ScoredKpi[];
  private readonly criteria: readonly ScoredKpi[];
  /** The survey's vendor id of each line vendor (-1: no answers). */
  private readonly surveyVendor: Int32Array;

  /**
   * @param windows Each bucket's period (bucket k of a vendor), for the survey's dated answers; undefined: one bucket, every answer.
   */
  constructor(
    table: LineTable,
    private readonly config: ScoreConfig,
    private readonly survey: SurveyTable | undefined,
    private readonly windows?: readonly SurveyWindow[],
  ) {
    this.formulas = config.kpis.filter((k) => k.formula !== undefined);
    this.criteria = config.kpis.filter((k) => k.criterion !== undefined);
    if (this.formulas.length) {
      const plan = planFormulas(
        this.formulas.map((k) => k.formula!),
        table.columns.header,
        config.read.decimal ? { decimal: config.read.decimal } : {},
      );
      if (isCoreError(plan)) throw plan.at({ arg: "weights" });
      this.acc = new FormulaAccumulator(plan);
    } else this.acc = undefined;
    const names = table.vendors.names;
    this.surveyVendor = new Int32Array(names.length).fill(-1);
    if (survey && this.criteria.length) names.forEach((n, v) => (this.surveyVendor[v] = survey.vendors.find(n) ?? -1));
  }

  /** True when the config scores nothing of the user's own: the scorecard runs as before. */
  get none(): boolean {
    return this.formulas.length === 0 && this.criteria.length === 0;
  }

  /**
   * Vendor v's values in its bucket k (`slot` = its index in the sums, v x buckets + k), the
   * formulas evaluated over the bucket's aggregates and built-in KPI values.
   */
  values(v: number, k: number, slot: number, builtIn: Readonly<Record<KpiKey, number | undefined>>): OwnValues {
    const values: Record<CustomKey, number | undefined> = {};
    let overflow: CustomKey[] | undefined;
    for (const f of this.formulas) {
      const x = evaluateFormula(f.formula!, this.acc!, slot, builtIn);
      values[f.key as CustomKey] = x.value;
      if (x.overflow) (overflow ??= []).push(f.key as CustomKey);
    }
    const sv = this.surveyVendor[v]!;
    for (const c of this.criteria) {
      const period = this.windows?.[k];
      const x = sv < 0 ? undefined : surveyValue(this.survey!, sv, c.criterion!, { aggregate: this.config.surveyAggregate, ...(period ? { period } : {}) });
      // Weights of 1e308 can make a weighted value overflow: no value, said as for a formula.
      if (x !== undefined && !Number.isFinite(x)) (overflow ??= []).push(c.key as CustomKey);
      values[c.key as CustomKey] = x !== undefined && Number.isFinite(x) ? x : undefined;
    }
    return { values, overflow: overflow ?? [] };
  }
}
