import * as z from "zod/mini";
import { isBlank } from "../cell/blank";
import { attempt, type CoreError, fail, quote } from "../cell/error";
import { parseNumber } from "../cell/number";
import type { RangeArg } from "../cell/types";
import { configRows } from "../config/rows";

/** A service-credit band: compliance strictly below `below` earns `credit`. */
export interface CreditBand {
  readonly below: number;
  readonly credit: number;
}

const Band = z.object({
  below: z.number().check(z.gte(0, { error: "compliance below must be between 0 and 1 (or a percentage such as 99%)" }), z.lte(1, { error: "compliance below must be between 0 and 1 (or a percentage such as 99%)" })),
  credit: z.number(),
});

/**
 * Reads a credit table: rows `compliance below, credit %` such as `0.99, 5%` and `0.95, 10%`,
 * with an optional header row.
 *
 * @example readCredits([["compliance below", "credit %"], [0.99, 0.05], [0.95, 0.1]])
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
      fail("bad_config", `Credit table row ${r.row}: ${what}. Rows read: compliance below, credit % (e.g. 0.99, 5%).`, { row: r.row });
    }
    return parsed.data;
  });
}

/**
 * The credit of the lowest band a compliance falls under (below its threshold), 0 when none.
 *
 * @example creditFor([{ below: 0.99, credit: 0.05 }, { below: 0.95, credit: 0.1 }], 0.97) // 0.05
 */
export function creditFor(bands: readonly CreditBand[], compliance: number): number {
  let best: CreditBand | undefined;
  for (const b of bands) if (compliance < b.below && (!best || b.below < best.below)) best = b;
  return best ? best.credit : 0;
}
