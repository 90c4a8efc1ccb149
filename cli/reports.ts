import type { CellValue, Range } from "../core";

/** What a report needs from the command line, and the catalog call that computes it. */
export interface ReportSpec {
  readonly name: string;
  readonly functionName: string;
  readonly summary: string;
  readonly sheet: string;
  /** Config files this report takes (--weights, --policy, ...). */
  readonly configs: readonly ConfigName[];
  readonly needsVendor?: boolean;
  /** The catalog arguments, in the function's order. */
  args(data: Range, o: ReportInputs): unknown[];
}

export type ConfigName = "weights" | "policy" | "calendar" | "risk";

export interface ReportInputs {
  readonly vendor?: string;
  readonly asOf?: CellValue;
  readonly atRisk?: CellValue;
  readonly weights?: Range;
  readonly policy?: Range;
  readonly calendar?: Range;
  readonly risk?: Range;
}

export const REPORTS: readonly ReportSpec[] = [
  { name: "scorecard", functionName: "VENDORSCORECARD", summary: "ranked scorecard: one row per vendor with KPIs, score, grade, rank", sheet: "Scorecard", configs: ["weights"], args: (d, o) => [d, o.weights, o.asOf] },
  { name: "breakdown", functionName: "VENDORBREAKDOWN", summary: "how one vendor's score is made (needs --vendor)", sheet: "Breakdown", configs: ["weights"], needsVendor: true, args: (d, o) => [d, o.vendor, o.weights, o.asOf] },
  { name: "sla", functionName: "SLASTATUS", summary: "each ticket's SLA status in business hours", sheet: "SLA status", configs: ["policy", "calendar"], args: (d, o) => [d, o.policy, o.calendar, o.asOf, o.atRisk] },
  { name: "segments", functionName: "VENDORSEGMENTS", summary: "ABC class, Kraljic quadrant and tier per vendor", sheet: "Segments", configs: ["risk", "weights"], args: (d, o) => [d, o.risk, o.weights, o.asOf] },
  { name: "quality", functionName: "VENDORDATAQUALITY", summary: "what the scorecard will count: matched columns, blanks, placeholders", sheet: "Data quality", configs: ["weights"], args: (d, o) => [d, o.weights] },
];
