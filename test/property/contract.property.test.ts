import fc from "fast-check";
import type { CellValue, Range } from "../../core";
import { serialParts } from "../../core";
import { catalog } from "../helpers/sheet";
import { table } from "../helpers/table";

const { CONTRACTSTATUS, VENDOROFFCONTRACT } = catalog;
const HEAD = ["Contract", "Vendor", "Start", "End", "Notice days", "Auto renew"];
/** 2020-01-01 and a span of about ten years of days after it. */
const DAY0 = 43831;
const day = fc.integer({ min: DAY0, max: DAY0 + 3650 });

interface Written {
  readonly start: number | "";
  readonly length: number;
  readonly notice: number;
  readonly auto: boolean;
}

const contract: fc.Arbitrary<Written> = fc.record({
  start: fc.oneof({ weight: 6, arbitrary: day }, { weight: 1, arbitrary: fc.constant("" as const) }),
  length: fc.integer({ min: 1, max: 800 }),
  notice: fc.integer({ min: 0, max: 120 }),
  auto: fc.boolean(),
});

/** A contract row: the end is the start plus length - 1 days (without a start, DAY0 + length). */
function rowOf(c: Written, i: number): CellValue[] {
  const end = c.start === "" ? DAY0 + c.length : c.start + c.length - 1;
  return [`K${i}`, i % 3 === 0 ? "Acme" : "Bolt", c.start, end, c.notice, c.auto ? "yes" : "no"];
}

/** CONTRACTSTATUS rows by contract id; a problem's message names its row, which moves with it. */
function byId(range: Range, asOf: number, warn: number): Map<unknown, unknown[]> {
  const t = table(CONTRACTSTATUS.fn(range, null, asOf, warn));
  const unplaced = (v: unknown) => (typeof v === "string" ? v.replace(/\brow \d+/gi, "row N") : v);
  return new Map(t.rows.map((r) => [r.get("Contract"), t.header.map((h) => unplaced(r.get(h)))]));
}

describe("contract properties", () => {
  it("gives every contract the same row whatever the order of the contracts", () => {
    fc.assert(
      fc.property(fc.array(contract, { minLength: 1, maxLength: 12 }), day, fc.integer({ min: 1, max: 200 }), fc.infiniteStream(fc.nat()), (cs, asOf, warn, seeds) => {
        const rows = cs.map(rowOf);
        const shuffled = rows.map((r) => [seeds.next().value, r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
        expect(byId([HEAD, ...shuffled], asOf, warn)).toEqual(byId([HEAD, ...rows], asOf, warn));
      }),
    );
  });

  it("gives the same status and days to notice when a term counted in days and the as-of day both move k terms", () => {
    const daysTerm = fc
      .record({ start: day, length: fc.integer({ min: 1, max: 400 }), notice: fc.integer({ min: 0, max: 60 }), auto: fc.boolean(), k: fc.integer({ min: 1, max: 6 }), offset: fc.integer({ min: -500, max: 3000 }) })
      .filter(({ start, length, k }) => {
        // A term counted in days: the day after end is not on the start's day of the month, before or after the move.
        const whole = (s: number) => serialParts(s + length).d === serialParts(s).d;
        return !whole(start) && !whole(start + k * length);
      });
    fc.assert(
      fc.property(daysTerm, fc.integer({ min: 1, max: 120 }), ({ start, length, notice, auto, k, offset }, warn) => {
        const at = (s: number, asOf: number) => {
          const r = table(CONTRACTSTATUS.fn([HEAD, ["K", "Acme", s, s + length - 1, notice, auto ? "yes" : "no"]], null, asOf, warn)).rows[0]!;
          return r.pick("Status", "Days to notice");
        };
        const shift = k * length;
        expect(at(start + shift, start + offset + shift)).toEqual(at(start, start + offset));
      }),
    );
  });

  const LINES = fc.array(fc.record({ date: day, amount: fc.integer({ min: 1, max: 10_000 }) }), { minLength: 1, maxLength: 30 });
  const dataOf = (ls: { date: number; amount: number }[]): Range => [["Vendor", "Order Date", "Amount"], ...ls.map((l) => ["Acme", l.date, l.amount])];
  const AS_OF = DAY0 + 4000;

  it("finds no spend off contract when one contract covers every order date", () => {
    fc.assert(
      fc.property(LINES, fc.integer({ min: 0, max: 400 }), (ls, margin) => {
        const first = Math.min(...ls.map((l) => l.date));
        const last = Math.max(...ls.map((l) => l.date));
        const contracts: Range = [["Vendor", "Start", "End"], ["Acme", first - margin, last + margin]];
        expect(VENDOROFFCONTRACT.fn(dataOf(ls), contracts, "Acme", AS_OF)).toBe(0);
      }),
    );
  });

  it("finds all spend off contract when no contract covers an order date", () => {
    fc.assert(
      fc.property(LINES, fc.integer({ min: 1, max: 400 }), fc.boolean(), (ls, length, before) => {
        const first = Math.min(...ls.map((l) => l.date));
        const last = Math.max(...ls.map((l) => l.date));
        const term = before ? [first - length, first - 1] : [last + 1, last + length];
        const contracts: Range = [["Vendor", "Start", "End"], ["Acme", ...term], ["Bolt", first, last]];
        expect(VENDOROFFCONTRACT.fn(dataOf(ls), contracts, "Acme", AS_OF)).toBe(1);
      }),
    );
  });
});
