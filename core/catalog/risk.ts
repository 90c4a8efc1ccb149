import { CoreError, problem, quote } from "../cell/error";
import type { ResultGrid } from "../cell/types";
import { dimensionWeights, readRegister, readRiskWeights, riskIndex, type Register } from "../risk";
import type { RiskWeights } from "../risk";
import { compareNames } from "../scorecard/analyze";
import { config, range, text } from "./params";
import { cell, defineFunction } from "./types";

const RISK = range("risk", "The risk register with a header row: vendor, dimension, score, and weight and date where known; one row per assessment.");
const SETTINGS = config("settings", "Rows risk_weight, <dimension>, <weight> (e.g. risk_weight, Cyber, 2) and mapping rows such as score, Likelihood; other rows are passed over. Default weights: the register's weight column, else equal.", readRiskWeights);

/** The register read and each vendor's risk index under the settings' weights. */
function indexed(risk: Parameters<typeof readRegister>[0], settings: RiskWeights): { register: Register; index: (number | undefined)[] } | CoreError {
  const register = readRegister(risk, { mapping: settings.mapping });
  const weights = dimensionWeights(register, settings);
  return weights instanceof CoreError ? weights : { register, index: riskIndex(register, weights) };
}

export const VENDORRISK = defineFunction({
  name: "VENDORRISK",
  description: "A vendor's risk index 0-100 from a risk register: the weighted mean of its latest assessment per dimension (high = risky).",
  example: '=VENDORRISK(P1:T60, "Acme") returns 62.5 when Acme\'s latest scores are 4 (financial) and 3.5 (cyber) on 1-5, equally weighted.',
  params: [RISK, text("vendor", "The vendor's name as written in the register (any case)."), SETTINGS],
  result: "number",
  impl({ risk, vendor, settings }) {
    const r = indexed(risk, settings);
    if (r instanceof CoreError) return r;
    const v = r.register.vendors.find(vendor);
    if (v === undefined) {
      const known = r.register.vendors.names.slice(0, 5).map((n) => `"${quote(n)}"`).join(", ");
      return problem("unknown_vendor", `Vendor "${quote(vendor)}" has no assessment in the risk register. Vendors there include ${known || "none"}.`, { arg: "vendor" });
    }
    const x = r.index[v];
    if (x === undefined) return problem("no_data", `Vendor "${quote(r.register.vendors.names[v]!)}" is assessed only on dimensions weighted 0, so it has no risk index: give one of them a weight above 0.`, { arg: "settings" });
    return x;
  },
});

export const VENDORRISKS = defineFunction({
  name: "VENDORRISKS",
  description: "Spills every vendor of a risk register: its value per dimension (0-100) and its risk index, riskiest first.",
  example: "=VENDORRISKS(P1:T60) spills Vendor, one column per dimension (Financial, Cyber, ...), Risk index, highest risk index first.",
  params: [RISK, SETTINGS],
  result: "table",
  impl({ risk, settings }) {
    const r = indexed(risk, settings);
    if (r instanceof CoreError) return r;
    const { register, index } = r;
    const names = register.vendors.names;
    const order = names.map((_, v) => v).sort((a, b) => byIndex(index[a], index[b]) || compareNames(names[a]!, names[b]!));
    const grid: ResultGrid = [["Vendor", ...register.dimensions.map((d) => d.label), "Risk index"]];
    for (const v of order) {
      const values = Array.from(register.values[v]!, (x) => (x === x ? x : ""));
      grid.push([names[v]!, ...values, cell(index[v])]);
    }
    return grid;
  },
});

/** Highest risk index first; a vendor without one last. */
function byIndex(x: number | undefined, y: number | undefined): number {
  if (x === y) return 0;
  if (x === undefined) return 1;
  if (y === undefined) return -1;
  return y - x;
}
