import { createCatalog, CoreError, serialOf } from "../../../core";
import type { Calendar } from "../../../core/sla/calendar";
import { parseDate } from "../../../core/cell/date";
import { parseNumber } from "../../../core/cell/number";
import { readScoreConfig } from "../../../core/score/config";
import { readCalendar } from "../../../core/sla/calendar-config";
import { DEFAULT_POLICY, readPolicy, type Policy } from "../../../core/sla/policy";

/** Excel's limit on the characters of one cell. */
const CELL_LIMIT = 32_767;

/** `head`, then `run` repeated, then `tail`: a cell of exactly Excel's limit. */
function cellOf(head: string, run: string, tail: string): string {
  const n = Math.ceil((CELL_LIMIT - head.length - tail.length) / run.length);
  return (head + run.repeat(n)).slice(0, CELL_LIMIT - tail.length) + tail;
}

/** The fastest of three runs, in ms, and what the last run gave (a thrown error counts as its result). */
function judged(call: () => unknown): { ms: number; out: unknown } {
  let ms = Infinity;
  let out: unknown;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    try {
      out = call();
    } catch (e) {
      out = e;
    }
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, out };
}

/** Generous: the target is well under 5 ms; a quadratic pattern takes 0.4-1.2 s on these cells. */
const BOUND_MS = 50;

const isBadConfig = (out: unknown, ...mentions: string[]) =>
  out instanceof CoreError && out.kind === "bad_config" && mentions.every((m) => out.message.includes(m));

const catalog = createCatalog({ today: () => serialOf(2025, 6, 1) });

describe("cells found by fuzzing are judged in time linear in their length", () => {
  it.each<[string, () => unknown, (out: unknown) => boolean]>([
    // The four cases measured quadratic.
    ['a quantity "1,,,...,1" is not a number', () => parseNumber("1" + ",".repeat(32_000) + "1"), Number.isNaN],
    ['a priority "P   ...   x" matches no priority', () => DEFAULT_POLICY.match("P" + " ".repeat(32_000) + "x"), (out) => out === undefined],
    ['a policy row "P   ...   x" reads as a priority of that text', () => (readPolicy([["P" + " ".repeat(32_000) + "x", 4]]) as Policy).rows[0]!.resolution, (out) => out === 4],
    ['workdays "mon   ...   fri" are Monday and Friday', () => (readCalendar([["workdays", "mon" + " ".repeat(32_000) + "fri"]]) as Calendar).workdays, (out) => JSON.stringify(out) === JSON.stringify([false, true, false, false, false, true, false])],
    ['hours "9   ...   17" are no business hours', () => readCalendar([["hours", "9" + " ".repeat(32_000) + "17"]]), (out) => isBadConfig(out, "Calendar row 1", "not business hours")],

    // 32,767-character cells of each kind.
    ["a number of 32,767 digits then a letter is not a number", () => parseNumber(cellOf("1", "1", "x")), Number.isNaN],
    ["a number of 32,767 digits is not a number (it overflows)", () => parseNumber(cellOf("1", "0", "")), Number.isNaN],
    ["a number of digit groups 1,234,234... then a letter is not a number", () => parseNumber(cellOf("1", ",234", "x")), Number.isNaN],
    ["a number in parentheses with spaces is not a number", () => parseNumber(cellOf("($1", " ", "x)")), Number.isNaN],
    ["a date with a time and then spaces and a letter is not a date", () => parseDate(cellOf("2025-01-01 10:00", " ", "x")), Number.isNaN],
    ["a date with a time and then tabs before am is not a date", () => parseDate(cellOf("01/02/2025 10:00", "\t", "am!")), Number.isNaN],
    ["a date of spaces between day and month is not a date", () => parseDate(cellOf("1", " ", "jan 2025x")), Number.isNaN],
    ["a date serial of 32,767 digits is not a date", () => parseDate(cellOf("4", "5", "")), Number.isNaN],
    ["a holiday of 32,767 characters is a config error", () => readCalendar([["holiday", cellOf("2025-12-25 10:00", " ", "x")]]), (out) => isBadConfig(out, "holiday", "is not a date")],
    ["a ticket priority of leading spaces matches no priority", () => DEFAULT_POLICY.match(cellOf("", " ", "x")), (out) => out === undefined],
    ["a ticket priority P, 32,765 spaces, 1 is P1", () => DEFAULT_POLICY.match(cellOf("P", " ", "1"))?.priority, (out) => out === "P1"],
    ["a policy target of 32,767 characters is a config error", () => readPolicy([["P1", cellOf("4", " ", "h!")]]), (out) => isBadConfig(out, "Policy row 1", "not a number of hours")],
    ["workdays of 32,767 characters ending in a non-day are a config error", () => readCalendar([["workdays", cellOf("mon", " ", "x")]]), (out) => isBadConfig(out, "Calendar row 1", "not a list of workdays")],
    ["workdays of repeated ' to ' are a config error", () => readCalendar([["workdays", cellOf("mon", " to", "x")]]), (out) => isBadConfig(out, "Calendar row 1")],
    ["hours of 32,767 characters are a config error", () => readCalendar([["hours", cellOf("9", " ", "17!")]]), (out) => isBadConfig(out, "Calendar row 1", "not business hours")],
    ["hours with tabs between the ends are a config error", () => readCalendar([["hours", cellOf("9", "\t", "17")]]), (out) => isBadConfig(out, "Calendar row 1")],
    ["a weight of 32,767 digits then a letter is a config error", () => readScoreConfig([["on_time", cellOf("1", "9", "x")]]), (out) => isBadConfig(out, "Weights row 1", "is not a number")],
    ["a weight of 32,767 digits is a config error (it overflows)", () => readScoreConfig([["on_time", cellOf("1", "0", "")]]), (out) => isBadConfig(out, "Weights row 1", "is not a number")],
    [
      "a quantity cell of 32,767 characters in the data is #VALUE! naming its column and row",
      () => catalog.VENDORKPI.fn([["Vendor", "Ordered Qty", "Received Qty"], ["Acme", 10, cellOf("1", "1", "x")]], "Acme", "in_full"),
      (out) => out instanceof CoreError && out.code === "#VALUE!" && out.kind === "not_a_number" && out.message.includes('Column "Received Qty", row 2'),
    ],
  ])("%s, in under 50 ms", (_name, call, verdict) => {
    const { ms, out } = judged(call);
    expect(verdict(out)).toBe(true);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
