import { asOfArg, leftOut, numberArg, textArg } from "../cell/args";
import { fail } from "../cell/error";
import type { ResultGrid } from "../cell/types";
import { readScoreConfig } from "../score/config";
import { analyze } from "../scorecard/analyze";
import { abcCutoffs, readRiskRange, segment, type SegmentOptions, type VendorSegment } from "../segment";
import { AS_OF, DATA, SETTINGS, VENDOR, WEIGHTS } from "./scorecard";
import { cell, type Env, type FunctionDef, type ParamSpec } from "./types";

const RISK: ParamSpec = {
  name: "risk",
  type: "range",
  optional: true,
  description: "Two columns vendor, supply risk (1-5 or 0-1), header row optional; replaces the data's supply risk column.",
};

export const SEGMENT_COLUMNS = ["Vendor", "Spend", "Spend share", "Cumulative share", "ABC", "Supply risk", "Kraljic", "Tier", "Score", "Grade"] as const;

/** The lines read and summed once; VENDORABC and VENDORKRALJIC score nothing, so only the settings' mapping and setting rows matter. */
function analysed(data: unknown, settings: unknown, env: Env) {
  return analyze(data as never, readScoreConfig(settings as never), asOfArg(undefined, env.now));
}

function optionalNumber(v: unknown, name: string): number | undefined {
  return leftOut(v) ? undefined : numberArg(v, name, NaN);
}

export const VENDORABC: FunctionDef = {
  name: "VENDORABC",
  description: "A vendor's ABC (Pareto) class on spend: A for the vendors making the first 80% of spend, B up to 95%, C for the rest.",
  example: '=VENDORABC(A1:J5000, "Acme") returns "A" when fewer than 80% of spend goes to vendors with more spend than Acme.',
  params: [
    DATA,
    VENDOR,
    { name: "a", type: "number", optional: true, description: "Cumulative share of spend that ends class A, e.g. 0.8 (default 80%)." },
    { name: "b", type: "number", optional: true, description: "Cumulative share of spend that ends class B, e.g. 0.95 (default 95%); at least a." },
    SETTINGS,
  ],
  result: "string",
  impl(args, env) {
    const cutoffs = abcCutoffs(numberArg(args[2], "a", 0.8), numberArg(args[3], "b", 0.95));
    const vendor = textArg(args[1], "vendor");
    const seg = segment(analysed(args[0], args[4], env), { cutoffs, kraljic: false });
    if (seg.vendors.every((v) => v.spend === undefined)) {
      fail("no_data", "No line has a spend to rank vendors by: add an amount column, or unit price and quantity columns.");
    }
    return seg.find(vendor).abc;
  },
};

export const VENDORKRALJIC: FunctionDef = {
  name: "VENDORKRALJIC",
  description: "A vendor's Kraljic quadrant from profit impact and supply risk: Strategic, Leverage, Bottleneck or Non-critical.",
  example: '=VENDORKRALJIC(A1:K5000, "Acme") returns "Strategic" when Acme is an ABC class A vendor with supply risk 3 or more (1-5).',
  params: [
    DATA,
    VENDOR,
    RISK,
    { name: "impact_threshold", type: "number", optional: true, description: "Profit impact that counts as high: a share of total spend such as 0.1, or a value on the profit impact column's scale. Default: ABC class A, or the column's scale midpoint." },
    { name: "risk_threshold", type: "number", optional: true, description: "Supply risk that counts as high. Default: the scale midpoint, 3 on 1-5, 0.5 on 0-1." },
    SETTINGS,
  ],
  result: "string",
  impl(args, env) {
    const options = kraljicOptions(args[2], optionalNumber(args[3], "impact_threshold"), optionalNumber(args[4], "risk_threshold"));
    const vendor = textArg(args[1], "vendor");
    const seg = segment(analysed(args[0], args[5], env), options);
    const r = seg.find(vendor);
    if (r.quadrant === undefined) fail("no_data", missingAxis(r, seg.risk?.source));
    return r.quadrant;
  },
};

export const VENDORSEGMENTS: FunctionDef = {
  name: "VENDORSEGMENTS",
  description: "Spills every vendor's segment: spend, spend share, ABC class, supply risk, Kraljic quadrant, relationship tier, score and grade.",
  example: "=VENDORSEGMENTS(A1:K5000) spills Vendor, Spend, Spend share, Cumulative share, ABC, Supply risk, Kraljic, Tier, Score, Grade, highest spend first.",
  params: [DATA, RISK, WEIGHTS, AS_OF],
  result: "table",
  impl(args, env) {
    const options = kraljicOptions(args[1], undefined, undefined);
    const config = readScoreConfig(args[2] as never);
    const seg = segment(analyze(args[0] as never, config, asOfArg(args[3], env.now)), options);
    const grid: ResultGrid = [[...SEGMENT_COLUMNS]];
    for (const v of seg.vendors) {
      grid.push([v.vendor, cell(v.spend), cell(v.share), cell(v.cumShare), v.abc, cell(v.risk), cell(v.quadrant), cell(v.tier), cell(v.score), cell(v.grade)]);
    }
    return grid;
  },
};

function kraljicOptions(risk: unknown, impactThreshold: number | undefined, riskThreshold: number | undefined): SegmentOptions {
  return {
    ...(leftOut(risk) ? {} : { risk: readRiskRange(risk as never) }),
    ...(impactThreshold === undefined ? {} : { impactThreshold }),
    ...(riskThreshold === undefined ? {} : { riskThreshold }),
  };
}

/** Why a vendor has no quadrant, and where to add what is missing. */
function missingAxis(r: VendorSegment, riskSource: "column" | "argument" | undefined): string {
  if (r.risk === undefined) {
    const fix = riskSource === "argument" ? `add a row "${r.vendor}, <risk>" to the risk range` : `fill in the supply risk column on its lines, or pass a risk range`;
    return `Vendor "${r.vendor}" has no supply risk, so it has no Kraljic quadrant: ${fix}.`;
  }
  return `Vendor "${r.vendor}" has no profit impact value, so it has no Kraljic quadrant: fill in the profit impact column on its lines.`;
}
