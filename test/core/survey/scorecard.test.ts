import type { Range } from "../../../core";
import { catalog } from "../../helpers/sheet";

// Worked by hand. Lines: Acme on time in February and March; Beta 2 days late in March; Gamma
// on time in March and never surveyed.
const DATA: Range = [
  ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty"],
  ["Acme", "2025-02-10", "2025-02-10", 10, 10],
  ["Acme", "2025-03-10", "2025-03-10", 10, 10],
  ["Beta", "2025-03-10", "2025-03-12", 10, 10],
  ["Gamma", "2025-03-10", "2025-03-10", 10, 10],
];
const AS_OF = "2025-04-10";

// Responsiveness scores seen: 1 to 5, so target 5 and floor 1 by default. Acme: 2 (February),
// 4 and 5 (March) and an undated 5 (every period): median 4.5 -> 87.5, mean 4 -> 75.
// Beta: 1 -> 0. Quality (Beta only): 4 and 2, bounds 4 and 2, median 3 -> 50.
const SURVEY: Range = [
  ["Supplier", "Question", "Rating", "Respondent", "Response date"],
  ["Acme", "Responsiveness", 2, "Buyer A", "2025-02-10"],
  ["Acme", "Responsiveness", 4, "Buyer B", "2025-03-05"],
  ["acme ", "responsiveness", 5, "Buyer C", "2025-03-20"],
  ["Acme", "Responsiveness", 5, "Buyer D", ""],
  ["Beta", "Responsiveness", 1, "Buyer A", "2025-03-01"],
  ["Beta", "Quality", 4, "Buyer A", "2025-03-01"],
  ["Beta", "Quality", 2, "Buyer B", "2025-03-02"],
];

describe("survey criteria in the scorecard", () => {
  it("scores a criterion named in the weights range by the median of the vendor's answers, target and floor the scores seen", () => {
    expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Responsiveness", 15]], AS_OF, SURVEY)).toBe(87.5);
    expect(catalog.VENDORSCORE.fn(DATA, "Beta", [["Responsiveness", 15]], AS_OF, SURVEY)).toBe(0);
  });

  it("scores by the mean with a survey_aggregate, mean row", () => {
    expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Responsiveness", 15], ["survey_aggregate", "mean"]], AS_OF, SURVEY)).toBe(75);
  });

  it("scores a criterion beside built-in KPIs and renormalises for a vendor with no answer", () => {
    const weights: Range = [["on_time", 1, 1, 0], ["Responsiveness", 1]];
    // Acme: on time 100 and 87.5 -> 93.75; Beta: 0 and 0; Gamma: on time 100 alone.
    expect(catalog.VENDORSCORE.fn(DATA, "Acme", weights, AS_OF, SURVEY)).toBe(93.75);
    expect(catalog.VENDORSCORE.fn(DATA, "Beta", weights, AS_OF, SURVEY)).toBe(0);
    expect(catalog.VENDORSCORE.fn(DATA, "Gamma", weights, AS_OF, SURVEY)).toBe(100);
    expect(catalog.VENDORGRADE.fn(DATA, "Acme", weights, AS_OF, SURVEY)).toBe("A");
  });

  it("is #N/A for a vendor without answers when only criteria are scored", () => {
    expect(catalog.VENDORSCORE.fn(DATA, "Gamma", [["Responsiveness", 1]], AS_OF, SURVEY)).toBeCoreError("#N/A", '"Responsiveness"');
  });

  it("scores only the criteria the weights range names", () => {
    // Beta: Responsiveness 0 alone; with Quality (50) beside it, 25.
    expect(catalog.VENDORSCORE.fn(DATA, "Beta", [["Responsiveness", 1]], AS_OF, SURVEY)).toBe(0);
    expect(catalog.VENDORSCORE.fn(DATA, "Beta", [["Responsiveness", 1], ["Quality", 1]], AS_OF, SURVEY)).toBe(25);
  });

  it.each<[string, Range, number]>([
    ["target and floor given", [["Responsiveness", 1, 4, 2]], 100],
    ["the floor given, the target from the survey", [["Responsiveness", 1, "", 3]], 75],
    ["the target given, the floor from the survey", [["Responsiveness", 1, 5.5, ""]], (3.5 / 4.5) * 100],
  ])("takes the weights row's bounds over the survey's: %s", (_what, weights, score) => {
    expect(catalog.VENDORSCORE.fn(DATA, "Acme", weights, AS_OF, SURVEY)).toBeCloseTo(score, 12);
  });

  describe("a weight column", () => {
    const WEIGHTED: Range = [
      ["Vendor", "Criterion", "Score", "Weight"],
      ["Acme", "Responsiveness", 2, 1],
      ["Acme", "Responsiveness", 4, 1],
      ["Acme", "Responsiveness", 5, 2],
      ["Beta", "Responsiveness", 1, 1],
    ];

    it("makes the value the weighted median: the cumulative weight reaches half (2 of 4) exactly at 4, so the mean of 4 and 5", () => {
      // 4.5 against 5 and 1: 87.5.
      expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Responsiveness", 1]], AS_OF, WEIGHTED)).toBe(87.5);
    });

    it("makes the value the weighted mean with survey_aggregate, mean", () => {
      // (2 + 4 + 10) / 4 = 4: 75.
      expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Responsiveness", 1], ["survey_aggregate", "mean"]], AS_OF, WEIGHTED)).toBe(75);
    });
  });

  it("lists a criterion in VENDORBREAKDOWN under the weights row's label, with where its value comes from", () => {
    const grid = catalog.VENDORBREAKDOWN.fn(DATA, "Acme", [["on_time", 1, 1, 0], ["Responsiveness", 1]], AS_OF, SURVEY) as unknown[][];
    expect(grid[2]).toEqual(["Responsiveness", 4.5, 5, 1, 1, 87.5, 43.75, 0.5, "survey: the median of the vendor's answers"]);
  });

  it("keeps VENDORSCORECARD's columns and ranks by the score with the criterion", () => {
    const grid = catalog.VENDORSCORECARD.fn(DATA, [["on_time", 1, 1, 0], ["Responsiveness", 1]], AS_OF, SURVEY) as unknown[][];
    expect(grid[0]!.length).toBe(12);
    expect(grid.slice(1).map((r) => [r[0], r[9], r[11]])).toEqual([
      ["Gamma", 100, 1],
      ["Acme", 93.75, 2],
      ["Beta", 0, 3],
    ]);
  });

  describe("periods", () => {
    const MONTHLY: Range = [["Responsiveness", 1], ["period", "month"], ["history", 2]];

    it("places dated answers in their period and undated ones in every period", () => {
      // March (holding 03-25): 4, 5 and the undated 5 -> 5 -> 100. February: 2 and the undated 5 -> 3.5.
      expect(catalog.VENDORSCORE.fn(DATA, "Acme", MONTHLY, "2025-03-25", SURVEY)).toBe(100);
      expect(catalog.VENDORTREND.fn(DATA, "Acme", "Responsiveness", MONTHLY, "2025-03-25", SURVEY)).toEqual([
        ["Period", "Responsiveness"],
        ["2025-02", 3.5],
        ["2025-03", 5],
      ]);
    });

    it("scores each period of the trend from its answers", () => {
      const grid = catalog.VENDORTREND.fn(DATA, "Acme", undefined, MONTHLY, "2025-03-25", SURVEY) as unknown[][];
      // February 3.5 -> 62.5; March 100. January, before the first row, holds the undated 5 but
      // no line: a period without a counted line has no score, so February's change is blank; March's is 37.5.
      expect(grid.slice(1).map((r) => [r[0], r[11], r[13]])).toEqual([
        ["2025-02", 62.5, ""],
        ["2025-03", 100, 37.5],
      ]);
    });

    it("puts every answer in every period when the survey has no date column", () => {
      const undated = SURVEY.map((r) => r.slice(0, 4));
      expect(catalog.VENDORTREND.fn(DATA, "Acme", "Responsiveness", MONTHLY, "2025-03-25", undated)).toEqual([
        ["Period", "Responsiveness"],
        ["2025-02", 4.5],
        ["2025-03", 4.5],
      ]);
    });
  });

  describe("problems", () => {
    it("says a criterion row is no KPI when the function is given no survey", () => {
      expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Responsiveness", 1]], AS_OF)).toBeCoreError("#VALUE!", "Weights row 1", '"Responsiveness" is not a KPI');
    });

    it("names the survey's criteria when the weights range names another", () => {
      expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Responsivenes", 1]], AS_OF, SURVEY)).toBeCoreError("#VALUE!", "Weights row 1", "nor a criterion of the survey", '"Responsiveness", "Quality"');
    });

    it("asks for the bounds when every answer to a criterion scores the same", () => {
      const flat: Range = [["Vendor", "Criterion", "Score"], ["Acme", "Speed", 4], ["Beta", "Speed", 4]];
      expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Speed", 1]], AS_OF, flat)).toBeCoreError("#VALUE!", "Weights row 1 (Speed)", "scores 4");
      expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Speed", 1, 5, 1]], AS_OF, flat)).toBe(75);
    });

    it("refuses a survey_aggregate other than median or mean", () => {
      expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Responsiveness", 1], ["survey_aggregate", "mode"]], AS_OF, SURVEY)).toBeCoreError("#VALUE!", "Weights row 2", "median or mean");
    });
  });
});

describe("the README's survey example", () => {
  const answers: Range = [
    ["Supplier", "Question", "Rating", "Weight"],
    ["Acme", "Responsiveness", 2, 1],
    ["Acme", "Responsiveness", 4, 1],
    ["Acme", "Responsiveness", 5, 2],
    ["Beta", "Responsiveness", 1, 1],
  ];
  const unweighted = answers.map((r) => r.slice(0, 3));

  it.each<[string, Range, Range, number]>([
    ["the median 4 scores 75", unweighted, [["Responsiveness", 1]], 75],
    ["the mean 3.667 scores 66.7", unweighted, [["Responsiveness", 1], ["survey_aggregate", "mean"]], 200 / 3],
    ["the weighted median 4.5 scores 87.5", answers, [["Responsiveness", 1]], 87.5],
  ])("%s", (_what, survey, weights, score) => {
    expect(catalog.VENDORSCORE.fn(DATA, "Acme", weights, AS_OF, survey)).toBeCloseTo(score, 12);
  });
});

describe("a survey the weights range names no criterion of", () => {
  it("plays no part: the score is the lines' alone, and a bad score in the survey does not fail it", () => {
    const bad: Range = [["Vendor", "Criterion", "Score"], ["Acme", "Speed", "good"]];
    expect(catalog.VENDORSCORE.fn(DATA, "Beta", [["on_time", 1, 1, 0]], AS_OF, bad)).toBe(0);
    expect(catalog.VENDORSCORE.fn(DATA, "Beta", [["on_time", 1, 1, 0], ["Speed", 1, 5, 1]], AS_OF, bad)).toBeCoreError("#VALUE!", "good");
  });
});
