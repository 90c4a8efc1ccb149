import type { CellValue, Range } from "../../../core";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const AS_OF = "2025-04-10";

describe("VENDORSCORECARD order and ranks", () => {
  // on_time scored 0..1 (target 1, floor 0) so each vendor's score is its on-time share x 100.
  const range: Range = [
    ["Vendor", "Promised Date", "Delivered Date"],
    ["Zed", "2025-03-01", "2025-03-01"],
    ["alpha", "2025-03-01", "2025-03-01"],
    ["Mid", "2025-03-01", "2025-03-05"],
    ["Beta", "", ""],
    ["Mid", "2025-03-01", "2025-03-01"],
    ["omega", "2025-03-01", "2025-03-05"],
    ["omega", "2025-03-01", "2025-03-01"],
    ["Low", "2025-03-01", "2025-03-09"],
  ];
  const grid = catalog.VENDORSCORECARD.fn(range, [["on_time", 1, 1, 0]], AS_OF) as CellValue[][];

  it("sorts by score descending, ties by vendor name ignoring case, unscored vendors last", () => {
    expect(table(grid).column("Vendor")).toEqual(["alpha", "Zed", "Mid", "omega", "Low", "Beta"]);
  });

  it("gives equal scores the same rank and skips the ranks they use (1, 1, 3, 3, 5)", () => {
    expect(table(grid).pick("Score", "Rank")).toEqual([[100, 1], [100, 1], [50, 3], [50, 3], [0, 5], ["", ""]]);
  });

  it("leaves the grade and rank of a vendor without a score as empty cells", () => {
    expect(table(grid).rows.at(-1)!.pick("Score", "Grade", "Rank")).toEqual(["", "", ""]);
  });
});

describe("edge cases an analyst meets", () => {
  it("keeps exactly the documented scorecard columns when the data has a compliance column", () => {
    const grid = catalog.VENDORSCORECARD.fn([["Vendor", "Amount", "Compliance"], ["A", 1, "yes"]], null, AS_OF) as unknown[][];
    expect(grid[0]).toEqual(["Vendor", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Rank"]);
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount", "Compliance"], ["A", 1, "yes"]], "A", "compliance", AS_OF)).toBe(1);
  });
});
