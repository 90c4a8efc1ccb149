import { PO_SCHEMA, type Schema } from "../table/schema";

/** A risk register: one row per assessment of one dimension of one vendor. */
export const RISK_SCHEMA = [
  { key: "vendor", kind: "text", aliases: PO_SCHEMA[0].aliases, required: true },
  { key: "dimension", kind: "text", aliases: ["dimension", "risk dimension", "risk area", "category", "risk category"], required: true },
  { key: "score", kind: "number", aliases: ["score", "risk score", "rating", "risk rating"], required: true },
  { key: "weight", kind: "number", aliases: ["weight", "risk weight"] },
  { key: "date", kind: "date", aliases: ["date", "assessed", "assessment date", "assessed on", "date assessed"] },
] as const satisfies Schema;

export type RiskField = (typeof RISK_SCHEMA)[number]["key"];
