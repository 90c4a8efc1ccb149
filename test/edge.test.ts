import { parseNumber } from "../core/cell/number";
import { catalog } from "./helpers/sheet";

const AS_OF = "2025-04-10";

describe("edge cases an analyst meets", () => {
  it("grades a score that is exactly at a cutoff up, despite floating-point rounding", () => {
    // Defect rate 19 / 2000 = 0.0095: (0.05 - 0.0095) / 0.045 = 90 exactly on paper.
    const range = [["Vendor", "Received Qty", "Rejected Qty"], ["Acme", 2000, 19]];
    expect(catalog.VENDORSCORE.fn(range, "Acme", [["defect_rate", 1]])).toBeCloseTo(90, 10);
    expect(catalog.VENDORGRADE.fn(range, "Acme", [["defect_rate", 1]])).toBe("A");
  });

  it("does not read the cells of a cancelled or blank-vendor line, so a bad cell there cannot fail the result", () => {
    const range = [
      ["Vendor", "Promised Date", "Delivered Date", "Status"],
      ["A", "2025-03-01", "2025-03-01", ""],
      ["A", "2025-03-01", "31/31/2025", "Cancelled"],
      ["", "2025-03-01", "not 1 date", ""],
    ];
    expect(catalog.VENDORKPI.fn(range, "A", "on_time", AS_OF)).toBe(1);
  });

  it.each([
    ["as_of", () => catalog.VENDORSCORE.fn([["Vendor", "Promised Date", "Delivered Date"], ["A", "2025-04-01", ""], ["A", "2025-03-01", "2025-03-01"]], "A", [["on_time", 1, 1, 0]], 0)],
  ])("reads 0 in an optional %s as left out (older Excel builds pass 0 for a blank cell)", (_name, call) => {
    // Today (2025-04-10) is past the open line's promise: 1 of 2 on time.
    expect(call()).toBe(50);
  });

  it("reads 0 in a date or text cell as the blank an older Excel build passes, not as 1899-12-30 or a vendor named 0", () => {
    const range = [
      ["Vendor", "Promised Date", "Delivered Date", "Status"],
      ["A", 45717, 0, 0], // promised 2025-03-01, not delivered: late at 2025-04-10
      ["A", 45717, 45717, "Delivered"],
      [0, 45717, 45717, 0], // a blank row as old builds pass it
    ];
    expect(catalog.VENDORKPI.fn(range, "A", "on_time", AS_OF)).toBe(0.5);
    expect((catalog.VENDORSCORECARD.fn(range, null, AS_OF) as unknown[][]).map((r) => r[0])).toEqual(["Vendor", "A"]);
  });

  it("asks for a start when SLAHOURS gets 0, an older Excel build's blank cell", () => {
    expect(catalog.SLAHOURS.fn(0, 45000.5)).toBeCoreError("#VALUE!", "start", "empty");
  });

  it("reads a weights range of zeros, and 0, 0 for target and floor, as blanks from an older Excel build", () => {
    const range = [["Vendor", "Promised Date", "Delivered Date"], ["A", "2025-03-01", "2025-03-01"]];
    expect(catalog.VENDORSCORE.fn(range, "A", [[0, 0, 0, 0]], AS_OF)).toBe(100);
    expect(catalog.VENDORSCORE.fn(range, "A", [["on_time", 50, 0, 0], [0, 0, 0, 0]], AS_OF)).toBe(100);
  });

  it.each([
    ["95%", 0.95],
    ["57%", 0.57],
    ["70%", 0.7],
    ["$1,234.50", 1234.5],
    ["1,234,567", 1234567],
    ["1,234€", 1234],
  ])("reads %s exactly", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([["1,5"], ["1.234,50"], ["12,34"]])("refuses %s rather than misread a decimal comma", (text) => {
    expect(parseNumber(text)).toBeNaN();
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount"], ["A", text]], "A", "spend")).toBeCoreError("#VALUE!", '"Amount"', "row 2", text);
  });

  it("keeps exactly the documented scorecard columns when the data has a compliance column", () => {
    const grid = catalog.VENDORSCORECARD.fn([["Vendor", "Amount", "Compliance"], ["A", 1, "yes"]], null, AS_OF) as unknown[][];
    expect(grid[0]).toEqual(["Vendor", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Rank"]);
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount", "Compliance"], ["A", 1, "yes"]], "A", "compliance", AS_OF)).toBe(1);
  });

  it("says to start the selection at the header when the first row is blank", () => {
    expect(catalog.VENDORSCORECARD.fn([["", ""], ["Vendor", "Amount"], ["A", 1]])).toBeCoreError("#VALUE!", "first row", "header");
  });
});
