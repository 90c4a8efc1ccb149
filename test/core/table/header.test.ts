import type { CellValue, Range } from "../../../core";
import { CoreError } from "../../../core";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const AS_OF = "2025-04-10";
const HEADER = ["Vendor", "Promised Date", "Delivered Date", "Amount"];
const BODY: Range = [
  ["Acme", "2025-03-01", "2025-03-01", 100],
  ["Acme", "2025-03-01", "2025-03-04", 50],
  ["Birch", "2025-03-01", "2025-02-27", 20],
];
const CLEAN: Range = [HEADER, ...BODY];
const scorecard = (range: Range, weights: Range | null = null) => catalog.VENDORSCORECARD.fn(range, weights, AS_OF);
const quality = (range: Range, settings: Range | null = null) => table(catalog.VENDORDATAQUALITY.fn(range, settings));

describe("the header row", () => {
  const titled: Range = [["Procurement KPI export", "", "", ""], ["Generated 2025-04-01", "", "", ""], HEADER, ...BODY];

  it.each<[string, Range]>([
    ["two title rows", titled],
    ["a blank row and a title", [["", "", "", ""], ["Vendor scorecard", "", "", ""], HEADER, ...BODY]],
    ["a header found by its mapping row", [["Export", "", "", ""], ["Supplier X", "Promised Date", "Delivered Date", "Amount"], ...BODY]],
  ])("is found below %s", (what, range) => {
    const weights: Range | null = what.includes("mapping") ? [["vendor", "Supplier X"]] : null;
    expect(scorecard(range, weights)).toEqual(scorecard(CLEAN));
  });

  it("reports title rows in the data quality", () => {
    expect(quality(titled).row("title rows").pick("Values", "Note")).toEqual([2, "rows above the header (row 3 of the range) are left out"]);
    expect(quality(CLEAN).row("title rows").get("Values")).toBe(0);
    expect(quality(titled).row("lines").get("Values")).toBe(3);
  });

  it("names rows of the range as the user sees them in a cell's message", () => {
    const bad: Range = [...titled, ["Acme", "2025-03-01", "2025-03-01", "12 pcs"]];
    const out = scorecard(bad) as CoreError;
    expect(out).toBeCoreError("#VALUE!", '"Amount"', "row 7", "12 pcs");
    expect(out.row).toBe(7);
  });

  it("is the header_row setting's row when there is one", () => {
    // Row 1 holds "Vendor" as a title word too; the setting points at the real header.
    const range: Range = [["Vendor", "report", "", ""], ["", "", "", ""], HEADER, ...BODY];
    expect(scorecard(range, [["header_row", 3]])).toEqual(scorecard(CLEAN));
    expect(quality(range, [["header_row", 3]]).row("title rows").get("Values")).toBe(2);
  });

  it("fails when the header_row setting is below the range", () => {
    expect(scorecard(CLEAN, [["header_row", 9]])).toBeCoreError("#VALUE!", "header_row", "below");
  });

  it("is searched for in the first 20 rows only", () => {
    const far: Range = [...Array.from({ length: 20 }, (_, i) => [`note ${i}`, "", "", ""]), HEADER, ...BODY];
    expect(scorecard(far)).toBeCoreError("#VALUE!", "No vendor column");
    expect(scorecard(far, [["header_row", 21]])).toEqual(scorecard(CLEAN));
  });
});

describe("no vendor column", () => {
  it("lists the texts of the first rows it looked at, each once", () => {
    const merged = Array.from({ length: 11 }, () => "Procurement KPI export");
    const range: Range = [merged, ["Name", "Due", "", "", "", "", "", "", "", "", ""], ["Acme", "2025-03-01", "", "", "", "", "", "", "", "", ""]];
    const out = scorecard(range) as CoreError;
    expect(out).toBeCoreError("#VALUE!", "No vendor column", '"Procurement KPI export"', '"Name"', '"Due"', "(rows 1-3)");
    expect(out.message.split("Procurement KPI export").length - 1).toBe(1);
  });

  it("keeps the message short when the first rows hold long texts", () => {
    const long = (i: number) => `${i} ${"x".repeat(200)}`;
    const range: Range = Array.from({ length: 25 }, (_, i) => [long(i), long(i + 100)]);
    const out = scorecard(range) as CoreError;
    expect(out).toBeCoreError("#VALUE!", "No vendor column");
    expect(out.message.length).toBeLessThanOrEqual(300);
    expect(out.message).toContain("…");
  });
});

describe("total rows", () => {
  it.each([["Total"], ["Grand total:"], ["TOTALS"], ["Subtotal"], ["sum"], ["  Total  "]])("skips a row whose vendor is %j and counts it", (label) => {
    const range: Range = [...CLEAN, [label, "", "", 170]];
    expect(scorecard(range)).toEqual(scorecard(CLEAN));
    expect(quality(range).row("skipped: total rows").get("Values")).toBe(1);
    expect(quality(range).row("counted").get("Values")).toBe(3);
  });

  it("keeps a vendor whose name only starts with Total", () => {
    const range: Range = [...CLEAN, ["Total Logistics", "", "", 5]];
    expect(table(scorecard(range)).column("Vendor")).toContain("Total Logistics");
  });

  it("does not read the cells of a total row", () => {
    const range: Range = [...CLEAN, ["Total", "see below", "n/a 2", "170 EUR"]];
    expect(scorecard(range)).toEqual(scorecard(CLEAN));
  });

  it("does not make a vendor of one whose only lines are cancelled", () => {
    const range: Range = [["Vendor", "Amount", "Status"], ["Acme", 1, "open"], ["Birch", 2, "Cancelled"]];
    expect(table(scorecard(range)).column("Vendor")).toEqual(["Acme"] as CellValue[]);
  });
});
