import { asOfArg, textArg } from "../cell/args";
import { fail } from "../cell/error";
import type { ResultGrid } from "../cell/types";
import { KPIS, kpiByName, type KpiKey } from "../kpi/defs";
import { readScoreConfig } from "../score/config";
import { analyze } from "../scorecard/analyze";
import { cell, type Env, type FunctionDef, type ParamSpec } from "./types";

export const DATA: ParamSpec = { name: "data", type: "range", description: "Purchase-order lines with a header row (vendor, promised date, delivered date, quantities, prices...)." };
export const VENDOR: ParamSpec = { name: "vendor", type: "string", description: "The vendor's name as written in the data (any case)." };
export const WEIGHTS: ParamSpec = { name: "weights", type: "range", optional: true, description: "Rows kpi, weight, target, floor; settings such as grace_days, 2; mapping rows such as promised, Ship By." };
/** The weights range where only its settings and mapping rows matter (a function that scores nothing). */
export const SETTINGS: ParamSpec = { name: "settings", type: "range", optional: true, description: "A weights range: its mapping rows (promised, Ship By) and settings (grace_days, date_order, promised_days) apply." };
export const AS_OF: ParamSpec = { name: "as_of", type: "date", optional: true, description: "Date the data is judged at (undelivered lines past promise are late). Default: today." };

function run(args: readonly unknown[], env: Env, weightsAt: number, asOfAt: number) {
  const config = readScoreConfig(args[weightsAt] as never);
  return analyze(args[0] as never, config, asOfArg(args[asOfAt], env.now));
}

export const SCORECARD_COLUMNS = ["Vendor", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Rank"] as const;

export const VENDORSCORE: FunctionDef = {
  name: "VENDORSCORE",
  description: "A vendor's weighted score 0-100 from its purchase-order lines.",
  example: '=VENDORSCORE(A1:J5000, "Acme") returns 87.5 when Acme scores B.',
  params: [DATA, VENDOR, WEIGHTS, AS_OF],
  result: "number",
  impl(args, env) {
    const r = run(args, env, 2, 3).find(textArg(args[1], "vendor"));
    if (r.score === undefined) fail("no_data", `Vendor "${r.vendor}" has no data for any scored KPI (${r.parts.map((p) => p.key).join(", ")}): add the columns they need or score other KPIs.`);
    return r.score;
  },
};

export const VENDORGRADE: FunctionDef = {
  name: "VENDORGRADE",
  description: "A vendor's grade A-D (A >= 90, B >= 75, C >= 60).",
  example: '=VENDORGRADE(A1:J5000, "Acme") returns "B".',
  params: [DATA, VENDOR, WEIGHTS, AS_OF],
  result: "string",
  impl(args, env) {
    const r = run(args, env, 2, 3).find(textArg(args[1], "vendor"));
    if (r.grade === undefined) fail("no_data", `Vendor "${r.vendor}" has no data for any scored KPI, so it has no grade.`);
    return r.grade;
  },
};

export const VENDORKPI: FunctionDef = {
  name: "VENDORKPI",
  description: "One raw KPI of a vendor: on_time, in_full, otif, defect_rate, price_variance, lead_time, spend, lines or compliance.",
  example: '=VENDORKPI(A1:J5000, "Acme", "on_time") returns 0.92.',
  params: [DATA, VENDOR, { name: "kpi", type: "string", description: "KPI key or label, e.g. on_time or \"Defect rate\"." }, AS_OF, SETTINGS],
  result: "number",
  impl(args, env) {
    const name = textArg(args[2], "kpi");
    const key = kpiByName(name);
    if (!key) fail("bad_argument", `"${name}" is not a KPI: use one of ${Object.keys(KPIS).join(", ")}.`);
    const r = run([args[0], args[1], args[4], args[3]], env, 2, 3).find(textArg(args[1], "vendor"));
    const v = r.values[key];
    if (v === undefined) fail("no_data", `No line of vendor "${r.vendor}" can be evaluated for ${key} (${KPIS[key].description}).`);
    return v;
  },
};

export const VENDORSCORECARD: FunctionDef = {
  name: "VENDORSCORECARD",
  description: "Spills a ranked scorecard: one row per vendor with its KPIs, score, grade and rank.",
  example: "=VENDORSCORECARD(A1:J5000) spills Vendor, Lines, Spend, On time ... Score, Grade, Rank.",
  params: [DATA, WEIGHTS, AS_OF],
  result: "table",
  impl(args, env) {
    const a = run(args, env, 1, 2);
    // Always the documented columns, whatever the data holds, so formulas that index into the
    // spill keep working; compliance is read with VENDORKPI or shown by VENDORBREAKDOWN when scored.
    const keys: KpiKey[] = ["lines", "spend", "on_time", "in_full", "otif", "defect_rate", "price_variance", "lead_time"];
    const grid: ResultGrid = [[...SCORECARD_COLUMNS]];
    for (const r of a.vendors) grid.push([r.vendor, ...keys.map((k) => cell(r.values[k])), cell(r.score), cell(r.grade), cell(r.rank)]);
    return grid;
  },
};

export const VENDORBREAKDOWN: FunctionDef = {
  name: "VENDORBREAKDOWN",
  description: "Spills how a vendor's score is made: each scored KPI's value, target, floor, weight, KPI score and contribution.",
  example: '=VENDORBREAKDOWN(A1:J5000, "Acme") explains Acme\'s score; its Contribution column adds up to the score.',
  params: [DATA, VENDOR, WEIGHTS, AS_OF],
  result: "table",
  impl(args, env) {
    const a = run(args, env, 2, 3);
    const r = a.find(textArg(args[1], "vendor"));
    // The documented columns first, in their order; Weight share and Note explain them.
    const grid: ResultGrid = [["KPI", "Value", "Target", "Floor", "Weight", "KPI score", "Contribution", "Weight share", "Note"]];
    for (const p of r.parts) {
      let note = p.value === undefined ? "no data: left out, the other weights renormalised" : p.weight === 0 ? "weight 0: shown, not scored" : "";
      if (p.key === "defect_rate" && p.value !== undefined && a.sums.defectBasis === "ordered") note = "rejected / ordered qty on delivered lines (the range has no received qty)";
      grid.push([KPIS[p.key].label, cell(p.value), p.target, p.floor, p.weight, cell(p.kpiScore), cell(p.value === undefined ? undefined : p.contribution), cell(p.value === undefined ? undefined : p.weightShare), note]);
    }
    return grid;
  },
};
