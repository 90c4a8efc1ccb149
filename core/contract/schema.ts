import { PO_SCHEMA, type Schema } from "../table/schema";

/** The vendor column answers to the purchase-order lines' vendor headers. */
const VENDOR = PO_SCHEMA[0].aliases;

/** A contracts range: one row per contract. Vendor and end are required. */
export const CONTRACT_SCHEMA = [
  { key: "vendor", kind: "text", aliases: VENDOR, required: true },
  { key: "contract", kind: "text", aliases: ["contract", "contract id", "agreement"] },
  { key: "start", kind: "date", aliases: ["start", "start date", "effective date"] },
  { key: "end", kind: "date", aliases: ["end", "end date", "expiry date", "expiration date"], required: true },
  { key: "notice", kind: "number", aliases: ["notice days", "notice period", "notice period (days)"] },
  { key: "value", kind: "number", aliases: ["value", "contract value", "committed value"] },
  { key: "auto_renew", kind: "text", aliases: ["auto renew", "auto-renew", "evergreen"] },
] as const satisfies Schema;

export type ContractField = (typeof CONTRACT_SCHEMA)[number]["key"];
