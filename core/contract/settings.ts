import { asRange } from "../cell/blank";
import type { CoreError } from "../cell/error";
import { parseNumber } from "../cell/number";
import type { Range, RangeArg } from "../cell/types";
import { withoutRiskWeights } from "../risk/weights";
import { readScoreConfig, type ScoreConfig } from "../score/config";
import type { ReadSettings } from "../table/read";
import { normalizeHeader } from "../table/schema";
import { CONTRACT_SCHEMA } from "./schema";

/** A settings range as the contract functions read it: the data's settings, and how the contracts' cells are read. */
export interface ContractSettings extends ScoreConfig {
  /** The contracts' date order, decimal mark and column mapping. */
  readonly contracts: Pick<ReadSettings, "dateOrder" | "decimal" | "mapping">;
}

/** The contract fields a mapping row can name besides the vendor, which the data shares. */
const OWN = new Map(CONTRACT_SCHEMA.filter((f) => f.key !== "vendor").map((f) => [normalizeHeader(f.key), f.key] as const));

/**
 * Reads a settings range for the contract functions: mapping rows of contract fields (`end,
 * Expiry`, `auto_renew, Rolls over`) map the contracts' columns; a `vendor` mapping row maps the
 * vendor column of the contracts and of the data alike; every other row is the data's, as for
 * VENDORKPI (the risk register's `risk_weight` rows are passed over). Rows keep their numbers.
 *
 * @example readContractSettings([["date_order", "DMY"], ["end", "Expiry"]]).contracts.mapping // Map { "end" => "Expiry" }
 */
export function readContractSettings(arg: RangeArg): ContractSettings | CoreError {
  const mapping = new Map<string, string>();
  const rest: Range = withoutRiskWeights(asRange(arg)).map((row) => {
    const field = OWN.get(normalizeHeader(row[0]));
    const header = row[1];
    if (field === undefined || typeof header !== "string" || header.trim() === "" || !Number.isNaN(parseNumber(header))) return row;
    mapping.set(field, header.trim());
    return [];
  });
  const data = readScoreConfig(rest);
  if (!("kpis" in data)) return data;
  const vendor = data.read.mapping?.get("vendor");
  if (vendor !== undefined) mapping.set("vendor", vendor);
  const { dateOrder, decimal } = data.read;
  return { ...data, contracts: { mapping, ...(dateOrder ? { dateOrder } : {}), ...(decimal ? { decimal } : {}) } };
}
