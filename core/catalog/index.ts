import { bind, type CatalogFunction, type Env, type FunctionDef } from "./types";
import { VENDORDATAQUALITY } from "./quality";
import { VENDORBREAKDOWN, VENDORGRADE, VENDORKPI, VENDORSCORE, VENDORSCORECARD } from "./scorecard";
import { VENDORABC, VENDORKRALJIC, VENDORSEGMENTS } from "./segment";
import { SLABREACHES, SLACOMPLIANCE, SLACREDIT, SLAHOURS, SLASTATUS } from "./sla";

/** Every spreadsheet function, in the order the help lists them. Add a function here and nowhere else. */
export const DEFINITIONS = [VENDORSCORE, VENDORKPI, VENDORGRADE, VENDORSCORECARD, VENDORBREAKDOWN, VENDORDATAQUALITY, VENDORABC, VENDORKRALJIC, VENDORSEGMENTS, SLASTATUS, SLACOMPLIANCE, SLABREACHES, SLAHOURS, SLACREDIT] as const satisfies readonly FunctionDef[];

export type FunctionName = (typeof DEFINITIONS)[number]["name"];

export type Catalog = Record<FunctionName, CatalogFunction>;

/** The catalog with a given clock: hosts and tests inject "now" so results are reproducible. */
export function createCatalog(env: Env): Catalog {
  const catalog = Object.create(null) as Catalog;
  for (const def of DEFINITIONS) catalog[def.name as FunctionName] = bind(def, env);
  return catalog;
}
