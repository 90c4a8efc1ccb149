import fc from "fast-check";
import { createCatalog, serialOf, type CellValue, type Range } from "../../../core";
import { DEFAULT_LIMITS, fingerprint, ParseCache, sameContent } from "../../../core/table/cache";
import { readLines as readLinesWith } from "../../../core/table/lines";
import { readTickets } from "../../../core/sla/tickets";

// One catalog and its parse cache for this suite; a second whose cache keeps nothing.
const env = { today: () => serialOf(2025, 4, 10) };
const parseCache = new ParseCache();
const catalog = createCatalog(env, parseCache);
const uncached = createCatalog(env, new ParseCache({ entries: 0, cells: 0, keepFrom: 1 }));
const readLines = (range: Range) => readLinesWith(range, {}, parseCache);

const PO: Range = [
  ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Status"],
  ["Acme", 45730, 45730, 100, 100, "open"],
  ["Beta", new Date(2025, 2, 15), "2025-03-14", 200, "", null],
  ["Acme", "2025-03-10", undefined, 50, 40, true],
];

const copy = (range: Range): Range => range.map((row) => row.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)));

function changed(range: Range, r: number, c: number, v: CellValue): Range {
  const out = copy(range);
  out[r]![c] = v;
  return out;
}

describe("recognising a range: fingerprint and sameContent", () => {
  it("takes a range with equal content, Dates compared by time value, for the same", () => {
    expect(sameContent(fingerprint(PO), copy(PO))).toBe(true);
  });

  it.each<[string, number, number, CellValue]>([
    ["a number", 1, 3, 101],
    ["a number by its last bit", 1, 1, 45730.000000000007],
    ["a number to the same value as text", 1, 3, "100"],
    ["a string", 1, 0, "Acmf"],
    ["a string's case", 1, 0, "acme"],
    ["a string to a blank", 1, 0, ""],
    ["a Date by one millisecond", 2, 1, new Date(new Date(2025, 2, 15).getTime() + 1)],
    ["a Date to its serial", 2, 1, 45731],
    ["a blank string to null", 2, 4, null],
    ["null to undefined", 2, 5, undefined],
    ["undefined to a blank string", 3, 2, ""],
    ["a boolean", 3, 5, false],
    ["a header", 0, 3, "Order Qty"],
    ["a string to another of the same length", 2, 0, "Bet4"],
    ["a string by its last character", 1, 5, "opem"],
  ])("tells a range apart when one cell changes: %s", (_what, r, c, v) => {
    expect(sameContent(fingerprint(PO), changed(PO, r, c, v))).toBe(false);
    expect(sameContent(fingerprint(changed(PO, r, c, v)), PO)).toBe(false);
  });

  it("tells a range apart when a cell moves to another row (ragged rows), two strings swap, or a row is added or removed", () => {
    const fp = fingerprint(PO);
    const moved = copy(PO);
    moved[1]!.push(moved[2]!.shift());
    expect(sameContent(fp, moved)).toBe(false);
    const swapped = copy(PO);
    [swapped[1]![0], swapped[2]![0]] = [swapped[2]![0], swapped[1]![0]];
    expect(sameContent(fp, swapped)).toBe(false);
    expect(sameContent(fp, [...copy(PO), []])).toBe(false);
    expect(sameContent(fp, copy(PO).slice(0, -1))).toBe(false);
  });

  it("tells a string cell apart from a cell of another type at the same place, and a string moved to another column", () => {
    const texts: Range = [["a", "b", 1]];
    const fp = fingerprint(texts);
    expect(sameContent(fp, [["a", 1, "b"]])).toBe(false);
    expect(sameContent(fp, [["a", "b", "1"]])).toBe(false);
    expect(sameContent(fp, [["a", "b", 1]])).toBe(true);
  });

  it("tells apart any two ranges that differ in one numeric cell (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), fc.double(), (grid, i, j, v) => {
        const r = i % grid.length;
        const c = j % grid[r]!.length;
        fc.pre(!Object.is(grid[r]![c], v) && !(Number.isNaN(v) && Number.isNaN(grid[r]![c])));
        const other = grid.map((row) => [...row]);
        other[r]![c] = v;
        expect(sameContent(fingerprint(grid), other)).toBe(false);
      }),
    );
  });
});

describe("recognising a range of strings", () => {
  it("tells apart any two ranges that differ in one string cell, even a fresh string with equal text is the same (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), fc.string(), (grid, i, j, v) => {
        const r = i % grid.length;
        const c = j % grid[r]!.length;
        const fresh = grid.map((row) => row.map((t) => [...t].join("")));
        expect(sameContent(fingerprint(grid), fresh)).toBe(true);
        fc.pre(grid[r]![c] !== v);
        fresh[r]![c] = v;
        expect(sameContent(fingerprint(grid), fresh)).toBe(false);
      }),
    );
  });
});

describe("ParseCache", () => {
  const parse = jest.fn((range: Range) => ({ rows: range.length }));
  beforeEach(() => parse.mockClear());
  // Most cases keep a table from its first sighting, to test what a kept table answers.
  const KEEP_FIRST = { ...DEFAULT_LIMITS, keepFrom: 1 } as const;

  it("does not keep (or fingerprint) a range seen once, keeps it from the second sighting, then serves it", () => {
    const cache = new ParseCache();
    cache.read(PO, "po", {}, () => parse(PO));
    expect(cache.stats()).toMatchObject({ misses: 1, entries: 0 });
    const kept = cache.read(copy(PO), "po", {}, () => parse(PO));
    expect(cache.stats()).toMatchObject({ misses: 2, entries: 1 });
    expect(cache.read(copy(PO), "po", {}, () => parse(PO))).toBe(kept);
    expect(parse).toHaveBeenCalledTimes(2);
    const other = changed(PO, 1, 3, 7);
    cache.read(other, "po", {}, () => parse(other));
    expect(parse).toHaveBeenCalledTimes(3);
  });

  it("parses a range once and serves a copy with equal content from the cache", () => {
    const cache = new ParseCache(KEEP_FIRST);
    const first = cache.read(PO, "po", {}, () => parse(PO));
    const second = cache.read(copy(PO), "po", {}, () => parse(PO));
    expect(second).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it.each<[string, number, number, CellValue]>([
    ["number", 1, 3, 99],
    ["string", 1, 0, "Gamma"],
    ["Date", 2, 1, new Date(2025, 2, 16)],
    ["blank", 1, 4, ""],
    ["boolean", 3, 5, false],
    ["null", 2, 5, undefined],
    ["undefined", 3, 2, null],
    ["header", 0, 3, "Qty Ordered"],
  ])("parses again after one %s cell changes in the same array object", (_type, r, c, v) => {
    const cache = new ParseCache(KEEP_FIRST);
    const range = copy(PO);
    cache.read(range, "po", {}, () => parse(range));
    range[r]![c] = v; // a host may hand back the same array with a cell changed
    cache.read(range, "po", {}, () => parse(range));
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it("parses again after a Date cell changes in place (the same Date object, another time)", () => {
    const cache = new ParseCache(KEEP_FIRST);
    const range = copy(PO);
    cache.read(range, "po", {}, () => parse(range));
    (range[2]![1] as Date).setTime((range[2]![1] as Date).getTime() + 1);
    cache.read(range, "po", {}, () => parse(range));
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it("parses again after a row is appended to, or a cell added to a row of, the same array", () => {
    const cache = new ParseCache(KEEP_FIRST);
    const range = copy(PO);
    cache.read(range, "po", {}, () => parse(range));
    range.push(["Acme", 45730, 45730, 1, 1, "open"]);
    cache.read(range, "po", {}, () => parse(range));
    range[1]!.push("");
    cache.read(range, "po", {}, () => parse(range));
    expect(parse).toHaveBeenCalledTimes(3);
  });

  it("keeps tables read under other settings or as another kind apart", () => {
    const cache = new ParseCache(KEEP_FIRST);
    cache.read(PO, "po", {}, () => parse(PO));
    cache.read(PO, "po", { dateOrder: "DMY" }, () => parse(PO));
    cache.read(PO, "po", { mapping: new Map([["promised", "Delivered Date"]]) }, () => parse(PO));
    cache.read(PO, "po", { lenient: true }, () => parse(PO));
    cache.read(PO, "tickets", {}, () => parse(PO));
    expect(parse).toHaveBeenCalledTimes(5);
    // Mapping rows in another order are the same settings.
    const a = new Map([["promised", "A"], ["delivered", "B"]]);
    const b = new Map([["delivered", "B"], ["promised", "A"]]);
    cache.read(PO, "po", { mapping: a }, () => parse(PO));
    cache.read(PO, "po", { mapping: b }, () => parse(PO));
    expect(parse).toHaveBeenCalledTimes(6);
  });

  it("keeps at most its entry limit, dropping the least recently used table", () => {
    const cache = new ParseCache({ entries: 2, cells: 1000, keepFrom: 1 });
    const ranges = [1, 2, 3].map((n): Range => [["Vendor"], [`V${n}`]]);
    cache.read(ranges[0]!, "po", {}, () => parse(ranges[0]!));
    cache.read(ranges[1]!, "po", {}, () => parse(ranges[1]!));
    cache.read(ranges[0]!, "po", {}, () => parse(ranges[0]!)); // range 0 is now the most recent
    cache.read(ranges[2]!, "po", {}, () => parse(ranges[2]!)); // evicts range 1
    expect(cache.stats()).toMatchObject({ entries: 2, cells: 4 });
    parse.mockClear();
    cache.read(ranges[0]!, "po", {}, () => parse(ranges[0]!));
    cache.read(ranges[2]!, "po", {}, () => parse(ranges[2]!));
    expect(parse).not.toHaveBeenCalled();
    cache.read(ranges[1]!, "po", {}, () => parse(ranges[1]!));
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it("keeps the cells of its tables under the cell limit and does not keep a range larger than it", () => {
    const cache = new ParseCache({ entries: 10, cells: 6, keepFrom: 1 });
    const small = (n: number): Range => [["Vendor"], [`V${n}`]];
    for (let n = 0; n < 5; n++) cache.read(small(n), "po", {}, () => parse(small(n)));
    expect(cache.stats()).toMatchObject({ entries: 3, cells: 6 });
    const big: Range = [["Vendor", "Qty"], ["A", 1], ["B", 2], ["C", 3]];
    cache.read(big, "po", {}, () => parse(big));
    cache.read(big, "po", {}, () => parse(big));
    expect(parse).toHaveBeenCalledTimes(7);
    expect(cache.stats().cells).toBeLessThanOrEqual(6);
  });

  it("keeps nothing when parsing fails, so the error is raised again on the next call", () => {
    const cache = new ParseCache(KEEP_FIRST);
    const failing = () => {
      throw new Error("bad header");
    };
    expect(() => cache.read(PO, "po", {}, failing)).toThrow("bad header");
    expect(() => cache.read(PO, "po", {}, failing)).toThrow("bad header");
    expect(cache.stats().entries).toBe(0);
  });
});

describe("a catalog's parse cache behind readLines and readTickets", () => {
  beforeEach(() => parseCache.clear());

  it("returns the same parsed lines for a range handed over again with equal content", () => {
    readLines(PO); // the first sighting is not kept
    const a = readLines(copy(PO));
    expect(readLines(copy(PO))).toBe(a);
    expect(readLines(changed(PO, 1, 3, 7))).not.toBe(a);
  });

  it("serves ticket tables too", () => {
    const tickets: Range = [["Vendor", "Priority", "Opened"], ["Acme", "P1", "2025-03-31 09:00"]];
    readTickets(tickets, {}, parseCache);
    const a = readTickets(copy(tickets), {}, parseCache);
    expect(readTickets(copy(tickets), {}, parseCache)).toBe(a);
  });

  it("gives 200 VENDORSCORE calls over one range the same scores as one uncached call, parsing twice (kept from the second)", () => {
    const range: Range = [["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty"]];
    for (let i = 0; i < 400; i++) range.push([`V${i % 20}`, 45700 + (i % 9), 45700 + (i % 11), 10, 10 - (i % 3), i % 2]);
    const expected = Array.from({ length: 20 }, (_, v) => uncached.VENDORSCORE.fn(range, `V${v}`));
    const got = Array.from({ length: 200 }, (_, i) => catalog.VENDORSCORE.fn(copy(range), `V${i % 20}`));
    expect(got).toEqual(Array.from({ length: 200 }, (_, i) => expected[i % 20]));
    expect(parseCache.stats()).toMatchObject({ misses: 2, hits: 198 });
  });

  it("recomputes VENDORSCORE when one cell of the range changes", () => {
    const range: Range = [["Vendor", "Ordered Qty", "Received Qty"], ["Acme", 10, 10], ["Acme", 10, 10]];
    const weights = [["in_full", 1]];
    expect(catalog.VENDORSCORE.fn(range, "Acme", weights)).toBe(100);
    range[2]![2] = 5;
    expect(catalog.VENDORSCORE.fn(range, "Acme", weights)).toBe(0);
  });
});
