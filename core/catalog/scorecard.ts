import { CoreError, problem } from "../cell/error";
import type { ResultGrid } from "../cell/types";
import { KPIS, kpiByName, type KpiKey } from "../kpi/defs";
import { readScoreConfig } from "../score/config";
import { fieldsFor } from "../kpi/fields";
import { analyze, needs, type VendorResult } from "../scorecard/analyze";
import { asOf, config, range, text } from "./params";
import { cell, defineFunction } from "./types";

export const DATA = range("data", "Purchase-order lines with a header row (vendor, promised date, delivered date, quantities, prices...).");
export const VENDOR = text("vendor", "The vendor's name as written in the data (any case).");
export const WEIGHTS = config("weights", "Rows kpi, weight, target, floor; settings such as grace_days, 2 or decimal, comma; mapping rows such as promised, Ship By.", readScoreConfig);
/** The weights range where only its settings and mapping rows matter (a function that scores nothing). */
export const SETTINGS = config("settings", "A weights range: its mapping rows (promised, Ship By) and settings (grace_days, date_order, promised_days, decimal, header_row) apply.", readScoreConfig);
const AS_OF_TEXT = "Date the data is judged at (undelivered lines past promise are late); numeric text follows date_order. Default: today.";
/** as_of beside a weights range, whose date_order it follows. */
export const AS_OF = asOf("as_of", AS_OF_TEXT, WEIGHTS);
/** as_of beside a settings range, whose date_order it follows. */
const AS_OF_SETTINGS = asOf("as_of", AS_OF_TEXT, SETTINGS);

export const SCORECARD_COLUMNS = ["Vendor", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Rank"] as const;
/** The KPIs VENDORSCORECARD always shows, in its column order. */
export const SHOWN: readonly KpiKey[] = ["lines", "spend", "on_time", "in_full", "otif", "defect_rate", "price_variance", "lead_time"];

/** A vendor's KPI that overflowed, as the problem a single-value function returns. */
function overflowed(r: VendorResult, keys: readonly KpiKey[]): CoreError | undefined {
  const key = keys.find((k) => r.overflow?.includes(k));
  return key && problem("overflow", `Vendor "${r.vendor}": ${key} (${KPIS[key].label}) overflowed: its lines add up beyond the largest number a sheet holds; check for values such as 1e308.`, { field: key });
}

export const VENDORSCORE = defineFunction({
  name: "VENDORSCORE",
  description: "A vendor's weighted score 0-100 from its purchase-order lines.",
  example: '=VENDORSCORE(A1:J5000, "Acme") returns 87.5 when Acme scores B.',
  params: [DATA, VENDOR, WEIGHTS, AS_OF],
  result: "number",
  impl({ data, vendor, weights, as_of }, cx) {
    const r = analyze(data, weights, as_of, cx.cache, needs(weights, [])).find(vendor);
    if (r instanceof CoreError) return r;
    if (r.score === undefined) {
      return overflowed(r, r.parts.map((p) => p.key)) ?? problem("no_data", `Vendor "${r.vendor}" has no data for any scored KPI (${r.parts.map((p) => p.key).join(", ")}): add the columns they need or score other KPIs.`);
    }
    return r.score;
  },
});

export const VENDORGRADE = defineFunction({
  name: "VENDORGRADE",
  description: "A vendor's grade A-D (A >= 90, B >= 75, C >= 60).",
  example: '=VENDORGRADE(A1:J5000, "Acme") returns "B".',
  params: [DATA, VENDOR, WEIGHTS, AS_OF],
  result: "string",
  impl({ data, vendor, weights, as_of }, cx) {
    const r = analyze(data, weights, as_of, cx.cache, needs(weights, [])).find(vendor);
    if (r instanceof CoreError) return r;
    if (r.grade === undefined) return overflowed(r, r.parts.map((p) => p.key)) ?? problem("no_data", `Vendor "${r.vendor}" has no data for any scored KPI, so it has no grade.`);
    return r.grade;
  },
});

export const VENDORKPI = defineFunction({
  name: "VENDORKPI",
  description: "One raw KPI of a vendor: on_time, in_full, otif, defect_rate, price_variance, lead_time, spend, lines or compliance.",
  example: '=VENDORKPI(A1:J5000, "Acme", "on_time") returns 0.92.',
  params: [DATA, VENDOR, text("kpi", "KPI key or label, e.g. on_time or \"Defect rate\"."), AS_OF_SETTINGS, SETTINGS],
  result: "number",
  impl({ data, vendor, kpi, as_of, settings }, cx) {
    const key = kpiByName(kpi);
    if (!key) return problem("bad_argument", `"${kpi}" is not a KPI: use one of ${Object.keys(KPIS).join(", ")}.`, { arg: "kpi" });
    const r = analyze(data, settings, as_of, cx.cache, fieldsFor([key], [], settings.promisedDays !== undefined)).find(vendor);
    if (r instanceof CoreError) return r;
    const v = r.values[key];
    if (v === undefined) return overflowed(r, [key]) ?? problem("no_data", `No line of vendor "${r.vendor}" can be evaluated for ${key} (${KPIS[key].description}).`, { field: key });
    return v;
  },
});

export const VENDORSCORECARD = defineFunction({
  name: "VENDORSCORECARD",
  description: "Spills a ranked scorecard: one row per vendor with its KPIs, score, grade and rank.",
  example: "=VENDORSCORECARD(A1:J5000) spills Vendor, Lines, Spend, On time ... Score, Grade, Rank.",
  params: [DATA, WEIGHTS, AS_OF],
  result: "table",
  impl({ data, weights, as_of }, cx) {
    // Reads the shown and the scored KPIs' columns only: a bad cell in another column cannot fail it.
    const a = analyze(data, weights, as_of, cx.cache, needs(weights, SHOWN, { listed: true }));
    // Always the documented columns, whatever the data holds, so formulas that index into the
    // spill keep working; compliance is read with VENDORKPI or shown by VENDORBREAKDOWN when scored.
    const grid: ResultGrid = [[...SCORECARD_COLUMNS]];
    for (const r of a.vendors) grid.push([r.vendor, ...SHOWN.map((k) => cell(r.values[k])), cell(r.score), cell(r.grade), cell(r.rank)]);
    return grid;
  },
});

export const VENDORBREAKDOWN = defineFunction({
  name: "VENDORBREAKDOWN",
  description: "Spills how a vendor's score is made: each scored KPI's value, target, floor, weight, KPI score and contribution.",
  example: '=VENDORBREAKDOWN(A1:J5000, "Acme") explains Acme\'s score; its Contribution column adds up to the score.',
  params: [DATA, VENDOR, WEIGHTS, AS_OF],
  result: "table",
  impl({ data, vendor, weights, as_of }, cx) {
    const a = analyze(data, weights, as_of, cx.cache, needs(weights, [], { listed: true }));
    const r = a.find(vendor);
    if (r instanceof CoreError) return r;
    // The documented columns first, in their order; Weight share and Note explain them.
    const grid: ResultGrid = [["KPI", "Value", "Target", "Floor", "Weight", "KPI score", "Contribution", "Weight share", "Note"]];
    for (const p of r.parts) {
      let note = p.value === undefined ? "no data: left out, the other weights renormalised" : p.weight === 0 ? "weight 0: shown, not scored" : "";
      if (r.overflow?.includes(p.key)) note = "overflowed: its lines add up beyond the largest number a sheet holds";
      if (p.key === "defect_rate" && p.value !== undefined && a.sums.defectBasis === "ordered") note = "rejected / ordered qty on delivered lines (the range has no received qty)";
      grid.push([KPIS[p.key].label, cell(p.value), p.target, p.floor, p.weight, cell(p.kpiScore), cell(p.value === undefined ? undefined : p.contribution), cell(p.value === undefined ? undefined : p.weightShare), note]);
    }
    return grid;
  },
});
