import { parseFormula } from "../../../core/formula";
import { isCoreError } from "../../../core/cell/error";
import { problemOf } from "./helpers";

describe("formula errors name the weights row and the character", () => {
  it('gives the exact form "Weights row 5, formula at 19: expected `)`" and carries the place as data', () => {
    const p = problemOf("share([Invoice OK]", 5);
    expect(p.message).toBe("Weights row 5, formula at 19: expected `)`");
    expect(p.toJSON()).toEqual({ kind: "bad_config", code: "#VALUE!", message: p.message, row: 5, column: "5", field: "formula", position: 19 });
  });

  it("says Formula at N when the formula is not in a weights row (a form's field)", () => {
    const p = problemOf("(1 + 2");
    expect(p.message).toBe("Formula at 7: expected `)`");
    expect(p.position).toBe(7);
    expect(p.row).toBeUndefined();
  });

  it.each([
    ["1 +", 4, "expected a value before the end."],
    ["(1 + 2", 7, "expected `)`"],
    ["round(2.5, 1", 13, "expected `)`"],
    ["if(1 > 0, 1 2)", 13, "expected `)`, found the number 2"],
    ["1 2", 3, "unexpected the number 2"],
    ["1 # 2", 3, "unexpected character `#`."],
    ["spend.total", 6, "a lone `.` is not a number"],
    ["spend[0]", 6, "unexpected the column [0]"],
    ["sum([Received Qty]) + [Audit Score]", 23, "[Audit Score] is a column, which has many cells: use it inside an aggregate"],
    ['"late" = 1', 1, 'text ("late") is only the value of countif or sumif'],
    ["foo + 1", 1, "unknown name `foo`"],
    ["on_time(1)", 1, "on_time is a KPI, not a function"],
    ["average([Received Qty])", 1, "unknown function `average`"],
    ["sum(1)", 5, "the argument of sum must be a column in brackets"],
    ["sum([Received Qty], [Rejected Qty])", 19, "sum takes 1 argument; expected `)`."],
    ["countif([Status])", 17, "expected `,`: countif takes 2 arguments."],
    ["countif([Status], [Vendor])", 19, "the value of countif must be a number or text in double quotes"],
    ['sumif([Received Qty], "late")', 23, "the second argument of sumif must be a column"],
    ["if(1, 2)", 1, "if takes 3 arguments, not 2."],
    ["if(1, 2, 3, 4)", 13, "if takes 3 arguments, not 4."],
    ["abs(1, 2)", 8, "abs takes 1 argument, not 2."],
    ["min(1)", 1, "min takes 2 or more arguments (or one column, as in min([Unit Price])), not 1."],
    ["1 and", 6, "expected a value before the end."],
    ["and 1", 1, "`and` needs a value on each side."],
    ["[Received Qty", 1, "the column has no closing `]`."],
    ["[] + 1", 1, "`[]` names no column"],
    ['countif([Status], "late)', 19, "the text has no closing `\"`."],
    ["1e999", 1, "1e999 is too large a number."],
    ["", 1, "expected a value before the end."],
    [")", 1, "expected a value, found `)`."],
  ])("%s: at %p, %s", (formula, at, message) => {
    const p = problemOf(formula, 3);
    expect(p.message).toContain(`Weights row 3, formula at ${at}: ${message}`);
    expect(p.position).toBe(at);
    expect(p.kind).toBe("bad_config");
  });

  it("names an unknown header at its bracket and lists the headers seen", () => {
    const p = problemOf("sum([Received Qty]) / sum([Recieved Qty])", 5);
    expect(p.message).toBe('Weights row 5, formula at 27: no column is headed "Recieved Qty". Headers seen: "Vendor", "Received Qty", "Rejected Qty", "Invoice OK", "Audit Score", "Status".');
    expect(p.position).toBe(27);
  });
});

describe("formula limits", () => {
  it("refuses a formula over 1,000 characters and takes one of exactly 1,000", () => {
    const long = `1${" + 1".repeat(333)}`; // 1 + 333 x 4 = 1,333 characters
    const exact = `1${"+1".repeat(499)}${" "}`; // 1 + 998 + 1 = 1,000
    expect(exact).toHaveLength(1000);
    expect(isCoreError(parseFormula(exact))).toBe(false);
    const p = problemOf(long, 2);
    expect(p.message).toBe("Weights row 2, formula at 1001: the formula is 1,333 characters long; at most 1,000 are allowed.");
  });

  it("refuses nesting deeper than 50 and takes 50", () => {
    const nested = (n: number) => `${"(".repeat(n)}1${")".repeat(n)}`;
    expect(isCoreError(parseFormula(nested(50)))).toBe(false);
    const p = problemOf(nested(51), 4);
    expect(p.message).toBe("Weights row 4, formula at 51: the formula nests deeper than 50 levels; split it or simplify it.");
    expect(isCoreError(parseFormula(`${"abs(".repeat(51)}1${")".repeat(51)}`))).toBe(true);
    expect(isCoreError(parseFormula(`${"-".repeat(51)}1`))).toBe(true);
    expect(isCoreError(parseFormula(`${"not ".repeat(51)}1`))).toBe(true);
  });

  it("parses a long flat chain (1,000 characters of + 1) without nesting", () => {
    expect(isCoreError(parseFormula(`1${"+1".repeat(499)}`))).toBe(false);
  });
});
