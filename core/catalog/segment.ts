import { CoreError, problem } from "../cell/error";
import type { Range, ResultGrid } from "../cell/types";
import type { ScoreConfig } from "../score/config";
import { fieldsFor } from "../kpi/fields";
import type { PoField } from "../table/schema";
import { analyze, needs } from "../scorecard/analyze";
import { isRegister, registerSupplyRisk } from "../risk";
import { abcCutoffs, readRiskRange, segment, type RiskArgument, type SegmentOptions, type VendorSegment } from "../segment";
import { number, optionalConfig, optionalNumber } from "./params";
import { AS_OF, DATA, SETTINGS, VENDOR, WEIGHTS } from "./scorecard";
import { cell, defineFunction, type Context } from "./types";

const RISK = optionalConfig(
  "risk",
  "Two columns vendor, supply risk (1-5 or 0-1), header row optional; or a risk register (vendor, dimension, score...), read as its risk index / 100. Replaces the data's supply risk column.",
  readRiskArgument,
);

/** A risk register (its header holds dimension and score) or the two columns vendor, risk. */
function readRiskArgument(rows: Range): RiskArgument | CoreError {
  const register = isRegister(rows);
  const values = register ? registerSupplyRisk(rows) : readRiskRange(rows);
  return values instanceof CoreError ? values : { values, from: register ? "register" : "pairs" };
}

export const SEGMENT_COLUMNS = ["Vendor", "Spend", "Spend share", "Cumulative share", "ABC", "Supply risk", "Kraljic", "Tier", "Score", "Grade"] as const;

/**
 * The lines read and summed once; VENDORABC and VENDORKRALJIC score nothing, so only the
 * settings' mapping and setting rows matter, and only the spend columns (and `extra`) are read.
 */
function analysed(data: Range, settings: ScoreConfig, cx: Context, extra: readonly PoField[] = []) {
  return analyze(data, settings, cx.today(), cx.cache, fieldsFor(["spend"], extra));
}

/** The rating columns Kraljic reads: profit impact, and supply risk unless a risk range replaces it. */
function ratingFields(risk: RiskArgument | undefined): PoField[] {
  return risk === undefined ? ["supply_risk", "profit_impact"] : ["profit_impact"];
}

export const VENDORABC = defineFunction({
  name: "VENDORABC",
  description: "A vendor's ABC (Pareto) class on spend: A for the vendors making the first 80% of spend, B up to 95%, C for the rest.",
  example: '=VENDORABC(A1:J5000, "Acme") returns "A" when fewer than 80% of spend goes to vendors with more spend than Acme.',
  params: [
    DATA,
    VENDOR,
    number("a", "Cumulative share of spend that ends class A, e.g. 0.8 (default 80%).", 0.8),
    number("b", "Cumulative share of spend that ends class B, e.g. 0.95 (default 95%); at least a.", 0.95),
    SETTINGS,
  ],
  result: "string",
  impl({ data, vendor, a, b, settings }, cx) {
    const cutoffs = abcCutoffs(a, b);
    const seg = segment(analysed(data, settings, cx), { cutoffs, kraljic: false });
    if (seg.vendors.every((v) => v.spend === undefined)) {
      return problem("no_data", "No line has a spend to rank vendors by: add an amount column, or unit price and quantity columns.");
    }
    const r = seg.find(vendor);
    return r instanceof CoreError ? r : r.abc;
  },
});

export const VENDORKRALJIC = defineFunction({
  name: "VENDORKRALJIC",
  description: "A vendor's Kraljic quadrant from profit impact and supply risk: Strategic, Leverage, Bottleneck or Non-critical.",
  example: '=VENDORKRALJIC(A1:K5000, "Acme") returns "Strategic" when Acme is an ABC class A vendor with supply risk 3 or more (1-5).',
  params: [
    DATA,
    VENDOR,
    RISK,
    optionalNumber("impact_threshold", "Profit impact that counts as high: a share of total spend such as 0.1, or a value on the profit impact column's scale. Default: ABC class A, or the column's scale midpoint."),
    optionalNumber("risk_threshold", "Supply risk that counts as high. Default: the scale midpoint, 3 on 1-5, 0.5 on 0-1."),
    SETTINGS,
  ],
  result: "string",
  impl({ data, vendor, risk, impact_threshold, risk_threshold, settings }, cx) {
    const seg = segment(analysed(data, settings, cx, ratingFields(risk)), kraljicOptions(risk, impact_threshold, risk_threshold));
    const r = seg.find(vendor);
    if (r instanceof CoreError) return r;
    // Only the quadrant needs risk: no risk data at all is this function's #N/A, naming its risk argument.
    if (seg.noRisk) return seg.noRisk;
    if (r.quadrant === undefined) return problem("no_data", missingAxis(r, seg.risk?.source));
    return r.quadrant;
  },
});

export const VENDORSEGMENTS = defineFunction({
  name: "VENDORSEGMENTS",
  description: "Spills every vendor's segment: spend, spend share, ABC class, supply risk, Kraljic quadrant, relationship tier, score and grade. Without supply risk data, Kraljic and Tier stay empty.",
  example: "=VENDORSEGMENTS(A1:K5000) spills Vendor, Spend, Spend share, Cumulative share, ABC, Supply risk, Kraljic, Tier, Score, Grade, highest spend first.",
  params: [DATA, RISK, WEIGHTS, AS_OF],
  result: "table",
  impl({ data, risk, weights, as_of }, cx) {
    // Segments are of all the lines, whatever period row the weights hold: the period dates are not read.
    const fields = needs(weights, ["spend"], { extra: [...ratingFields(risk), "tier"], periods: false });
    const seg = segment(analyze(data, weights, as_of, cx.cache, fields), kraljicOptions(risk, undefined, undefined));
    const grid: ResultGrid = [[...SEGMENT_COLUMNS]];
    for (const v of seg.vendors) {
      grid.push([v.vendor, cell(v.spend), cell(v.share), cell(v.cumShare), v.abc, cell(v.risk), cell(v.quadrant), cell(v.tier), cell(v.score), cell(v.grade)]);
    }
    return grid;
  },
});

function kraljicOptions(risk: RiskArgument | undefined, impactThreshold: number | undefined, riskThreshold: number | undefined): SegmentOptions {
  return {
    ...(risk === undefined ? {} : { risk }),
    ...(impactThreshold === undefined ? {} : { impactThreshold }),
    ...(riskThreshold === undefined ? {} : { riskThreshold }),
  };
}

/** Why a vendor has no quadrant, and where to add what is missing. */
function missingAxis(r: VendorSegment, riskSource: "column" | "argument" | "register" | undefined): string {
  if (r.risk === undefined) {
    const fix =
      riskSource === "argument" ? `add a row "${r.vendor}, <risk>" to the risk range`
      : riskSource === "register" ? `add assessments of "${r.vendor}" to the risk register`
      : `fill in the supply risk column on its lines, or pass a risk range`;
    return `Vendor "${r.vendor}" has no supply risk, so it has no Kraljic quadrant: ${fix}.`;
  }
  return `Vendor "${r.vendor}" has no profit impact value, so it has no Kraljic quadrant: fill in the profit impact column on its lines.`;
}

