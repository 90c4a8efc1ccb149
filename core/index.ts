/**
 * vendorscore core: vendor KPIs, scores, SLA breaches and segments computed from
 * spreadsheet ranges. Pure: it runs unchanged in Excel, Apps Script and Node.
 *
 * @example catalog.VENDORSCORE.fn(range, "Acme") // 87.5
 */
import { createCatalog } from "./catalog";

export const catalog = createCatalog({ now: () => new Date() });

export { createCatalog, DEFINITIONS } from "./catalog";
export type { Catalog, FunctionName } from "./catalog";
export type { CatalogFunction, Env, FunctionDef, ParamSpec, ParamType, Result, ResultType } from "./catalog/types";
export { CoreError, isCoreError } from "./cell/error";
export type { ErrorKind, SheetError } from "./cell/error";
export type { CellValue, Range, RangeArg, ResultCell, ResultGrid } from "./cell/types";
export { dateToSerial, serialOf, formatSerial } from "./cell/date";
export { isDate, isBlank } from "./cell/blank";
export { KPIS, KPI_KEYS } from "./kpi/defs";
