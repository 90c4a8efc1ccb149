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

  it.each([["1,5"], ["1.234,50"], ["12,34"]])("refuses %s rather than misread a decimal comma", (text) => {
    expect(parseNumber(text)).toBeNaN();
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount"], ["A", text]], "A", "spend")).toBeCoreError("#VALUE!", '"Amount"', "row 2", text);
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
