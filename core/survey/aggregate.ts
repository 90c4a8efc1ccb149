import type { Serial } from "../cell/date";
import type { SurveyTable } from "./read";
import { mean, median, weightedMean, weightedMedian } from "./stats";

/** How a vendor's answers to a criterion become its value: the median (the default) or the mean (a `survey_aggregate, mean` setting). */
export type SurveyAggregate = "median" | "mean";

/** A period's dates, from `from` (included) to `to` (excluded), as serials. */
export interface SurveyWindow {
  readonly from: Serial;
  readonly to: Serial;
}

export interface SurveyValueOptions {
  readonly aggregate?: SurveyAggregate;
  /**
   * Only the answers dated in this period; an answer without a date (no date column, or a blank
   * date) belongs to every period.
   */
  readonly period?: SurveyWindow;
}

/**
 * A vendor's value for a criterion: the median of its answers, or the mean; with a weight
 * column, the weighted median or the weighted mean. Undefined when the vendor has no answer to
 * it (in the period), or when its answers' weights add up to 0: never zero.
 *
 * @example surveyValue(readSurvey(range, {}, cache), acme, responsiveness) // 4 for answers 3, 4, 5
 */
export function surveyValue(t: SurveyTable, vendor: number, criterion: number, o: SurveyValueOptions = {}): number | undefined {
  const answers = answersOf(t, vendor, criterion, o.period);
  if (answers.length === 0) return undefined;
  const scores = answers.map((i) => t.score[i]!);
  if (t.weight) {
    const weights = answers.map((i) => t.weight![i]!);
    return o.aggregate === "mean" ? weightedMean(scores, weights) : weightedMedian(scores, weights);
  }
  return o.aggregate === "mean" ? mean(scores) : median(scores);
}

/** A vendor's answers to one criterion, unweighted: what VENDORSURVEY spills per criterion. */
export interface CriterionSummary {
  readonly criterion: string;
  readonly answers: number;
  readonly median: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

/**
 * One summary per criterion the vendor has answers for, in the order the criteria first appear
 * in the survey; weights and dates play no part.
 *
 * @example surveySummary(t, acme) // [{ criterion: "Responsiveness", answers: 3, median: 4, mean: 4, min: 3, max: 5 }]
 */
export function surveySummary(t: SurveyTable, vendor: number): CriterionSummary[] {
  const out: CriterionSummary[] = [];
  for (let c = 0; c < t.criteria.size; c++) {
    const answers = answersOf(t, vendor, c);
    if (answers.length === 0) continue;
    const scores = answers.map((i) => t.score[i]!);
    out.push({ criterion: t.criteria.names[c]!, answers: answers.length, median: median(scores)!, mean: mean(scores)!, min: Math.min(...scores), max: Math.max(...scores) });
  }
  return out;
}

/**
 * The default target and floor of a criterion scored as a KPI: the highest and the lowest score
 * seen for it in the whole survey range (a 1-5 survey scores 5 as 100 and 1 as 0), unless the
 * weights row gives them.
 *
 * @example criterionBounds(t, responsiveness) // { target: 5, floor: 1 }
 */
export function criterionBounds(t: SurveyTable, criterion: number): { readonly target: number; readonly floor: number } {
  return { target: t.high[criterion]!, floor: t.low[criterion]! };
}

function answersOf(t: SurveyTable, vendor: number, criterion: number, period?: SurveyWindow): readonly number[] {
  const all = t.groups[vendor * t.criteria.size + criterion] ?? [];
  if (!period || !t.date) return all;
  const date = t.date;
  return all.filter((i) => {
    const d = date[i]!;
    return d !== d || (d >= period.from && d < period.to);
  });
}
