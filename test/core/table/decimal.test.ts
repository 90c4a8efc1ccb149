import type { Range } from "../../../core";
import { CoreError } from "../../../core";
import { parseNumber } from "../../../core/cell/number";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const AS_OF = "2025-04-10";
const spend = (cells: (string | number)[], settings: Range | null = null) =>
  catalog.VENDORKPI.fn([["Vendor", "Amount"], ...cells.map((c) => ["Acme", c])], "Acme", "spend", AS_OF, settings);
const note = (cells: (string | number)[], settings: Range | null = null) =>
  table(catalog.VENDORDATAQUALITY.fn([["Vendor", "Amount"], ...cells.map((c) => ["Acme", c])], settings)).row("amount");

describe("parseNumber with a decimal comma", () => {
  it.each<[string, number]>([
    ["235,0", 235],
    ["1.234,56", 1234.56],
    ["0,5", 0.5],
    ["1.234.567,8", 1234567.8],
    ["1 234,56", 1234.56],
    ["€1.234,50", 1234.5],
    ["(12,5)", -12.5],
    ["98,5%", 0.985],
    ["1.234", 1234],
    ["235", 235],
  ])("reads %j as %d", (text, value) => {
    expect(parseNumber(text, "comma")).toBeCloseTo(value, 12);
  });

  it.each(["2.5", "1,234.50", "1,2,3", "12.34,5"])("refuses %j", (text) => {
    expect(parseNumber(text, "comma")).toBeNaN();
  });

  it("keeps the point reading by default", () => {
    expect(parseNumber("1,234.50")).toBe(1234.5);
    expect(parseNumber("1,234")).toBe(1234);
    expect(parseNumber("235,0")).toBeNaN();
  });

  it("stays linear in the length of a long run of digits and separators", () => {
    const long = `${"1.234".repeat(6000)},5x`;
    const t = performance.now();
    expect(parseNumber(long, "comma")).toBeNaN();
    expect(parseNumber(`${"1,234".repeat(6000)}.5x`)).toBeNaN();
    expect(performance.now() - t).toBeLessThan(200);
  });
});

describe("the decimal setting", () => {
  it.each<[string, (string | number)[], number]>([
    ["235,0", ["235,0"], 235],
    ["1.234,56 and 0,5", ["1.234,56", "0,5"], 1234.56 + 0.5],
    ["1,234 (one point two three four)", ["1,234", 1], 2.234],
    ["1.234 (one thousand two hundred thirty-four)", ["1.234"], 1234],
  ])("decimal, comma reads %s", (_what, cells, value) => {
    expect(spend(cells, [["decimal", "comma"]])).toBeCloseTo(value, 10);
  });

  it("decimal, point keeps the default reading and names the setting for a decimal comma", () => {
    expect(spend(["1,234", "2.5"], [["Decimal", "point"]])).toBeCloseTo(1236.5, 10);
    expect(spend(["1,234", "235,0"], [["decimal", "point"]])).toBeCoreError("#VALUE!", '"235,0"', "row 3");
  });

  it("fails on point text under decimal, comma, naming the setting", () => {
    expect(spend(["235,0", "2.5"], [["decimal", "comma"]])).toBeCoreError("#VALUE!", '"2.5"', "row 3", "decimal, comma");
  });

  it("is refused when it is neither comma nor point", () => {
    const out = spend([1], [["decimal", "dot"]]) as CoreError;
    expect(out).toBeCoreError("#VALUE!", "decimal", "comma", "point");
    expect([out.row, out.column, out.field]).toEqual([1, "2", "decimal"]);
  });
});

describe("a column without the setting", () => {
  it.each<[string, (string | number)[], number]>([
    ["235,0", ["235,0"], 235],
    ["1.234,56 with typed numbers", ["1.234,56", 10, "0,5"], 1245.06],
    ["decimal commas with plain integers and percent text", ["12,5", "7", "100%"], 20.5],
  ])("reads a column of unambiguous decimal commas (%s)", (_what, cells, value) => {
    expect(spend(cells)).toBeCloseTo(value, 10);
  });

  it("says so in the field's note", () => {
    expect(note(["235,0", "1.234,56"]).get("Note")).toMatch(/^decimal commas: every number text in the column has one/);
    expect(note(["235.0", "1,234.56"]).get("Note")).toBe("");
  });

  it.each<[string, (string | number)[], string, number]>([
    ["1,234 could be a thousands group", ["1,234", "235,0"], "235,0", 3],
    ["2.5 has a decimal point", ["235,0", "2.5"], "235,0", 2],
    ["1.234 could be a decimal point", ["1.234", "0,5"], "0,5", 3],
  ])("is an error naming the setting when it is ambiguous: %s", (_what, cells, bad, row) => {
    expect(spend(cells)).toBeCoreError("#VALUE!", `"${bad}"`, `row ${row}`, 'add a setting row "decimal, comma"');
  });

  it("reads a column of 1,234-style groups alone as thousands, as before", () => {
    expect(spend(["1,234", "5,678"])).toBe(6912);
  });

  it("counts the decimal-comma cells of an ambiguous column and says what to add", () => {
    const q = note(["1,234", "235,0", "0,5"]);
    expect(q.pick("Values", "Unparseable")).toEqual([1, 2]);
    expect(q.get("Note")).toBe('2 unparseable cells have a decimal comma while other cells do not: add a setting row "decimal, comma"');
  });

  it("decides each column on its own", () => {
    const range: Range = [["Vendor", "Unit Price", "Contract Price", "Qty"], ["Acme", "10,5", "10.5", 2]];
    expect(catalog.VENDORKPI.fn(range, "Acme", "price_variance", AS_OF)).toBe(0);
  });
});
