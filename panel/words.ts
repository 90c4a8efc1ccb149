import { KPIS } from "../core";

/**
 * The words the pane shows for the keys of its config tables: column names of the weights and
 * policy tables, KPI keys, setting and calendar rows. The key itself stays what is stored and
 * what the functions read; the pane shows it in a tooltip.
 */
const WORDS: Readonly<Record<string, string>> = {
  kpi: "KPI",
  weight: "Weight",
  target: "Target",
  floor: "Floor",
  formula: "Formula",
  survey_aggregate: "Survey aggregate",
  grace_days: "Grace days",
  date_order: "Date order",
  promised_days: "Promised days",
  decimal: "Decimal mark",
  header_row: "Header row",
  period: "Period",
  fiscal_start: "Fiscal year starts",
  period_by: "Period by",
  history: "History",
  decay: "Decay",
  standing: "Standing",
  risk_weight: "Risk weight",
  priority: "Priority",
  "resolution target (h)": "Resolution (h)",
  "response target (h)": "Response (h)",
  clock: "Clock",
  workdays: "Workdays",
  hours: "Hours",
  holiday: "Holiday",
  holidays: "Holidays",
  ...Object.fromEntries(Object.entries(KPIS).map(([key, k]) => [key, k.label])),
};

/**
 * The label for a config key, or undefined when the text is not a key the pane knows (a
 * priority such as `P1` is data, shown as typed).
 *
 * @example wordFor("defect_rate") // "Defect rate"
 */
export function wordFor(key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(WORDS, key.trim().toLowerCase()) ? WORDS[key.trim().toLowerCase()] : undefined;
}

/** The tooltip that names the key behind a label. */
export function keyTip(key: string): string {
  return `Key: ${key}`;
}
