import { CoreError, type CellValue } from "../../../core";
import { criterionBounds, surveySummary, surveyValue } from "../../../core/survey/aggregate";
import { readSurvey } from "../../../core/survey/read";
import { mean, median, weightedMean, weightedMedian } from "../../../core/survey/stats";
import { ParseCache } from "../../../core/table/cache";
import { catalog, serial } from "../../helpers/sheet";

// Worked on paper. Acme: Responsiveness 2, 5, 3 (median 3, mean 10/3); Quality 4, 1 (median and
// mean 2.5). Beta: Responsiveness 1; its Quality "N/A" is no answer. The last two rows have a
// blank vendor and a blank criterion.
const SURVEY: CellValue[][] = [
  ["Supplier", "Question", "Rating", "Respondent"],
  ["Acme", "Responsiveness", 2, "ann"],
  ["ACME ", "responsiveness", "5", "bob"],
  ["Acme", "Quality", 4, "ann"],
  ["Acme", "Responsiveness", 3, "cy"],
  ["Beta", "Responsiveness", 1, "ann"],
  ["acme", "Quality", 1, "bob"],
  ["Beta", "Quality", "N/A", "bob"],
  ["", "Quality", 4, "dan"],
  ["Beta", "", 3, "dan"],
];

const read = (range: CellValue[][]) => readSurvey(range, {}, new ParseCache());

describe("survey values", () => {
  it("are the median of a vendor's answers by default, the mean when asked", () => {
    const t = read(SURVEY);
    const acme = t.vendors.find("acme")!;
    const resp = t.criteria.find("Responsiveness")!;
    expect(surveyValue(t, acme, resp)).toBe(3);
    expect(surveyValue(t, acme, resp, { aggregate: "mean" })).toBeCloseTo(10 / 3, 12);
    expect(surveyValue(t, acme, t.criteria.find("quality")!)).toBe(2.5);
  });

  it("are undefined, never zero, for a vendor without an answer to the criterion", () => {
    const t = read(SURVEY);
    expect(surveyValue(t, t.vendors.find("Beta")!, t.criteria.find("Quality")!)).toBeUndefined();
  });

  it("take the lowest and highest score seen over the whole range as the default floor and target", () => {
    const t = read(SURVEY);
    expect(criterionBounds(t, t.criteria.find("Responsiveness")!)).toEqual({ target: 5, floor: 1 }); // Beta's 1 counts
    expect(criterionBounds(t, t.criteria.find("Quality")!)).toEqual({ target: 4, floor: 1 }); // the blank vendor's 4 does not
  });

  it("match criteria like headers: case, spaces and punctuation ignored", () => {
    const t = read(SURVEY);
    expect(t.criteria.names).toEqual(["Responsiveness", "Quality"]);
    expect(t.criteria.find(" RESPONSIVE-NESS ")).toBe(t.criteria.find("Responsiveness"));
  });
});

describe("weighted survey values", () => {
  // Acme, Responsiveness: 2 (weight 1), 5 (3), 3 (1): weighted mean (2 + 15 + 3) / 5 = 4; sorted
  // 2, 3, 5 the cumulative weight 1, 2, 5 first reaches half of 5 at 5. Unweighted: median 3.
  // Acme, Quality: 1 (2), 4 (1), 5 (1): half of 4 is reached exactly at 1, so (1 + 4) / 2.
  // Beta, Quality: 2 (weight 0), 5 (blank: 1): only the 5 weighs. Beta, Responsiveness: weight 0 only.
  const W: CellValue[][] = [
    ["Vendor", "Criterion", "Score", "Weight"],
    ["Acme", "Responsiveness", 2, 1],
    ["Acme", "Responsiveness", 5, 3],
    ["Acme", "Responsiveness", 3, 1],
    ["Acme", "Quality", 1, 2],
    ["Acme", "Quality", 4, 1],
    ["Acme", "Quality", 5, 1],
    ["Beta", "Quality", 2, 0],
    ["Beta", "Quality", 5, ""],
    ["Beta", "Responsiveness", 4, 0],
  ];

  it.each([
    ["Acme", "Responsiveness", "median", 5],
    ["Acme", "Responsiveness", "mean", 4],
    ["Acme", "Quality", "median", 2.5],
    ["Acme", "Quality", "mean", 11 / 4],
    ["Beta", "Quality", "median", 5],
    ["Beta", "Quality", "mean", 5],
  ] as const)("%s, %s, weighted %s is %p", (vendor, criterion, aggregate, expected) => {
    const t = read(W);
    expect(surveyValue(t, t.vendors.find(vendor)!, t.criteria.find(criterion)!, { aggregate })).toBeCloseTo(expected, 12);
  });

  it("is undefined when the weights add up to 0, and VENDORSURVEY says #N/A", () => {
    const t = read(W);
    expect(surveyValue(t, t.vendors.find("Beta")!, t.criteria.find("Responsiveness")!)).toBeUndefined();
    const r = catalog.VENDORSURVEY.fn(W, "Beta", "Responsiveness") as CoreError;
    expect(r.code).toBe("#N/A");
    expect(r.message).toContain("no answer of weight above 0");
  });

  it("VENDORSURVEY uses the weighted median; its table stays unweighted", () => {
    expect(catalog.VENDORSURVEY.fn(W, "Acme", "Responsiveness")).toEqual([[5]]);
    expect(catalog.VENDORSURVEY.fn(W, "Acme")).toEqual([
      ["Criterion", "Answers", "Median", "Mean", "Min", "Max"],
      ["Responsiveness", 3, 3, 10 / 3, 2, 5],
      ["Quality", 3, 4, 10 / 3, 1, 5],
    ]);
  });

  it("refuses a negative weight, naming its row", () => {
    const r = catalog.VENDORSURVEY.fn([...W, ["Acme", "Quality", 3, -1]], "Acme") as CoreError;
    expect(r).toBeInstanceOf(CoreError);
    expect(r.message).toBe('Column "Weight", row 11 of the range: the weight "-1" is not a number of 0 or more; write a weight such as 2, or leave the cell blank (weight 1).');
    expect(r.toJSON()).toMatchObject({ row: 11, column: "Weight", field: "weight" });
  });
});

describe("the weighted median rule", () => {
  it.each([
    [[1, 2, 3, 4], [1, 1, 1, 1], 2.5], // equal weights: the ordinary median
    [[3, 1, 2], [1, 1, 1], 2],
    [[1, 2, 3], [1, 1, 5], 3],
    [[1, 2, 3], [5, 1, 1], 1],
    [[1, 2, 3], [0.1, 0.2, 0.3], 2.5], // 0.1 + 0.2 reaches half of 0.6 (in binary, 0.30000000000000004)
    [[2, 2, 4, 4], [1, 1, 1, 1], 3],
    [[1, 2, 2, 3], [1, 1, 1, 1], 2], // exactly half at the first 2: the mean of it and the next 2
    [[5, 1], [0, 3], 1],
  ])("scores %p with weights %p: %p", (scores, weights, expected) => {
    expect(weightedMedian(scores, weights)).toBe(expected);
  });

  it("is undefined without weight, as are the other aggregates without answers", () => {
    expect(weightedMedian([1, 2], [0, 0])).toBeUndefined();
    expect(weightedMean([1, 2], [0, 0])).toBeUndefined();
    expect(median([])).toBeUndefined();
    expect(mean([])).toBeUndefined();
  });
});

describe("survey dates and periods", () => {
  // Acme, Responsiveness: 2 on 10 Jan, 4 on 10 Feb, 5 on 20 Feb, 1 with no date.
  const D: CellValue[][] = [
    ["Vendor", "Criterion", "Score", "Response Date"],
    ["Acme", "Responsiveness", 2, "2025-01-10"],
    ["Acme", "Responsiveness", 4, serial("2025-02-10")],
    ["Acme", "Responsiveness", 5, new Date(2025, 1, 20)],
    ["Acme", "Responsiveness", 1, ""],
  ];
  const january = { from: serial("2025-01-01"), to: serial("2025-02-01") };
  const february = { from: serial("2025-02-01"), to: serial("2025-03-01") };

  it("puts each dated answer in its period and an undated one in every period", () => {
    const t = readSurvey(D, {}, new ParseCache());
    const [acme, resp] = [t.vendors.find("Acme")!, t.criteria.find("Responsiveness")!];
    expect(surveyValue(t, acme, resp, { period: january })).toBe(1.5); // 2 and the undated 1
    expect(surveyValue(t, acme, resp, { period: february })).toBe(4); // 4, 5 and 1
    expect(surveyValue(t, acme, resp, { period: february, aggregate: "mean" })).toBeCloseTo(10 / 3, 12);
    expect(surveyValue(t, acme, resp)).toBe(3); // no period: all four
  });

  it("puts every answer in every period when the survey has no date column", () => {
    const t = readSurvey(SURVEY, {}, new ParseCache());
    expect(surveyValue(t, t.vendors.find("Acme")!, t.criteria.find("Responsiveness")!, { period: january })).toBe(3);
  });

  it("refuses a date that is no date when the date is read, naming its row", () => {
    expect(() => readSurvey([...D, ["Acme", "Responsiveness", 3, "someday 5"]], {}, new ParseCache())).toThrow('Column "Response Date", row 6 of the range: "someday 5" is not a date');
  });
});

describe("VENDORSURVEY", () => {
  it("with a criterion returns the vendor's value, matched in any case", () => {
    expect(catalog.VENDORSURVEY.fn(SURVEY, "acme", "RESPONSIVENESS")).toEqual([[3]]);
    expect(catalog.VENDORSURVEY.fn(SURVEY, "Beta", "Responsiveness")).toEqual([[1]]);
  });

  it("without a criterion spills Criterion, Answers, Median, Mean, Min, Max for the criteria the vendor answered", () => {
    expect(catalog.VENDORSURVEY.fn(SURVEY, "Acme")).toEqual([
      ["Criterion", "Answers", "Median", "Mean", "Min", "Max"],
      ["Responsiveness", 3, 3, 10 / 3, 2, 5],
      ["Quality", 2, 2.5, 2.5, 1, 4],
    ]);
    expect(catalog.VENDORSURVEY.fn(SURVEY, "Beta")).toEqual([
      ["Criterion", "Answers", "Median", "Mean", "Min", "Max"],
      ["Responsiveness", 1, 1, 1, 1, 1],
    ]);
  });

  it.each([
    ["Beta", "Quality", "#N/A", 'Vendor "Beta" has no answer to "Quality".'],
    ["Acme", "Price", "#N/A", 'No answers to "Price" in the survey. Criteria in it include "Responsiveness", "Quality".'],
    ["Nobody", "Quality", "#N/A", 'No answers for vendor "Nobody" in the survey. Vendors in it include "Acme", "Beta".'],
  ])("%s, %s: %s", (vendor, criterion, code, message) => {
    const r = catalog.VENDORSURVEY.fn(SURVEY, vendor, criterion) as CoreError;
    expect(r).toBeInstanceOf(CoreError);
    expect(r.code).toBe(code);
    expect(r.message).toBe(message);
  });

  it("reads the headers by their aliases: supplier, question, rating / vendor name, criteria, score", () => {
    const other = [["Vendor Name", "Criteria", "Score", "Evaluated by", "Submitted"], ["Acme", "Quality", 4, "x", "2025-01-01"]];
    expect(catalog.VENDORSURVEY.fn(other, "Acme", "Quality")).toEqual([[4]]);
  });

  it("names a missing score column and the headers it saw", () => {
    const r = catalog.VENDORSURVEY.fn([["Supplier", "Question", "Comment"], ["Acme", "Quality", "fine"]], "Acme") as CoreError;
    expect(r.kind).toBe("bad_header");
    expect(r.message).toContain('No score column: head one column "score" (or "rating"');
    expect(r.message).toContain('Headers seen: "Supplier", "Question", "Comment"');
  });

  it("refuses a score that is no number, naming its row, and takes N/A as no answer", () => {
    const r = catalog.VENDORSURVEY.fn([...SURVEY, ["Acme", "Quality", "good"]], "Acme") as CoreError;
    expect(r.kind).toBe("not_a_number");
    expect(r.message).toBe('Column "Rating", row 11 of the range: the score "good" is not a number; write a score such as 4 or 4.5, or leave the cell blank (no answer).');
    expect(r.row).toBe(11);
  });

  it("summarises with surveySummary in the criteria's first-seen order", () => {
    const t = read(SURVEY);
    expect(surveySummary(t, t.vendors.find("Acme")!).map((s) => s.criterion)).toEqual(["Responsiveness", "Quality"]);
  });
});
