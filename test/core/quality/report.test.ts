import type { CellValue, Range } from "../../../core";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

describe("VENDORDATAQUALITY counts", () => {
  const range: Range = [
    ["Supplier", "Scheduled Delivery Date", "Delivered Date", "Qty", "Status", "Defective Units"],
    ["A", "03/04/2025", "Date Not Captured", 10, "Delivered", ""],
    ["A", "03/05/2025", "13/04/2025", 10, "Cancelled", 1],
    ["", "03/06/2025", "", 10, "", ""],
    ["B", "N/A", "2-Jun-06", 10, "void", "x1"],
    ["B", "2025-03-01", "Jun 2, 2006", 10, "Pending", 2],
    ["C", 45000, new Date(2025, 0, 1), "12 pcs", "canceled", "?"],
  ];
  const grid = catalog.VENDORDATAQUALITY.fn(range) as CellValue[][];
  const row = (field: string) => table(grid).row(field);

  it.each<[string, CellValue[]]>([
    // Only the two counted lines (A Delivered, B Pending): cells of blank-vendor and cancelled lines are not read.
    ["promised", ["promised", "Scheduled Delivery Date", "alias", 2, 0, 0, 0]],
    ["delivered", ["delivered", "Delivered Date", "alias", 1, 0, 1, 0]],
    ["ordered_qty", ["ordered_qty", "Qty", "alias", 2, 0, 0, 0]],
    ["rejected_qty", ["rejected_qty", "Defective Units", "alias", 1, 1, 0, 0]],
  ])("counts values, blanks, placeholders and unparseable cells of %s on the lines that count", (field, expected) => {
    expect(row(field).pick("Field", "Header", "Matched by", "Values", "Blank", "Placeholders", "Unparseable")).toEqual(expected);
  });

  it("says how the date order of each column was chosen", () => {
    expect(row("promised").get("Note")).toMatch(/ambiguous: read as MDY/);
    // The delivered column's only numeric date (13/04/2025) is on a cancelled line, which is not read.
    expect(row("delivered").get("Note")).toBe("");
  });

  it("counts the lines skipped for a blank vendor and for cancelled / canceled / void status", () => {
    expect(table(grid).pick("Field", "Values").slice(-4)).toEqual([
      ["lines", 6],
      ["skipped: blank vendor", 1],
      ["skipped: cancelled", 3],
      ["counted", 2],
    ]);
  });

  it("reports a field no header matched as not found, with the headers to use", () => {
    expect(row("unit_price").pick("Field", "Header", "Matched by")).toEqual(["unit_price", "not found", ""]);
    expect(row("unit_price").get("Note")).toContain('"unit price"');
  });
});
