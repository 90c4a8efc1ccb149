import { DEFAULT_STANDINGS, standingOf } from "../score/standings";

/** The vendor KPIs, how they read and how they are scored unless a weights range says otherwise. */
export type KpiFormat = "percent" | "currency" | "days" | "count";

export interface KpiDef {
  readonly label: string;
  readonly format: KpiFormat;
  readonly weight: number;
  /** Scoring bounds; undefined where no default makes sense (the weights range must give them). */
  readonly target?: number;
  readonly floor?: number;
  readonly description: string;
}

export const KPIS = {
  on_time: { label: "On time", format: "percent", weight: 35, target: 0.98, floor: 0.8, description: "share of lines delivered on or before the promised day (+ grace days)" },
  in_full: { label: "In full", format: "percent", weight: 20, target: 0.98, floor: 0.8, description: "share of delivered lines with received qty >= ordered qty" },
  otif: { label: "OTIF", format: "percent", weight: 0, target: 0.95, floor: 0.75, description: "share of lines both on time and in full" },
  defect_rate: { label: "Defect rate", format: "percent", weight: 25, target: 0.005, floor: 0.05, description: "rejected qty / received qty" },
  price_variance: { label: "Price variance", format: "percent", weight: 20, target: 0, floor: 0.05, description: "(unit price - contract price) x qty / (contract price x qty)" },
  lead_time: { label: "Lead time (days)", format: "days", weight: 0, target: 7, floor: 30, description: "mean days from order date to delivery" },
  spend: { label: "Spend", format: "currency", weight: 0, description: "sum of amount, or unit price x qty" },
  lines: { label: "Lines", format: "count", weight: 0, description: "number of lines (cancelled lines excluded)" },
  compliance: { label: "Compliance", format: "percent", weight: 0, target: 1, floor: 0.8, description: "share of lines marked compliant (yes / true / 1)" },
} as const satisfies Record<string, KpiDef>;

export type KpiKey = keyof typeof KPIS;

export const KPI_KEYS = Object.keys(KPIS) as KpiKey[];

/** The default scored set: the KPIs with a weight above zero. */
export const DEFAULT_SCORED = KPI_KEYS.filter((k) => KPIS[k].weight > 0);

const BY_NAME = new Map<string, KpiKey>();
for (const k of KPI_KEYS) {
  BY_NAME.set(norm(k), k);
  BY_NAME.set(norm(KPIS[k].label), k);
}
BY_NAME.set(norm("Lead time"), "lead_time");

function norm(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/**
 * Finds a KPI by key or display label, case-insensitively.
 *
 * @example kpiByName("On Time") // "on_time"
 */
export function kpiByName(name: unknown): KpiKey | undefined {
  return BY_NAME.get(norm(String(name ?? "")));
}

/**
 * Grade of a composite score: A >= 90, B >= 75, C >= 60, else D. A score a rounding step
 * below a cutoff (89.99999999999999 from a defect rate of exactly 0.0095) is at the cutoff.
 *
 * @example grade(90) // "A"
 */
export function grade(score: number): "A" | "B" | "C" | "D" {
  return standingOf(score, DEFAULT_STANDINGS).name as "A" | "B" | "C" | "D";
}
