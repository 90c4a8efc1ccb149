/**
 * What a spreadsheet hands a custom function and what it takes back.
 *
 * Excel passes dates as serial numbers and blanks as `null`; Google Sheets passes
 * dates as `Date` objects and blanks as `""`; an omitted argument is `null` (Excel)
 * or `undefined` (Sheets). The core accepts all of them.
 */
export type CellValue = number | string | boolean | Date | null | undefined;

/** A range argument: rows of cells, header first. A one-cell range may arrive as a scalar. */
export type Range = CellValue[][];

/** A range argument as a host may pass it. */
export type RangeArg = Range | CellValue;

/** A cell the core returns: empty cells are `""` so that Excel does not show them as 0. */
export type ResultCell = number | string | boolean;

export type ResultGrid = ResultCell[][];
