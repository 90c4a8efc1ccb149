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
    expect(table(grid).pick("Field", "Values").slice(-6)).toEqual([
      ["title rows", 0],
      ["lines", 6],
      ["skipped: blank vendor", 1],
      ["skipped: total rows", 0],
      ["skipped: cancelled", 3],
      ["counted", 2],
    ]);
  });

  it("reports a field no header matched as not found, with the headers to use", () => {
    expect(row("unit_price").pick("Field", "Header", "Matched by")).toEqual(["unit_price", "not found", ""]);
    expect(row("unit_price").get("Note")).toContain('"unit price"');
  });
});

describe("VENDORDATAQUALITY on a real export's extra rows", () => {
  const range: Range = [
    ["Procurement KPI export", "", "", ""],
    ["Supplier", "Unit Price", "Qty", "Impact"],
    ["A", "12,5", 2, "2 - Medium"],
    ["B", "1.234,50", 1, "3 - Low"],
    ["Grand total:", "1.247,00", 3, ""],
  ];
  const grid = table(catalog.VENDORDATAQUALITY.fn(range));

  it.each<[string, CellValue, string]>([
    ["title rows", 1, "rows above the header (row 2 of the range) are left out"],
    ["lines", 3, "rows under the header"],
    ["skipped: total rows", 1, "rows whose vendor is Total, Grand total, Subtotal or Sum are left out"],
    ["counted", 2, "2 vendors"],
  ])("counts %s", (field, values, note) => {
    expect(grid.row(field).pick("Values", "Note")).toEqual([values, note]);
  });

  it("says a column was read with decimal commas", () => {
    expect(grid.row("unit_price").pick("Values", "Unparseable")).toEqual([2, 0]);
    expect(grid.row("unit_price").get("Note")).toMatch(/^decimal commas/);
  });

  it("counts the unparseable cells of a column no scorecard reads", () => {
    expect(grid.row("profit_impact").pick("Header", "Values", "Unparseable")).toEqual(["Impact", 0, 2]);
  });
});
