import { problem, quote } from "../cell/error";
import type { ResultGrid } from "../cell/types";
import { surveySummary, surveyValue } from "../survey/aggregate";
import { readSurvey } from "../survey/read";
import { optionalText, range, text } from "./params";
import { defineFunction } from "./types";

export const SURVEY = range("survey", "Survey answers with a header row: vendor, criterion, score, and optionally evaluator, date and weight; one row per answer.");

export const SURVEY_COLUMNS = ["Criterion", "Answers", "Median", "Mean", "Min", "Max"] as const;

export const VENDORSURVEY = defineFunction({
  name: "VENDORSURVEY",
  description: "A vendor's survey value for a criterion (the median of its answers; weighted with a weight column), or without a criterion a table of its answers per criterion.",
  example: '=VENDORSURVEY(M1:P400, "Acme", "Responsiveness") returns 4 when Acme\'s answers are 3, 4 and 5.',
  params: [SURVEY, text("vendor", "The vendor's name as written in the survey (any case)."), optionalText("criterion", "The criterion as written in the survey (any case). Left out: spills Criterion, Answers, Median, Mean, Min, Max.")],
  result: "table",
  impl({ survey, vendor, criterion }, cx) {
    const t = readSurvey(survey, { fields: new Set(["weight"]) }, cx.cache);
    const v = t.vendors.find(vendor);
    if (v === undefined) {
      const known = t.vendors.names.slice(0, 5).map((n) => `"${quote(n)}"`).join(", ");
      return problem("unknown_vendor", `No answers for vendor "${quote(vendor)}" in the survey. Vendors in it include ${known || "none"}.`, { arg: "vendor" });
    }
    if (criterion === undefined) {
      const grid: ResultGrid = [[...SURVEY_COLUMNS]];
      for (const s of surveySummary(t, v)) grid.push([s.criterion, s.answers, s.median, s.mean, s.min, s.max]);
      return grid;
    }
    const c = t.criteria.find(criterion);
    if (c === undefined) {
      const known = t.criteria.names.slice(0, 6).map((n) => `"${quote(n)}"`).join(", ");
      return problem("no_data", `No answers to "${quote(criterion)}" in the survey. Criteria in it include ${known || "none"}.`, { arg: "criterion" });
    }
    const value = surveyValue(t, v, c);
    if (value === undefined) {
      return problem("no_data", t.weight ? `Vendor "${t.vendors.names[v]}" has no answer of weight above 0 to "${t.criteria.names[c]}".` : `Vendor "${t.vendors.names[v]}" has no answer to "${t.criteria.names[c]}".`, { arg: "criterion" });
    }
    if (!Number.isFinite(value)) return problem("overflow", `Vendor "${t.vendors.names[v]}": the weighted value of "${t.criteria.names[c]}" overflowed: check the weight column for numbers such as 1e308.`, { field: "weight" });
    // One cell: the function also spills a table, so Excel declares its result a matrix.
    return [[value]];
  },
});
