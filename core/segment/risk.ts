import { asRange, isBlank } from "../cell/blank";
import { attempt, type CoreError, fail, quote } from "../cell/error";
import { parseNumber } from "../cell/number";
import type { RangeArg } from "../cell/types";
import { vendorName } from "../table/vendors";

/** Supply risk per vendor from a risk range: key = vendor name trimmed and lower-cased. */
export type RiskTable = ReadonlyMap<string, number>;

/**
 * What the `risk` argument gave: two columns vendor, risk (on 1-5 or 0-1, judged from the values),
 * or a risk register, whose risk index / 100 is on 0-1 whatever its values.
 */
export interface RiskArgument {
  readonly values: RiskTable;
  readonly from: "pairs" | "register";
}

/**
 * The key a vendor is matched on in a risk range: normalised and in any case, as the data's vendors are.
 *
 * @example vendorKey("  ACME Corp ") // "acme corp"
 */
export function vendorKey(name: string): string {
  return vendorName(name).toLowerCase();
}

/**
 * Reads a two-column range `vendor, risk`. A first row whose risk cell is text that is not a
 * number is a header and is skipped. Rows with a blank vendor or a blank risk are left out;
 * a vendor listed twice or a risk that is not a number fails with the row to fix.
 *
 * @example readRiskRange([["Vendor", "Risk"], ["Acme", 4], ["Bolt", "2"]]) // Map { "acme" => 4, "bolt" => 2 }
 */
export function readRiskRange(arg: RangeArg): Map<string, number> | CoreError {
  return attempt(() => parseRiskRange(arg));
}

function parseRiskRange(arg: RangeArg): Map<string, number> {
  const range = asRange(arg);
  if (range.length === 0) fail("no_data", "The risk range is empty: give two columns, vendor and supply risk.");
  if (range.every((row) => row.length < 2)) fail("bad_argument", "The risk range has one column: give two columns, vendor and supply risk (1-5 or 0-1).");
  const risks = new Map<string, number>();
  const rowOf = new Map<string, number>();
  let first = true;
  range.forEach((cells, i) => {
    if (cells.every(isBlank)) return;
    const [who, value] = [cells[0], cells[1]];
    const header = first && typeof value === "string" && !isBlank(value) && Number.isNaN(parseNumber(value));
    first = false;
    if (header || isBlank(who) || isBlank(value)) return;
    const risk = parseNumber(value);
    if (Number.isNaN(risk)) fail("bad_argument", `Risk range row ${i + 1}: "${quote(value)}" is not a number; write the supply risk as a number (1-5 or 0-1).`);
    const name = String(who).trim();
    const key = vendorKey(name);
    const seen = rowOf.get(key);
    if (seen !== undefined) fail("bad_argument", `Risk range rows ${seen} and ${i + 1} both give a risk for vendor "${name}": keep one row per vendor.`);
    rowOf.set(key, i + 1);
    risks.set(key, risk);
  });
  return risks;
}
