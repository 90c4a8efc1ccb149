/**
 * Stakeholder surveys: a range of answers read once ({@link readSurvey}), each vendor's value per
 * criterion ({@link surveyValue}), the default target and floor ({@link criterionBounds}), the
 * per-criterion table of VENDORSURVEY ({@link surveySummary}) and the data-quality rows.
 *
 * Wiring survey criteria into the scorecard: read the survey with `readSurvey(range, { fields:
 * new Set(["weight", "date"]) }, cache)`; a weights row whose label `t.criteria.find(label)` knows
 * is a survey KPI, its target and floor from the row or else `criterionBounds(t, c)`; a vendor's
 * value is `surveyValue(t, t.vendors.find(name), c, { aggregate, period })`, undefined (left out,
 * weights renormalised) when it has no answer.
 *
 * @example surveyValue(readSurvey([["Supplier", "Question", "Rating"], ["Acme", "Quality", 4]], {}, cache), 0, 0) // 4
 */
export { readSurvey, isNoAnswer, CriterionIndex, type SurveyTable, type SurveySkipped } from "./read";
export { surveyValue, surveySummary, criterionBounds, type SurveyAggregate, type SurveyWindow, type SurveyValueOptions, type CriterionSummary } from "./aggregate";
export { surveyQualityOf, surveyQualityRows, type SurveyQuality, type CriterionQuality, type SurveyFieldQuality } from "./quality";
export { median, mean, weightedMean, weightedMedian } from "./stats";
