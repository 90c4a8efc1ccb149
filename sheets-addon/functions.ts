import { createCatalog, DEFINITIONS, type Catalog, type FunctionName } from "../core";
import { fromSheets, toSheets } from "./convert";
import { lazyClock } from "./gas";
import type { WallClock } from "./zone";

export type SheetsFunction = (...args: unknown[]) => unknown;

/**
 * Every catalog function with Sheets' conventions: dates in and out in the spreadsheet's
 * zone, errors thrown with their code first. "Today" is the serial the spreadsheet's clock
 * shows now. One clock and one catalog (with its parse cache) per execution, made on first use,
 * so loading the script runs nothing.
 */
export function sheetsFunctions(): Record<FunctionName, SheetsFunction> {
  let clock: (() => WallClock) | undefined;
  let catalog: Catalog | undefined;
  const out = {} as Record<FunctionName, SheetsFunction>;
  for (const def of DEFINITIONS) {
    out[def.name] = (...args: unknown[]) => {
      const c = (clock ??= lazyClock());
      catalog ??= createCatalog({ today: () => c().toSerial(new Date(Date.now())) });
      const result = catalog[def.name].fn(...args.map((a) => fromSheets(a, c)));
      return toSheets(result, def.dateColumns, c);
    };
  }
  return out;
}
