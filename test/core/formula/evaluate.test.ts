import { formulaNeeds, parseFormula, planFormulas } from "../../../core/formula";
import { round } from "../../../core/formula/evaluate";
import { gather, LINES, ok, valueOf } from "./helpers";

// Acme's lines (checked on paper): Received 100, "50" (text), 50; Rejected 2, 1, blank;
// Invoice OK yes, no, Y; Audit Score 80, 90, blank; Status late, On time, LATE.
// Beta: one line, Received 10, Rejected 0, Invoice OK blank, Audit Score blank, on time.
// Gamma has no line at all.

describe("formula operators", () => {
  it.each([
    ["1 + 2", 3],
    ["5 - 7", -2],
    ["6 * 7", 42],
    ["7 / 2", 3.5],
    ["-4", -4],
    ["- -4", 4],
    ["1e3 + 0.5", 1000.5],
    ["(1 + 2) * 3", 9],
    ["1 = 1", 1],
    ["1 = 2", 0],
    ["1 <> 2", 1],
    ["2 <> 2", 0],
    ["2 < 3", 1],
    ["3 < 3", 0],
    ["3 <= 3", 1],
    ["4 <= 3", 0],
    ["3 > 2", 1],
    ["2 > 2", 0],
    ["2 >= 2", 1],
    ["1 >= 2", 0],
    ["true and true", 1],
    ["true and false", 0],
    ["false or true", 1],
    ["false or false", 0],
    ["not false", 1],
    ["not true", 0],
    ["not 5", 0],
    ["TRUE", 1],
    ["=2 * 3", 6],
  ])("%s is %p", (formula, expected) => {
    expect(valueOf(formula)).toBe(expected);
  });
});

describe("formula precedence", () => {
  it.each([
    // Each case would give the value in the comment under the other grouping.
    ["2 * 3 + 4", 10], // 2 * (3 + 4) = 14
    ["2 + 3 * 4", 14], // 20
    ["-1 + 2", 1], // -(1 + 2) = -3
    ["-2 * -3", 6],
    ["10 - 4 - 3", 3], // 10 - (4 - 3) = 9
    ["12 / 4 / 3", 1], // 12 / (4 / 3) = 9
    ["3 - 1 = 2", 1], // 3 - (1 = 2) = 3
    ["2 * 3 = 6", 1], // 2 * (3 = 6) = 0
    ["not 1 = 2", 1], // (not 1) = 2 is 0
    ["not 0 and 0", 0], // not (0 and 0) = 1
    ["not true or true", 1], // not (true or true) = 0
    ["true or false and false", 1], // (true or false) and false = 0
    ["1 < 2 and 3 < 2 or 2 = 2", 1],
    ["1 + 2 > 2 and not 3 < 1", 1],
  ])("%s is %p", (formula, expected) => {
    expect(valueOf(formula)).toBe(expected);
  });
});

describe("formula aggregates", () => {
  it.each([
    ["sum([Received Qty])", "Acme", 200],
    ["sum([Rejected Qty])", "Acme", 3],
    ["mean([Received Qty])", "Acme", 200 / 3],
    ["mean([Rejected Qty])", "Acme", 1.5], // the blank cell is no value, not zero
    ["median([Received Qty])", "Acme", 50],
    ["median([Audit Score])", "Acme", 85], // two values: their mean
    ["min([Received Qty])", "Acme", 50],
    ["max([Received Qty])", "Acme", 100],
    ["count([Rejected Qty])", "Acme", 2],
    ["count([Status])", "Acme", 3],
    ["share([Invoice OK])", "Acme", 2 / 3], // yes and Y of three
    ['countif([Status], "late")', "Acme", 2], // late and LATE
    ['countif([Status], "on time")', "Beta", 1],
    ["countif([Received Qty], 50)", "Acme", 2], // the number 50 and the text "50"
    ['sumif([Received Qty], [Status], "late")', "Acme", 150],
    ['sumif([Rejected Qty], [Status], "LATE")', "Acme", 2], // the blank on the second late line adds nothing
    ["sum([Received Qty])", "Beta", 10],
    ["1 - sum([Rejected Qty]) / sum([Received Qty])", "Acme", 1 - 3 / 200],
  ])("%s for %s is %p", (formula, vendor, expected) => {
    expect(valueOf(formula, vendor)).toBeCloseTo(expected, 12);
  });

  it("reads the built-in KPIs as variables, in any case", () => {
    expect(valueOf("1 - defect_rate", "Acme", { defect_rate: 0.015 })).toBeCloseTo(0.985, 12);
    expect(valueOf("On_Time * 100", "Acme", { on_time: 0.9 })).toBe(90);
    expect(valueOf("spend / lines", "Acme", { spend: 300, lines: 3 })).toBe(100);
  });

  it("names case-insensitively: SUM, Share, IF, AND", () => {
    expect(valueOf("SUM([Received Qty]) + Share([Invoice OK]) * 3")).toBeCloseTo(202, 12);
    expect(valueOf("IF(1 > 0 AND NOT FALSE, 1, 2)")).toBe(1);
  });
});

describe("formula functions", () => {
  it.each([
    ["if(1 > 0, 10, 20)", 10],
    ["if(1 < 0, 10, 20)", 20],
    ["ifna(5, 7)", 5],
    ["ifna(1 / 0, 7)", 7],
    ["abs(-3.5)", 3.5],
    ["abs(2)", 2],
    ["round(2.675, 2)", 2.68],
    ["round(2.5, 0)", 3],
    ["round(-2.5, 0)", -3],
    ["round(1234.5678, 1)", 1234.6],
    ["round(1250, -2)", 1300],
    ["round(0.125, 2.9)", 0.13], // digits are truncated to 2
    ["min(3, 1, 2)", 1],
    ["max(3, 1, 2)", 3],
    ["min(4, -4)", -4],
  ])("%s is %p", (formula, expected) => {
    expect(valueOf(formula)).toBe(expected);
  });

  it("evaluates only the branch of if that is chosen: a guard keeps an undefined mean out", () => {
    const guard = "if(count([Audit Score]) > 0, mean([Audit Score]), 0)";
    expect(valueOf(guard, "Acme")).toBe(85);
    expect(valueOf(guard, "Beta")).toBe(0);
    expect(valueOf("if(false, mean([Audit Score]), 5)", "Beta")).toBe(5);
  });

  it("rounds as a sheet does, whatever the binary form of the number", () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(-1.005, 2)).toBe(-1.01);
    expect(round(1e300, 2)).toBe(1e300);
    expect(round(5, 400)).toBe(5);
  });
});

describe("formula undefined rules: missing data is never zero", () => {
  it.each([
    // Over no value (Beta has no audit score or invoice flag; Gamma has no line).
    ["mean([Audit Score])", "Beta"],
    ["median([Audit Score])", "Beta"],
    ["min([Audit Score])", "Beta"],
    ["max([Audit Score])", "Beta"],
    ["share([Invoice OK])", "Beta"],
    ["mean([Received Qty])", "Gamma"],
    ["share([Invoice OK])", "Gamma"],
    // Division by zero.
    ["1 / 0", "Acme"],
    ["0 / 0", "Acme"],
    ["sum([Received Qty]) / sum([Audit Score])", "Beta"],
    // Arithmetic, comparisons and logic with an undefined operand.
    ["mean([Audit Score]) + 1", "Beta"],
    ["1 - mean([Audit Score])", "Beta"],
    ["mean([Audit Score]) * 0", "Beta"],
    ["-mean([Audit Score])", "Beta"],
    ["mean([Audit Score]) > 0", "Beta"],
    ["mean([Audit Score]) = mean([Audit Score])", "Beta"],
    ["mean([Audit Score]) > 0 and false", "Beta"],
    ["true or mean([Audit Score]) > 0", "Beta"],
    ["not mean([Audit Score])", "Beta"],
    // if with an undefined condition; functions of an undefined value.
    ["if(mean([Audit Score]) > 50, 1, 0)", "Beta"],
    ["abs(mean([Audit Score]))", "Beta"],
    ["round(mean([Audit Score]), 0)", "Beta"],
    ["round(1.5, mean([Audit Score]))", "Beta"],
    ["min(1, mean([Audit Score]))", "Beta"],
    ["max(mean([Audit Score]), 1, 2)", "Beta"],
    // A KPI without data.
    ["on_time", "Acme"],
  ])("%s for %s is undefined", (formula, vendor) => {
    expect(valueOf(formula, vendor)).toBeUndefined();
  });

  it.each([
    ["sum([Audit Score])", "Beta"],
    ["count([Audit Score])", "Beta"],
    ['countif([Status], "late")', "Beta"],
    ['sumif([Received Qty], [Status], "late")', "Beta"],
    ["sum([Received Qty])", "Gamma"],
    ["count([Status])", "Gamma"],
    ['countif([Status], "late")', "Gamma"],
    ['sumif([Received Qty], [Status], "late")', "Gamma"],
  ])("%s for %s is 0: a sum or a count over nothing", (formula, vendor) => {
    expect(valueOf(formula, vendor)).toBe(0);
  });

  it("ifna gives its second value when the first is undefined", () => {
    expect(valueOf("ifna(mean([Audit Score]), 3)", "Beta")).toBe(3);
    expect(valueOf("ifna(mean([Audit Score]), 3)", "Acme")).toBe(85);
  });

  it("says when numbers overflowed rather than leaving the value as no data", () => {
    const range = [["Vendor", "Amount"], ["Acme", 1e308], ["Acme", 1e308]];
    expect(gather(["sum([Amount])"], range).evaluate(0, 0)).toEqual({ value: undefined, overflow: true });
    expect(gather(["mean([Amount]) / 2"], range).evaluate(0, 0)).toEqual({ value: undefined, overflow: true });
    expect(gather(["median([Amount])"], range).evaluate(0, 0)).toEqual({ value: 1e308, overflow: false });
    expect(gather(["mean([Amount])"], [["Vendor", "Amount"], ["Beta", 1]]).evaluate(0, 0)).toEqual({ value: undefined, overflow: false });
  });
});

describe("formula headers", () => {
  it.each(["[Received Qty]", "[received qty]", "[RECEIVED_QTY]", "[ Received-Qty ]", "[receivedqty]"])("%s matches the column Received Qty", (ref) => {
    expect(valueOf(`sum(${ref})`)).toBe(200);
  });

  it("reads dates as serials and ignores text that is no number in a numeric aggregate", () => {
    const range = [["Vendor", "Audited", "Score"], ["Acme", new Date(2025, 0, 31), "n/a"], ["Acme", 45600, 4]];
    const { evaluate } = gather(["max([Audited])", "mean([Score])", "count([Score])"], range);
    expect(evaluate(0, 0).value).toBe(45688);
    expect(evaluate(1, 0).value).toBe(4);
    expect(evaluate(2, 0).value).toBe(2);
  });
});

describe("formula needs", () => {
  it("lists each column aggregate once and the built-in KPIs used", () => {
    const f = ok(parseFormula('if(lines > 10, sum([Rejected Qty]) / sum([Received Qty]), 1 - on_time) + countif([Status], "late") + sum([Rejected Qty]) + sumif([Amount], [Status], "LATE")'));
    const needs = formulaNeeds(f);
    expect(needs.kpis).toEqual(["lines", "on_time"]);
    expect(needs.aggregates.map((a) => [a.fn, a.column.header, "test" in a ? a.test.header : "", "value" in a ? a.value : ""])).toEqual([
      ["sum", "Rejected Qty", "", ""],
      ["sum", "Received Qty", "", ""],
      ["countif", "Status", "", "late"],
      ["sumif", "Amount", "Status", "LATE"],
    ]);
  });

  it("shares the aggregates two formulas read: one slot for sum([Received Qty]) in both", () => {
    const a = ok(parseFormula("sum([Received Qty])"));
    const b = ok(parseFormula("sum([received qty]) / 2 + mean([Received Qty])"));
    const plan = ok(planFormulas([a, b], ["Vendor", "Received Qty"]));
    expect(plan.stride).toBe(2); // the sum and the count of numeric cells
    expect(plan.readers).toHaveLength(1);
  });
});

describe("the README's worked examples", () => {
  // The README's table is LINES without the Audit Score column.
  const README = LINES.map((r) => [r[0], r[1], r[2], r[3], r[5]]);
  it.each([
    ["share([Invoice OK])", "Acme", 2 / 3],
    ["share([Invoice OK])", "Beta", undefined],
    ["1 - sum([Rejected Qty]) / sum([Received Qty])", "Acme", 0.985],
    ["1 - sum([Rejected Qty]) / sum([Received Qty])", "Beta", 1],
    ['sumif([Received Qty], [Status], "late") / sum([Received Qty])', "Acme", 0.75],
    ['sumif([Received Qty], [Status], "late") / sum([Received Qty])', "Beta", 0],
  ])("%s for %s is %p", (formula, vendor, expected) => {
    const v = valueOf(formula, vendor, {}, README);
    if (expected === undefined) expect(v).toBeUndefined();
    else expect(v).toBeCloseTo(expected, 12);
  });
});
