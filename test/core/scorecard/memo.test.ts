import { createCatalog, ParseCache, serialOf, type Catalog, type CellValue, type Range } from "../../../core";
import { readScoreConfig as readConfig, type ScoreConfig } from "../../../core/score/config";
import { analyze as analyzeWith, MEMO_PER_TABLE, type VendorResult } from "../../../core/scorecard/analyze";

// This suite's own catalog and cache, and a catalog whose cache keeps nothing (every call parses).
const env = { today: () => serialOf(2025, 4, 10) };
const parseCache = new ParseCache();
const catalog = createCatalog(env, parseCache);
const NO_CACHE = new ParseCache({ entries: 0, cells: 0, keepFrom: 1 });
const off = createCatalog(env, NO_CACHE);
const readScoreConfig = (w: unknown) => readConfig(w as Range) as ScoreConfig;
const analyze = (range: Range, config: ScoreConfig, asOf: number, cache = parseCache) => analyzeWith(range, config, asOf, cache);

// Three vendors over a fortnight: lines late, short, with rejects, one undelivered.
const PO: Range = [
  ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price"],
  ["Acme", 45730, 45730, 100, 100, 0, 10, 10],
  ["Acme", 45731, 45733, 50, 45, 1, 10.5, 10],
  ["Beta", 45730, 45729, 200, 200, 4, 7, 7],
  ["Beta", 45735, null, 20, null, null, 7, 7],
  ["Gamma", 45732, 45732, 10, 10, 0, 3, 3.2],
  ["Gamma", 45733, 45740, 10, 8, 2, 3, 3],
];
const AS_OF = 45745;
const WEIGHTS = [["on_time", 40], ["in_full", 30], ["defect_rate", 30]];
const VENDORS = ["Acme", "Beta", "Gamma"];

const copy = (range: Range): Range => range.map((row) => [...row]);

/** Every per-vendor function, as a sheet would call it: each call gets a fresh copy of the range. */
function perVendor(vendor: string, c: Catalog = catalog): CellValue[] {
  return [
    c.VENDORSCORE.fn(copy(PO), vendor, WEIGHTS, AS_OF),
    c.VENDORGRADE.fn(copy(PO), vendor, WEIGHTS, AS_OF),
    c.VENDORKPI.fn(copy(PO), vendor, "on_time", AS_OF),
    c.VENDORKPI.fn(copy(PO), vendor, "defect_rate", AS_OF),
    JSON.stringify(c.VENDORBREAKDOWN.fn(copy(PO), vendor, WEIGHTS, AS_OF)),
  ] as CellValue[];
}

const find = (a: ReturnType<typeof analyze>, vendor: string) => a.find(vendor) as VendorResult;

describe("the analysis kept with a cached table", () => {
  beforeEach(() => {
    parseCache.clear();
    analyze(copy(PO), readScoreConfig(WEIGHTS), AS_OF); // a first sighting: the table is kept from the next
  });

  it("gives every per-vendor function the same result as an uncached run", () => {
    const expected = VENDORS.map((v) => perVendor(v, off));
    expect(VENDORS.map((v) => perVendor(v))).toEqual(expected);
    expect(VENDORS.map((v) => perVendor(v))).toEqual(expected);
    expect(catalog.VENDORSCORECARD.fn(copy(PO), WEIGHTS, AS_OF)).toEqual(off.VENDORSCORECARD.fn(copy(PO), WEIGHTS, AS_OF));
  });

  it("computes once for one table, weights range and as-of date, whatever the vendor", () => {
    const config = readScoreConfig(WEIGHTS);
    const first = analyze(copy(PO), config, AS_OF);
    expect(analyze(copy(PO), readScoreConfig(WEIGHTS), AS_OF)).toBe(first);
    expect(find(analyze(copy(PO), config, AS_OF), "beta")).toBe(find(first, "Beta"));
  });

  it.each<[string, () => [Range, CellValue[][], number]]>([
    ["another as-of date", () => [PO, WEIGHTS, AS_OF + 1]],
    ["another weight", () => [PO, [["on_time", 40], ["in_full", 30], ["defect_rate", 31]], AS_OF]],
    ["another target", () => [PO, [["on_time", 40, 0.9], ["in_full", 30], ["defect_rate", 30]], AS_OF]],
    ["a grace-days setting", () => [PO, [...WEIGHTS, ["grace_days", 2]], AS_OF]],
    ["one cell of the range changed", () => [PO.map((row, r) => (r === 2 ? row.map((v, c) => (c === 2 ? 45731 : v)) : [...row])), WEIGHTS, AS_OF]],
  ])("computes again for %s, with the result an uncached run gives", (_what, make) => {
    const first = analyze(copy(PO), readScoreConfig(WEIGHTS), AS_OF);
    const [range, weights, asOf] = make();
    const other = analyze(copy(range), readScoreConfig(weights), asOf);
    expect(other).not.toBe(first);
    expect(other.vendors).toEqual(analyze(copy(range), readScoreConfig(weights), asOf, NO_CACHE).vendors);
  });

  it(`keeps at most ${MEMO_PER_TABLE} analyses per table, dropping the least recently used`, () => {
    const configs = Array.from({ length: MEMO_PER_TABLE + 1 }, (_, i) => readScoreConfig([["on_time", 10 + i], ["in_full", 10]]));
    const kept = configs.map((c) => analyze(copy(PO), c, AS_OF));
    // The first was dropped when the last came in; the others are still kept.
    expect(analyze(copy(PO), configs[0]!, AS_OF)).not.toBe(kept[0]);
    expect(analyze(copy(PO), configs[MEMO_PER_TABLE]!, AS_OF)).toBe(kept[MEMO_PER_TABLE]);
    expect(analyze(copy(PO), configs[2]!, AS_OF)).toBe(kept[2]);
  });

  it("drops the analyses with the table: after the parse cache lets the table go, the next call computes", () => {
    const config = readScoreConfig(WEIGHTS);
    const first = analyze(copy(PO), config, AS_OF);
    parseCache.clear();
    const again = analyze(copy(PO), config, AS_OF);
    expect(again).not.toBe(first);
    expect(again.table).not.toBe(first.table);
    expect(again.vendors).toEqual(first.vendors);
  });

  it("computes on every call when the parse cache is off", () => {
    const config = readScoreConfig(WEIGHTS);
    expect(analyze(PO, config, AS_OF, NO_CACHE)).not.toBe(analyze(PO, config, AS_OF, NO_CACHE));
  });

  it("hands out results no caller can change for the next one", () => {
    const a = analyze(copy(PO), readScoreConfig(WEIGHTS), AS_OF);
    const acme = find(a, "Acme");
    expect(() => {
      (acme as { rank: number | undefined }).rank = 99;
    }).toThrow(TypeError);
    expect(() => (a.vendors as unknown[]).pop()).toThrow(TypeError);
    expect(find(analyze(copy(PO), readScoreConfig(WEIGHTS), AS_OF), "Acme").rank).toBe(acme.rank);
  });
});
