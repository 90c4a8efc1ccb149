import type { CellValue } from "../../../core";
import { parseNumber } from "../../../core/cell/number";
import { catalog } from "../../helpers/sheet";

describe("edge cases an analyst meets", () => {
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

  it.each([["1,5"], ["1.234,50"], ["12,34"]])("refuses %s alone rather than misread a decimal comma", (text) => {
    expect(parseNumber(text)).toBeNaN();
  });

  it.each([["1,5"], ["1.234,50"], ["12,34"]])("fails on %s in a column whose other number text has no decimal comma, naming the setting", (text) => {
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount"], ["A", "2.5"], ["A", text]], "A", "spend")).toBeCoreError("#VALUE!", '"Amount"', "row 3", text, '"decimal, comma"');
  });
});

describe("number text as exports write it", () => {
  it.each([
    ["$1,234.50", 1234.5],
    ["1,234.50", 1234.5],
    [" 1234.5 ", 1234.5],
    ["€1,000", 1000],
    ["£12", 12],
    ["(12.50)", -12.5],
    ["-$5", -5],
    ["1e3", 1000],
    [".5", 0.5],
    ["12.5%", 0.125],
  ])("reads the amount %j as %d", (text, expected) => {
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount"], ["Acme", text]], "Acme", "spend")).toBeCloseTo(expected, 12);
  });

  it.each(["12 pcs", "1-2", "5-"])("fails on the amount %j naming the column and the sheet row", (text) => {
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount"], ["Acme", 1], ["Acme", text]], "Acme", "spend")).toBeCoreError("#VALUE!", '"Amount"', "row 3", text);
  });
});

describe("parseNumber", () => {
  it.each<[string, CellValue, number]>([
    ["a number cell as it is", 12.5, 12.5],
    ["zero", 0, 0],
    ["a negative number cell", -3, -3],
    ["plain text", "42", 42],
    ["text with spaces around it", "  7.25 ", 7.25],
    ["a leading plus", "+5", 5],
    ["a trailing point", "5.", 5],
    ["a leading point", ".5", 0.5],
    ["a percentage", "98%", 0.98],
    ["a percentage exactly (95% is 0.95, not 0.9500000000000001)", "95%", 0.95],
    ["a negative percentage", "-5%", -0.05],
    ["currency with thousands separators", "$1,234.50", 1234.5],
    ["a thousands separator alone", "1,234", 1234],
    ["a no-break space as thousands separator", "1\u00a0234", 1234],
    ["an accounting negative in brackets", "(12.5)", -12.5],
    ["an accounting negative with currency and thousands", "($1,234.50)", -1234.5],
    ["an exponent", "1e3", 1000],
    ["a negative exponent in capitals", "1E-2", 0.01],
    ["a signed mantissa with an exponent", "-1.5e2", -150],
  ])("reads %s", (_what, cell, value) => {
    expect(parseNumber(cell)).toBe(value);
  });

  it.each<[string, CellValue]>([
    ["a decimal comma", "1,5"],
    ["a European thousands point with decimal comma", "1.234,50"],
    ["commas not in groups of three", "12,34,567"],
    ["a minus inside accounting brackets", "(-5)"],
    ["an empty text", ""],
    ["text with a unit", "12 pcs"],
    ["a range", "1-2"],
    ["two points", "1.2.3"],
    ["the word Infinity", "Infinity"],
    ["an infinite number cell", Number.POSITIVE_INFINITY],
    ["a negative infinite number cell", Number.NEGATIVE_INFINITY],
    ["a NaN number cell", Number.NaN],
    ["a boolean", true],
    ["a blank cell (blanks are the caller's business)", null],
  ])("refuses %s", (_what, cell) => {
    expect(parseNumber(cell)).toBeNaN();
  });

  // Like an infinite number cell: text that overflows is not a number, so the reader names the cell.
  it.each(["1e999", "-1e999", "1e309"])("refuses the exponent text %s, beyond the double range", (text) => {
    expect(parseNumber(text)).toBeNaN();
  });
});
