import type { Range } from "../../../core";
import { catalog } from "../../helpers/sheet";

// Scored on on-time delivery alone (target 1, floor 0): a vendor's score is its on-time share x 100.
// Acme 1 of 4 on time -> 25; Beta 2 of 5 -> 40; Carol 3 of 5 -> 60; Dora 4 of 4 -> 100.
function lines(vendor: string, onTime: number, late: number): Range {
  return [...Array<Range[number]>(onTime).fill([vendor, "2025-03-10", "2025-03-10"]), ...Array<Range[number]>(late).fill([vendor, "2025-03-10", "2025-03-12"])];
}
const PO: Range = [["Vendor", "Promised Date", "Delivered Date"], ...lines("Acme", 1, 3), ...lines("Beta", 2, 3), ...lines("Carol", 3, 2), ...lines("Dora", 4, 0)];
const AS_OF = "2025-04-10";
const ON_TIME = ["on_time", 1, 1, 0];

// ERPNext's default scorecard standings.
const ERPNEXT = [
  ON_TIME,
  ["standing", "Very Poor", 0, 30, "red", "block"],
  ["standing", "Poor", 30, 50, "yellow", "Warn"],
  ["standing", "Average", 50, 80, "green"],
  ["standing", "Excellent", 80, 100, "blue"],
];

describe("standings", () => {
  it("give the standing's name as the grade, and VENDORSCORECARD an Action column at the end", () => {
    const card = catalog.VENDORSCORECARD.fn(PO, ERPNEXT, AS_OF) as unknown[][];
    expect(card[0]!.slice(-4)).toEqual(["Score", "Grade", "Rank", "Action"]);
    expect(card.slice(1).map((r) => [r[0], ...r.slice(-4)])).toEqual([
      ["Dora", 100, "Excellent", 1, "none"],
      ["Carol", 60, "Average", 2, "none"],
      ["Beta", 40, "Poor", 3, "warn"],
      ["Acme", 25, "Very Poor", 4, "block"],
    ]);
    expect(catalog.VENDORGRADE.fn(PO, "Beta", ERPNEXT, AS_OF)).toBe("Poor");
  });

  it("put a score of exactly 100 in the top band, and a score on a bound in the band starting there", () => {
    expect(catalog.VENDORGRADE.fn(PO, "Dora", ERPNEXT, AS_OF)).toBe("Excellent");
    const at40 = [ON_TIME, ["standing", "Low", 0, 40], ["standing", "High", 40, 100]];
    expect(catalog.VENDORGRADE.fn(PO, "Beta", at40, AS_OF)).toBe("High");
    expect(catalog.VENDORGRADE.fn(PO, "Acme", at40, AS_OF)).toBe("Low");
  });

  it("default to today's grades, A [90, 100], B [75, 90), C [60, 75), D [0, 60), with no Action column", () => {
    const card = catalog.VENDORSCORECARD.fn(PO, [ON_TIME], AS_OF) as unknown[][];
    expect(card[0]!.at(-1)).toBe("Rank");
    expect(card.slice(1).map((r) => r[10])).toEqual(["A", "C", "D", "D"]);
  });

  it("accept rows in any order, # colours and any-case actions", () => {
    const rows = [ON_TIME, ["standing", "Top", 50, 100, "#00aa00", "REVIEW"], ["standing", "Bottom", 0, 50, "", ""]];
    const card = catalog.VENDORSCORECARD.fn(PO, rows, AS_OF) as unknown[][];
    expect(card.slice(1).map((r) => [r[0], r[10], r.at(-1)])).toEqual([["Dora", "Top", "review"], ["Carol", "Top", "review"], ["Beta", "Bottom", "none"], ["Acme", "Bottom", "none"]]);
  });

  it.each([
    ["a gap", [["standing", "Low", 0, 50], ["standing", "High", 60, 100]], "Weights row 3", "standings leave 50-60 uncovered"],
    ["an overlap", [["standing", "Low", 0, 55], ["standing", "High", 50, 100]], "Weights row 3", "standings overlap at 50-55"],
    ["no band reaching 100", [["standing", "Low", 0, 50], ["standing", "High", 50, 90]], "Weights row 3", "standings leave 90-100 uncovered"],
    ["no band from 0", [["standing", "Low", 10, 50], ["standing", "High", 50, 100]], "Weights row 2", "standings leave 0-10 uncovered"],
    ["min not below max", [["standing", "Low", 50, 50], ["standing", "High", 50, 100]], "Weights row 2", "min 50 not below max 50"],
    ["a band past 100", [["standing", "Low", 0, 50], ["standing", "High", 50, 110]], "Weights row 3", "outside 0-100"],
    ["a blank max", [["standing", "Low", 0, ""], ["standing", "High", 50, 100]], "Weights row 2", "highest score"],
    ["an unknown colour", [["standing", "Low", 0, 50, "pink"], ["standing", "High", 50, 100]], "Weights row 2", '"pink"', "#RRGGBB"],
    ["an unknown action", [["standing", "Low", 0, 50, "red", "stop"], ["standing", "High", 50, 100]], "Weights row 2", '"stop"', "block"],
    ["a name twice", [["standing", "Low", 0, 50], ["standing", "low", 50, 100]], "listed twice"],
  ] as [string, unknown[][], ...string[]][])("say what is wrong with %s, naming the row", (_, rows, ...mentions) => {
    expect(catalog.VENDORSCORE.fn(PO, "Acme", [ON_TIME, ...rows], AS_OF)).toBeCoreError("#VALUE!", ...mentions);
  });

  it("take min 0 as a real bound, and bounds that meet within 1e-9 as meeting", () => {
    const rows = [ON_TIME, ["standing", "Low", 0, 49.9999999999999], ["standing", "High", 50, 100]];
    expect(catalog.VENDORGRADE.fn(PO, "Acme", rows, AS_OF)).toBe("Low");
    expect(catalog.VENDORGRADE.fn(PO, "Carol", rows, AS_OF)).toBe("High");
  });
});
