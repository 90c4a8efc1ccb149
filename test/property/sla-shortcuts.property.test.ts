import fc from "fast-check";
import type { Range } from "../../core";
import { ParseCache } from "../../core";
import { readTickets, utcOf, wallOf, zoneNamed } from "../../core/sla";
import { Conversion } from "../../core/sla/zone";
import { parseColumns } from "../../core/table/read";
import { TICKET_SCHEMA } from "../../core/table/schema";

/**
 * Reading and judging tickets take shortcuts for speed; each must give exactly what the long way gives.
 */
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"];

describe("zone conversion in one step (property)", () => {
  it("equals wallOf(to, utcOf(from, s)) to the last bit, across DST changes", () => {
    // 2024-2027: eight DST changes in each zone that has them; any fraction of a millisecond.
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), fc.double({ min: 45_200, max: 46_600, noNaN: true }), (f, t, s) => {
        const from = zoneNamed(f)!;
        const to = zoneNamed(t)!;
        expect(new Conversion(from, to).at(s)).toBe(wallOf(to, utcOf(from, s)));
      }),
      { numRuns: 3000 },
    );
  });

  it("is the identity, unrounded, without both zones", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 2_958_465, noNaN: true }), fc.constantFrom(undefined, zoneNamed("Europe/Berlin")), (s, z) => {
        expect(new Conversion(z, undefined).at(s)).toBe(s);
        expect(new Conversion(undefined, z).at(s)).toBe(s);
      }),
    );
  });
});

/** What grouping by a lookup of every id gives: the reference for the log's slots. */
function grouped(ids: readonly string[], updated: readonly number[]) {
  const slot = new Map<string, number>();
  const state: number[] = [];
  const firstRow: number[] = [];
  const last: number[] = [];
  const nextRow = new Array<number>(ids.length).fill(-1);
  ids.forEach((id, r) => {
    const at = id === "" ? undefined : slot.get(id);
    if (at === undefined) {
      if (id !== "") slot.set(id, state.length);
      state.push(r);
      firstRow.push(r);
      last.push(r);
      return;
    }
    nextRow[last[at]!] = r;
    last[at] = r;
    if (updated[r]! >= updated[state[at]!]!) state[at] = r;
  });
  return { state, firstRow, nextRow };
}

const ID = fc.constantFrom("", "INC01", "INC02", "INC03", "INC10", "INC2", "T1", "T10", "T9");

describe("grouping an event log by ticket id (property)", () => {
  it.each([
    ["in any order", false],
    ["sorted by id, as many exports are", true],
  ])("finds the slots a lookup of every id finds, ids %s", (_, sorted) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ID, fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 40 }), (events) => {
        const rows = sorted ? [...events].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) : events;
        const range: Range = [["Ticket", "Vendor", "Priority", "Opened", "Updated"], ...rows.map(([id, m]) => [id, "Acme", "P2", 45_700, 45_700 + m / 24])];
        const t = readTickets(range, {}, new ParseCache());
        const want = grouped(rows.map((e) => e[0]), rows.map((e) => e[1]));
        expect([...t.state]).toEqual(want.state);
        expect([...t.firstRow]).toEqual(want.firstRow);
        expect([...t.nextRow]).toEqual(want.nextRow);
      }),
      { numRuns: 500 },
    );
  });

  it("takes a ticket seen before, after higher ids, as the same ticket", () => {
    const range: Range = [["Ticket", "Vendor", "Priority", "Opened", "Updated"], ["INC1", "Acme", "P2", 45_700, 45_700.1], ["INC2", "Acme", "P2", 45_700, 45_700.2], ["INC1", "Acme", "P2", 45_700, 45_700.3]];
    const t = readTickets(range, {}, new ParseCache());
    expect([...t.state]).toEqual([2, 1]);
    expect([...t.nextRow]).toEqual([2, -1, -1]);
  });
});

describe("reading text cells (property)", () => {
  it("keeps a cell's text trimmed exactly as String.prototype.trim does, whatever its ends", () => {
    const ends = fc.constantFrom("", " ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\ufeff", "~", "!", "\u00e9", "x");
    const text = fc.tuple(ends, fc.string({ maxLength: 6 }), ends).map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 20 }), (cells) => {
        const range: Range = [["Ticket", "Vendor", "Priority", "Opened"], ...cells.map((v) => [v, "Acme", v, 45_700])];
        const read = parseColumns(range, TICKET_SCHEMA, { lenient: true });
        expect(read.columns.get("ticket")).toEqual(cells.map((v) => v.trim()));
      }),
      { numRuns: 500 },
    );
  });
});
