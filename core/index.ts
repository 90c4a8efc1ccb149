/**
 * vendorscore core: vendor KPIs, scores, SLA breaches and segments computed from spreadsheet
 * ranges. Pure: it runs unchanged in Excel, Apps Script and Node. This file is the core's one
 * public face: hosts, panel, preview, command line and benchmark import the core from here (and
 * the report layer from `core/report`), never from its internals.
 *
 * @example createCatalog({ today: () => 45747.5 }).VENDORSCORE.fn(range, "Acme") // 87.5
 */
export { createCatalog, DEFINITIONS } from "./catalog";
export type { Catalog, FunctionName } from "./catalog";
export { bind, defineFunction } from "./catalog/types";
export type { Args, CatalogFunction, Context, Env, FunctionDef, NamedCells, ParamSpec, ParamType, Result, ResultType } from "./catalog/types";
export { attempt, CoreError, isCoreError, problem, MAX_MESSAGE, MAX_QUOTE } from "./cell/error";
export type { ErrorKind, Problem, ProblemCode, SheetError, Where } from "./cell/error";
export type { CellValue, Range, RangeArg, ResultCell, ResultGrid } from "./cell/types";
export { dateToSerial, serialOf, serialParts, formatSerial, MS_PER_DAY, UNIX_EPOCH_SERIAL, type Serial } from "./cell/date";
export { isDate, isBlank } from "./cell/blank";
export { parseDate, parseDateText, type DateOrder } from "./cell/date";
export { parseNumber } from "./cell/number";
export { readScoreConfig, type ScoreConfig } from "./score/config";
export { readCalendar } from "./sla/calendar-config";
export { readPolicy } from "./sla/policy";
export { KPIS, KPI_KEYS } from "./kpi/defs";
export { NOT_USED } from "./table/match";
export { TextTable, textTableOf } from "./table/text";
export { ParseCache, fingerprint, sameContent, DEFAULT_LIMITS, type CacheLimits, type CacheStats } from "./table/cache";
export { parseFormula, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, type Formula } from "./formula";
