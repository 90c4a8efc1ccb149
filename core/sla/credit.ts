import * as z from "zod/mini";
import { isBlank } from "../cell/blank";
import { attempt, type CoreError, fail, quote } from "../cell/error";
import { parseNumber } from "../cell/number";
import type { RangeArg } from "../cell/types";
import { configRows } from "../config/rows";
import { vendorName } from "../table/vendors";

/** A service-credit band: compliance strictly below `below` earns `credit`; for one vendor when `vendor` is set. */
export interface CreditBand {
  readonly below: number;
  readonly credit: number;
  readonly vendor?: string;
}

const Band = z.object({
  below: z.number().check(z.gte(0, { error: "compliance below must be between 0 and 1 (or a percentage such as 99%)" }), z.lte(1, { error: "compliance below must be between 0 and 1 (or a percentage such as 99%)" })),
  credit: z.number(),
});

/**
 * Reads a credit table: rows `compliance below, credit %, [vendor]` such as `0.99, 5%` and
 * `0.95, 10%`, with an optional header row. Rows with a vendor are that vendor's bands.
 *
 * @example readCredits([["compliance below", "credit %", "vendor"], [0.99, 0.05], [0.95, 0.1], [0.98, 0.1, "Acme"]])
 */
export function readCredits(arg: RangeArg): CreditBand[] | CoreError {
  return attempt(() => parseCredits(arg));
}

function parseCredits(arg: RangeArg): CreditBand[] {
  const rows = configRows(arg, ["compliancebelow", "compliance", "below", "threshold", "band"]);
  if (rows.length === 0) fail("bad_config", "The credit table is empty: give rows compliance below, credit % such as 0.99, 5%.");
  return rows.map((r) => {
    const below = parseNumber(r.cells[0]);
    const credit = isBlank(r.cells[1]) ? NaN : parseNumber(r.cells[1]);
    const parsed = Band.safeParse({ below, credit });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const cell = issue.path[0] === "credit" ? r.cells[1] : r.cells[0];
      const what = issue.code === "invalid_type" ? `"${quote(cell ?? "")}" is not a number` : issue.message;
      fail("bad_config", `Credit table row ${r.row}: ${what}. Rows read: compliance below, credit %, [vendor] (e.g. 0.99, 5%).`, { row: r.row });
    }
    return isBlank(r.cells[2]) ? parsed.data : { ...parsed.data, vendor: String(r.cells[2]).trim() };
  });
}

/**
 * The credit of the lowest band a compliance falls under (below its threshold), 0 when none.
 * A vendor with bands of its own uses only those; the others use the bands without a vendor.
 *
 * @example creditFor([{ below: 0.99, credit: 0.05 }, { below: 0.95, credit: 0.1 }], 0.97) // 0.05
 */
export function creditFor(bands: readonly CreditBand[], compliance: number, vendor?: string): number {
  const key = (v: string) => vendorName(v).toLowerCase();
  const own = vendor === undefined ? [] : bands.filter((b) => b.vendor !== undefined && key(b.vendor) === key(vendor));
  const use = own.length ? own : bands.filter((b) => b.vendor === undefined);
  let best: CreditBand | undefined;
  for (const b of use) if (compliance < b.below && (!best || b.below < best.below)) best = b;
  return best ? best.credit : 0;
}
