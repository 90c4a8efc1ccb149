/// <reference types="custom-functions-runtime" />
/** Custom-functions entry: every catalog function, associated by its name, in the shared runtime. */
import { createCatalog, dateToSerial, DEFINITIONS } from "../core";
import { fromExcel, toExcel } from "./convert";

// Today as the user's machine shows it: Excel's TODAY() is the local date too.
const catalog = createCatalog({ today: () => dateToSerial(new Date()) });
for (const def of DEFINITIONS) {
  const fn = catalog[def.name].fn;
  CustomFunctions.associate(def.name, (...args: unknown[]) => toExcel(fn(...args.map(fromExcel))));
}
