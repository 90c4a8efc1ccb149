/// <reference types="custom-functions-runtime" />
/** Custom-functions entry: every catalog function, associated by its name, in the shared runtime. */
import { createCatalog, DEFINITIONS } from "../core";
import { fromExcel, toExcel } from "./convert";

const catalog = createCatalog({ now: () => new Date() });
for (const def of DEFINITIONS) {
  const fn = catalog[def.name].fn;
  CustomFunctions.associate(def.name, (...args: unknown[]) => toExcel(fn(...args.map(fromExcel))));
}
