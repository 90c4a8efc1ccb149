import { ParseCache } from "../table/cache";
import { bind, type CatalogFunction, type Context, type Env, type ParamSpec } from "./types";
import { VENDORDATAQUALITY } from "./quality";
import { VENDORBREAKDOWN, VENDORGRADE, VENDORKPI, VENDORSCORE, VENDORSCORECARD } from "./scorecard";
import { VENDORABC, VENDORKRALJIC, VENDORSEGMENTS } from "./segment";
import { SLABREACHES, SLACOMPLIANCE, SLACREDIT, SLAHOURS, SLASTATUS } from "./sla";
import { SLADATAQUALITY } from "./sla-quality";
import { VENDORSURVEY } from "./survey";
import { VENDOROVERALL, VENDORTREND, VENDORTRENDS } from "./trend";
import { CONTRACTSTATUS, VENDOROFFCONTRACT } from "./contract";
import { VENDORRISK, VENDORRISKS } from "./risk";

/** Every spreadsheet function, in the order the help lists them. Add a function here and nowhere else. */
export const DEFINITIONS = [VENDORSCORE, VENDORKPI, VENDORGRADE, VENDORSCORECARD, VENDORBREAKDOWN, VENDORTREND, VENDORTRENDS, VENDOROVERALL, VENDORDATAQUALITY, VENDORSURVEY, VENDORABC, VENDORKRALJIC, VENDORSEGMENTS, SLASTATUS, SLACOMPLIANCE, SLABREACHES, SLAHOURS, SLACREDIT, SLADATAQUALITY, CONTRACTSTATUS, VENDOROFFCONTRACT, VENDORRISK, VENDORRISKS] as const;

type Definition = (typeof DEFINITIONS)[number];
export type FunctionName = Definition["name"];

/** Each function by name, typed by its own parameters (so `call` takes exactly their names). */
export type Catalog = { readonly [D in Definition as D["name"]]: CatalogFunction<D["params"]> } & {
  /** What its functions run with: the host's today and the catalog's own parse cache (for reports run beside the functions). */
  readonly context: Context;
};

/**
 * A catalog: every function bound to the host's environment and to a parse cache of its own.
 * Hosts make one per runtime (an Excel custom-function runtime, an Apps Script execution, a Node
 * process); tests make their own, so nothing is shared between them.
 *
 * @example createCatalog({ today: () => 45747.5 }).VENDORSCORE.fn(range, "Acme") // 87.5
 */
export function createCatalog(env: Env, cache = new ParseCache()): Catalog {
  const context: Context = { today: env.today, cache };
  const catalog: Record<string, unknown> = Object.create(null);
  for (const def of DEFINITIONS) catalog[def.name] = bind<readonly ParamSpec[]>(def, context);
  // Not enumerable: the catalog's own keys are exactly its functions.
  Object.defineProperty(catalog, "context", { value: context, enumerable: false });
  return catalog as Catalog;
}
