import type { Range } from "../core";
import { catalog } from "./helpers/sheet";

const HEAD = ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty"];
const GOOD: Range = [HEAD, ["Acme", "2025-03-01", "2025-03-02", 10, 10]];
const AS_OF = "2025-04-10";

describe("bad input gives a typed error that says what to fix", () => {
  it("lists the headers it saw when there is no vendor column", () => {
    const r = catalog.VENDORSCORE.fn([["Name", "Due Date"], ["Acme", "2025-01-01"]], "Acme");
    expect(r).toBeCoreError("#VALUE!", "vendor", '"Name"', '"Due Date"');
  });

  it("names an unknown vendor", () => {
    expect(catalog.VENDORSCORE.fn(GOOD, "Globex", null, AS_OF)).toBeCoreError("#N/A", '"Globex"', "Acme");
  });

  it.each([
    ["an unparseable date", ["Acme", "31/31/2025", "2025-03-02", 10, 10], "Promised Date", "row 3", "31/31/2025"],
    ["an unparseable number", ["Acme", "2025-03-01", "2025-03-02", "1.2.3", 10], "Ordered Qty", "row 3", "1.2.3"],
    ["a number with stray text", ["Acme", "2025-03-01", "2025-03-02", 10, "12 units"], "Received Qty", "row 3", "12 units"],
  ])("names the column and row of %s", (_what, bad, column, row, value) => {
    const range = [...GOOD, bad];
    expect(catalog.VENDORSCORECARD.fn(range, null, AS_OF)).toBeCoreError("#VALUE!", `"${column}"`, row, value);
  });

  it.each([
    ["an unknown KPI", [["speed", 10]], "speed", "row 1"],
    ["a negative weight", [["on_time", -5]], "weight", "row 1"],
    ["target equal to floor", [["kpi", "weight", "target", "floor"], ["on_time", 1, 0.9, 0.9]], "target and floor", "row 2"],
    ["text in a number column", [["on_time", "heavy"]], "heavy", "row 1"],
    ["a KPI listed twice", [["on_time", 1], ["On time", 2]], "twice", "row 2"],
    ["a KPI with no default bounds", [["spend", 1]], "spend", "target and floor"],
    ["a bad date order", [["date_order", "DDMM"]], "date_order", "DDMM"],
    ["a mapping to a missing header", [["promised", "Ship By"]], "Ship By", "Headers seen"],
  ])("rejects a weights range with %s", (_what, weights, ...mentions) => {
    expect(catalog.VENDORSCORE.fn(GOOD, "Acme", weights, AS_OF)).toBeCoreError("#VALUE!", ...mentions);
  });

  it.each([
    ["an empty range", []],
    ["a single blank cell", ""],
    ["a header of blanks", [["", null]]],
  ])("answers %s with #N/A", (_what, data) => {
    expect(catalog.VENDORSCORECARD.fn(data)).toBeCoreError("#N/A", "empty");
  });

  it("reads a one-cell range passed as a scalar (Sheets) as a header without a vendor column", () => {
    expect(catalog.VENDORSCORECARD.fn("Acme")).toBeCoreError("#VALUE!", "vendor");
  });

  it("rejects an as_of that is not a date", () => {
    expect(catalog.VENDORSCORE.fn(GOOD, "Acme", null, "next week")).toBeCoreError("#VALUE!", "as_of", "next week");
  });

  it("rejects an unknown KPI name in VENDORKPI", () => {
    expect(catalog.VENDORKPI.fn(GOOD, "Acme", "speed")).toBeCoreError("#VALUE!", "speed", "on_time");
  });

  it("asks for a vendor when the vendor argument is empty", () => {
    expect(catalog.VENDORSCORE.fn(GOOD, null)).toBeCoreError("#VALUE!", "vendor");
  });

  it("keeps headers such as __proto__ and constructor away from object prototypes", () => {
    const range = [
      ["__proto__", "constructor", "Vendor", "toString", "hasOwnProperty", "Promised Date", "Delivered Date"],
      [1, 2, "Acme", 3, 4, "2025-03-01", "2025-03-01"],
      [{} as never, "x", "__proto__", "y", "z", "2025-03-01", "2025-03-05"],
    ];
    const grid = catalog.VENDORSCORECARD.fn(range, null, AS_OF) as unknown[][];
    expect(grid.map((r) => r[0])).toEqual(["Vendor", "Acme", "__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(catalog.VENDORKPI.fn(range, "__proto__", "on_time", AS_OF)).toBe(0);
    expect(catalog.VENDORKPI.fn(range, "constructor", "on_time", AS_OF)).toBeCoreError("#N/A", "constructor");
  });
});
