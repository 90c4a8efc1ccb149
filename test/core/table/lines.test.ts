import type { CellValue, Range } from "../../../core";
import { GOOD } from "../../helpers/ranges";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const AS_OF = "2025-04-10";

describe("edge cases an analyst meets", () => {
  it("does not read the cells of a cancelled or blank-vendor line, so a bad cell there cannot fail the result", () => {
    const range = [
      ["Vendor", "Promised Date", "Delivered Date", "Status"],
      ["A", "2025-03-01", "2025-03-01", ""],
      ["A", "2025-03-01", "31/31/2025", "Cancelled"],
      ["", "2025-03-01", "not 1 date", ""],
    ];
    expect(catalog.VENDORKPI.fn(range, "A", "on_time", AS_OF)).toBe(1);
  });

  it("reads 0 in a date or text cell as the blank an older Excel build passes, not as 1899-12-30 or a vendor named 0", () => {
    const range = [
      ["Vendor", "Promised Date", "Delivered Date", "Status"],
      ["A", 45717, 0, 0], // promised 2025-03-01, not delivered: late at 2025-04-10
      ["A", 45717, 45717, "Delivered"],
      [0, 45717, 45717, 0], // a blank row as old builds pass it
    ];
    expect(catalog.VENDORKPI.fn(range, "A", "on_time", AS_OF)).toBe(0.5);
    expect(table(catalog.VENDORSCORECARD.fn(range, null, AS_OF)).column("Vendor")).toEqual(["A"]);
  });
});

describe("bad input gives a typed error that says what to fix", () => {
  it.each([
    ["an unparseable date", ["Acme", "31/31/2025", "2025-03-02", 10, 10], "Promised Date", "row 3", "31/31/2025"],
    ["an unparseable number", ["Acme", "2025-03-01", "2025-03-02", "1.2.3", 10], "Ordered Qty", "row 3", "1.2.3"],
    ["a number with stray text", ["Acme", "2025-03-01", "2025-03-02", 10, "12 units"], "Received Qty", "row 3", "12 units"],
  ])("names the column and row of %s", (_what, bad, column, row, value) => {
    const range = [...GOOD, bad];
    expect(catalog.VENDORSCORECARD.fn(range, null, AS_OF)).toBeCoreError("#VALUE!", `"${column}"`, row, value);
  });
});

describe("placeholders", () => {
  const range: Range = [
    ["Vendor", "Scheduled Delivery Date", "Delivery Date", "PO Qty", "Received Qty"],
    ["Acme", "Date Not Captured", "2025-03-01", 10, 10],
    ["Acme", "2025-03-01", "N/A", "?", "-"],
    ["Acme", "2025-03-01", "2025-03-02", 10, 10],
  ];

  it("count as blank in optional columns, and the data-quality report counts them", () => {
    // Line 1 has no promise, line 2 is undelivered and late, line 3 is late: 0 of 2 on time.
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF)).toBe(0);
    expect(catalog.VENDORKPI.fn(range, "Acme", "in_full", AS_OF)).toBe(1);
    const dq = catalog.VENDORDATAQUALITY.fn(range) as unknown[][];
    const row = (f: string) => table(dq).row(f);
    expect(row("promised").pick("Header", "Matched by", "Values", "Blank", "Placeholders", "Unparseable")).toEqual(["Scheduled Delivery Date", "alias", 2, 0, 1, 0]);
    expect(row("delivered").pick("Values", "Blank", "Placeholders", "Unparseable")).toEqual([2, 0, 1, 0]);
    expect(row("ordered_qty").pick("Header", "Matched by", "Values", "Blank", "Placeholders", "Unparseable")).toEqual(["PO Qty", "alias", 2, 0, 1, 0]);
  });

  it("do not hide text with digits that still is not a date", () => {
    const bad = [...range, ["Acme", "2025-13-45", "", "", ""]];
    expect(catalog.VENDORKPI.fn(bad, "Acme", "on_time", AS_OF)).toBeCoreError("#VALUE!", "Scheduled Delivery Date", "row 5", "2025-13-45");
    const dq = catalog.VENDORDATAQUALITY.fn(bad) as unknown[][];
    expect(table(dq).row("promised").get("Unparseable")).toBe(1);
  });
});

describe("status", () => {
  const range: Range = [
    ["Vendor", "Promised", "Delivered", "Qty", "Unit Price", "Line Status"],
    ["Acme", "2025-03-01", "2025-03-01", 10, 2, "Delivered"],
    ["Acme", "2025-03-01", "", 10, 2, "Pending"],
    ["Acme", "2025-03-01", "", 10, 2, "Partially Delivered"],
    ["Acme", "2025-03-01", "2025-03-09", 10, 2, "CANCELED"],
    ["Acme", "2025-03-01", "2025-03-09", 10, 2, "void"],
  ];

  it("leaves cancelled and void lines out of every KPI and of spend; open lines past promise are late", () => {
    expect(catalog.VENDORKPI.fn(range, "Acme", "lines", AS_OF)).toBe(3);
    expect(catalog.VENDORKPI.fn(range, "Acme", "spend", AS_OF)).toBe(60);
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF)).toBeCloseTo(1 / 3, 12);
  });
});

describe("ranges as hosts hand them over", () => {
  it("reads ragged rows: missing cells are blank and extra cells are ignored", () => {
    const range: Range = [
      ["Vendor", "Promised Date", "Delivered Date", "Amount"],
      ["Acme", "2025-03-01"],
      ["Beta", "2025-03-01", "2025-03-01", 5, "stray"],
      ["Core"],
    ];
    const grid = catalog.VENDORSCORECARD.fn(range, [["on_time", 1]], "2025-04-10") as CellValue[][];
    expect(table(grid).pick("Vendor", "Lines", "Spend", "On time", "Score", "Rank")).toEqual([
      ["Beta", 1, 5, 1, 100, 1],
      ["Acme", 1, "", 0, 0, 2],
      ["Core", 1, "", "", "", ""],
    ]);
  });

  it("shows each vendor under the first spelling seen and merges case and spaces", () => {
    const range: Range = [["Vendor", "Amount"], ["  acme corp ", 1], ["ACME CORP", 2], ["Acme Corp", 3]];
    const grid = catalog.VENDORSCORECARD.fn(range) as CellValue[][];
    expect(table(grid).pick("Vendor", "Lines", "Spend")).toEqual([["acme corp", 3, 6]]);
    expect(catalog.VENDORKPI.fn(range, " Acme CORP", "spend")).toBe(6);
  });

  it("reads a numeric vendor cell and a numeric vendor argument alike", () => {
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount"], [1001, 5], ["1001", 2]], 1001, "spend")).toBe(7);
  });

  it("counts a Sheets one-cell range (a scalar) as a header with no lines", () => {
    expect(catalog.VENDORSCORECARD.fn("Vendor")).toEqual([["Vendor", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Rank"]]);
  });
});
