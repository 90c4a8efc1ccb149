import type { CellValue } from "../../../core";
import { surveyQualityOf } from "../../../core/survey/quality";
import { ParseCache } from "../../../core/table/cache";
import { catalog } from "../../helpers/sheet";

// Seven rows that hold something and one empty row (a selection's tail). Rows 3-7 carry the
// problems: a typed 55 in a 1-5 survey, a score "good", an N/A, a blank vendor, a blank criterion
// (whose bad date and negative weight then do not matter to the answers).
const SURVEY: CellValue[][] = [
  ["Supplier", "Question", "Rating", "Respondent", "Date", "Weight"],
  ["Acme", "Responsiveness", 4, "ann", "2025-01-10", 1],
  ["Acme", "Responsiveness", 55, "bob", "2025-01-11", 2],
  ["Acme", "Quality", "good", "cy", "2025-01-12", 1],
  ["Beta", "Quality", "N/A", "ann", "", 1],
  ["", "Quality", 3, "dan", "2025-01-13", ""],
  ["Beta", "", 2, "dan", "someday 5", -1],
  ["Beta", "Quality", 2, "", "2025-01-14", ""],
  ["", "", "", "", "", ""],
];

const LINES: CellValue[][] = [["Vendor", "Ordered Qty"], ["Acme", 5]];

describe("survey data quality", () => {
  it("counts each field's values, blanks, placeholders and unparseable cells over the rows that hold anything", () => {
    const q = surveyQualityOf(SURVEY, {}, new ParseCache());
    expect(q.fields.map((f) => [f.field, f.match?.header ?? "", f.values, f.blank, f.placeholders, f.unparseable])).toEqual([
      ["vendor", "Supplier", 6, 1, 0, 0],
      ["criterion", "Question", 6, 1, 0, 0],
      ["score", "Rating", 5, 0, 1, 1], // 4, 55, 3, 2, 2; N/A; good
      ["evaluator", "Respondent", 6, 1, 0, 0],
      ["date", "Date", 5, 1, 0, 1], // someday 5
      ["weight", "Weight", 5, 2, 0, 0],
    ]);
    expect(q.rows).toBe(7);
    expect(q.skipped).toEqual({ blankVendor: 1, blankCriterion: 1, noScore: 1, badScore: 1, badWeight: 0, emptyRows: 1 });
    expect(q.answers).toBe(3);
    expect(q.vendors).toBe(2);
  });

  it("shows each criterion's seen scores, and counts the scores outside a weights row's floor and target", () => {
    const seen = surveyQualityOf(SURVEY, {}, new ParseCache());
    expect(seen.criteria.map((c) => [c.criterion, c.answers, c.low, c.high, c.outside])).toEqual([
      ["Responsiveness", 2, 4, 55, 0],
      ["Quality", 1, 2, 2, 0],
    ]);
    const held = surveyQualityOf(SURVEY, {}, new ParseCache(), new Map([["responsiveness", { target: 5, floor: 1 }]]));
    expect(held.criteria[0]).toMatchObject({ range: { low: 1, high: 5, from: "weights" }, outside: 1 });
  });

  it("is reported by VENDORDATAQUALITY after the lines' rows when a survey range is given", () => {
    const grid = catalog.VENDORDATAQUALITY.fn(LINES, null, SURVEY) as CellValue[][];
    const plain = catalog.VENDORDATAQUALITY.fn(LINES) as CellValue[][];
    expect(grid.slice(0, plain.length)).toEqual(plain);
    const rows = Object.fromEntries(grid.slice(plain.length).map((r) => [String(r[0]), r]));
    expect(rows["survey score"]).toEqual(["survey score", "Rating", "alias", 5, 0, 1, 1, "scores that are no number: the survey functions stop at the first; write a number or leave the cell blank"]);
    expect(rows["survey skipped: blank vendor"]![3]).toBe(1);
    expect(rows["survey skipped: blank criterion"]![3]).toBe(1);
    expect(rows["survey skipped: no score"]![3]).toBe(1);
    expect(rows["survey skipped: non-numeric score"]![3]).toBe(1);
    expect(rows["survey criterion: Responsiveness"]).toEqual(["survey criterion: Responsiveness", "", "", 2, "", "", "", "scores seen 4 to 55: the default floor and target"]);
    expect(rows["survey counted"]).toEqual(["survey counted", "", "", 3, "", "", "", "2 vendors, 2 criteria"]);
    expect(grid.every((r) => r.length === 8)).toBe(true);
  });

  it("says an optional survey column is not found", () => {
    const grid = catalog.VENDORDATAQUALITY.fn(LINES, null, [["Vendor", "Criterion", "Score"], ["Acme", "Quality", 4]]) as CellValue[][];
    expect(grid.find((r) => r[0] === "survey weight")).toEqual(["survey weight", "not found", "", 0, 0, 0, 0, 'optional: head a column "weight" or "respondent weight" or "answer weight" to use it']);
  });
});
