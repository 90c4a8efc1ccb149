import { createCatalog, DEFINITIONS, type FunctionName } from "../core";
import { fromSheets, toSheets } from "./convert";
import { lazyClock } from "./gas";
import { localDateShowing } from "./zone";

export type SheetsFunction = (...args: unknown[]) => unknown;

/**
 * Every catalog function with Sheets' conventions: dates in and out in the spreadsheet's
 * zone, errors thrown with their code first. "Today" is the spreadsheet's day.
 */
export function sheetsFunctions(): Record<FunctionName, SheetsFunction> {
  const out = {} as Record<FunctionName, SheetsFunction>;
  for (const def of DEFINITIONS) {
    out[def.name] = (...args: unknown[]) => {
      const clock = lazyClock();
      const catalog = createCatalog({ now: () => localDateShowing(clock().toSerial(new Date(Date.now()))) });
      const result = catalog[def.name].fn(...args.map((a) => fromSheets(a, clock)));
      return toSheets(result, def.dateColumns, clock);
    };
  }
  return out;
}
