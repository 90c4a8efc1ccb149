import type { Range } from "../../../core";
import { GOOD, PO_HEADER } from "../../helpers/ranges";
import { readScoreConfig, type ScoreConfig } from "../../../core/score/config";
import { catalog } from "../../helpers/sheet";

const AS_OF = "2025-04-10";

describe("weights range rows", () => {
  const range: Range = [
    PO_HEADER,
    ["Acme", "2025-03-10", "2025-03-10", 100, 100, 0, 10, 10],
    ["Acme", "2025-03-10", "2025-03-12", 100, 100, 0, 10, 10],
  ];

  it("keeps the default weight, target and floor of a KPI named with blank cells (on time 0.5 scores 0 against 0.98 / 0.80)", () => {
    expect(catalog.VENDORSCORE.fn(range, "Acme", [["on_time", "", "", ""]], AS_OF)).toBe(0);
  });

  it("reads targets and floors written as percentages", () => {
    // on time 0.5 against target 60%, floor 40%: (0.5 - 0.4) / 0.2 = 50.
    expect(catalog.VENDORSCORE.fn(range, "Acme", [["on_time", 1, "60%", "40%"]], AS_OF)).toBeCloseTo(50, 10);
  });

  it("lets grace days make a two-day-late line on time", () => {
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF)).toBe(0.5);
    expect(catalog.VENDORSCORE.fn(range, "Acme", [["Grace Days", 2], ["on_time", 1]], AS_OF)).toBe(100);
  });

  it("does not let grace days turn an undelivered line late before promise + grace has passed", () => {
    const open: Range = [PO_HEADER, ["Acme", "2025-04-08", "", 1, "", "", "", ""], ["Acme", "2025-04-01", "2025-04-01", 1, 1, "", "", ""]];
    // Due 04-08 + 2 days = 04-10, which is not before the as-of day 04-10: not yet late.
    expect(catalog.VENDORSCORE.fn(open, "Acme", [["grace_days", 2], ["on_time", 1, 1, 0]], AS_OF)).toBe(100);
    expect(catalog.VENDORSCORE.fn(open, "Acme", [["grace_days", 1], ["on_time", 1, 1, 0]], AS_OF)).toBe(50);
  });

  it.each<[string, Range, string[]]>([
    ["a negative weight", [["in_full", -1]], ["row 1", "weight"]],
    ["target equal to floor", [["KPI", "Weight"], ["in_full", 1, 0.9, 0.9]], ["row 2", "target and floor"]],
    ["an unknown KPI", [["otd", 1]], ["otd", "on_time"]],
    ["a KPI without default bounds and none given", [["spend", 1]], ["spend", "target and floor"]],
    ["a KPI listed twice", [["on_time", 1], ["On time", 2]], ["row 2", "twice"]],
  ])("rejects %s with #VALUE! saying where", (_what, weights, mentions) => {
    expect(catalog.VENDORSCORE.fn(range, "Acme", weights, AS_OF)).toBeCoreError("#VALUE!", ...mentions);
  });
});

describe("bad input gives a typed error that says what to fix", () => {
  it.each([
    ["an unknown KPI", [["speed", 10]], "speed", "row 1"],
    ["a negative weight", [["on_time", -5]], "weight", "row 1"],
    ["target equal to floor", [["kpi", "weight", "target", "floor"], ["on_time", 1, 0.9, 0.9]], "target and floor", "row 2"],
    ["text in a number column", [["on_time", "heavy"]], "heavy", "row 1"],
    ["a KPI listed twice", [["on_time", 1], ["On time", 2]], "twice", "row 2"],
    ["a KPI with no default bounds", [["spend", 1]], "spend", "target and floor"],
    ["a bad date order", [["date_order", "DDMM"]], "date_order", "DDMM"],
    ["a bad decimal mark", [["decimal", "dot"]], "decimal", "comma (1.234,56) or point"],
    ["a header row that is no row number", [["header_row", "top"]], "header_row", "top"],
    ["a header row of 0", [["header_row", 0]], "header_row", "1 or more"],
    ["a header row of 2.5", [["header_row", 2.5]], "header_row", "whole"],
    ["a mapping to a missing header", [["promised", "Ship By"]], "Ship By", "Headers seen"],
  ])("rejects a weights range with %s", (_what, weights, ...mentions) => {
    expect(catalog.VENDORSCORE.fn(GOOD, "Acme", weights, AS_OF)).toBeCoreError("#VALUE!", ...mentions);
  });
});

describe("setting rows for reading the data", () => {
  it.each<[string, Range, object]>([
    ["decimal, comma", [["decimal", "comma"]], { decimal: "comma" }],
    ["Decimal, Point", [["Decimal", "Point"]], { decimal: "point" }],
    ["header_row, 3", [["header_row", 3]], { headerRow: 3 }],
    ["Header Row, 2 with a date order", [["Header Row", 2], ["date_order", "DMY"]], { headerRow: 2, dateOrder: "DMY" }],
  ])("reads %s into the read settings", (_what, weights, expected) => {
    const config = readScoreConfig(weights) as ScoreConfig;
    expect(config.read).toEqual({ mapping: new Map(), ...expected });
    // A setting row replaces no KPI: the default set is scored.
    expect(config.kpis.map((k) => k.key)).toEqual(["on_time", "in_full", "defect_rate", "price_variance"]);
  });

  it("names the new settings in the message for an unknown row", () => {
    expect(readScoreConfig([["decimals", "comma"]])).toBeCoreError("#VALUE!", "decimal", "header_row");
  });
});

describe("edge cases an analyst meets", () => {
  it("reads a weights range of zeros, and 0, 0 for target and floor, as blanks from an older Excel build", () => {
    const range = [["Vendor", "Promised Date", "Delivered Date"], ["A", "2025-03-01", "2025-03-01"]];
    expect(catalog.VENDORSCORE.fn(range, "A", [[0, 0, 0, 0]], AS_OF)).toBe(100);
    expect(catalog.VENDORSCORE.fn(range, "A", [["on_time", 50, 0, 0], [0, 0, 0, 0]], AS_OF)).toBe(100);
  });
});
