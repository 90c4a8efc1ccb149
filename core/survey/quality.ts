import { isBlank } from "../cell/blank";
import type { Range, ResultGrid } from "../cell/types";
import type { ParseCache } from "../table/cache";
import type { MatchHow } from "../table/match";
import type { ReadSettings } from "../table/read";
import { SURVEY_SCHEMA, type SurveyField } from "../table/schema";
import { isNoAnswer, readSurvey, type SurveySkipped } from "./read";

/** What reading one survey field found, over the rows that hold anything. */
export interface SurveyFieldQuality {
  readonly field: SurveyField;
  readonly match?: { readonly header: string; readonly how: MatchHow };
  readonly values: number;
  readonly blank: number;
  readonly placeholders: number;
  readonly unparseable: number;
}

/** One criterion: its answers, the scores seen, and the answers outside its range. */
export interface CriterionQuality {
  readonly criterion: string;
  readonly answers: number;
  readonly low: number;
  readonly high: number;
  /** The range answers are held to: the weights row's floor and target where given, else the scores seen. */
  readonly range: { readonly low: number; readonly high: number; readonly from: "weights" | "seen" };
  readonly outside: number;
}

/** What a function reading the survey will count, as data. */
export interface SurveyQuality {
  readonly fields: readonly SurveyFieldQuality[];
  /** Rows under the header that hold anything. */
  readonly rows: number;
  readonly answers: number;
  readonly skipped: SurveySkipped;
  readonly vendors: number;
  readonly criteria: readonly CriterionQuality[];
}

/**
 * What the survey functions will count in a survey range: each field's column and how it was
 * matched, the rows left out and why (a blank vendor or criterion, no score, a score or weight
 * that is no number), and per criterion its answers and the scores outside its range. The range
 * is the weights row's floor and target where `bounds` gives them (label -> bounds, labels
 * matched like criteria), else the lowest and highest score seen, which no answer is outside
 * and which the report shows so that a stray 55 in a 1-5 survey is seen.
 *
 * @example surveyQualityOf(range, {}, cache).skipped.blankVendor // 1
 */
export function surveyQualityOf(range: Range, settings: ReadSettings, cache: ParseCache, bounds: ReadonlyMap<string, { readonly target: number; readonly floor: number }> = new Map()): SurveyQuality {
  const t = readSurvey(range, { ...settings, lenient: true }, cache);
  const { matches, quality, columns, rows, first } = t.columns;
  const used: number[] = [];
  for (let r = 0; r < rows; r++) if (!range[r + first]!.every((c) => c === null || c === undefined || c === "")) used.push(r);
  const fields = SURVEY_SCHEMA.map((spec): SurveyFieldQuality => {
    const m = matches.get(spec.key);
    if (!m) return { field: spec.key, values: 0, blank: 0, placeholders: 0, unparseable: 0 };
    const col = columns.get(spec.key)!;
    let values = 0;
    for (const r of used) {
      const v = col[r];
      if (typeof v === "string" ? v !== "" : v === v) values++;
    }
    const q = quality.get(spec.key)!;
    let placeholders = q.placeholders;
    let unparseable = q.unparseable;
    if (spec.key === "score") {
      // The required score column is read with its placeholders as unparseable; here they are told apart: N/A is no answer, "good" is a bad number.
      placeholders = 0;
      unparseable = 0;
      for (const r of used) {
        const raw = range[r + first]![m.column];
        if ((col as Float64Array)[r] === (col as Float64Array)[r] || isBlank(raw)) continue;
        if (isNoAnswer(raw)) placeholders++;
        else unparseable++;
      }
    }
    return { field: spec.key, match: { header: m.header, how: m.how }, values, blank: used.length - values - placeholders - unparseable, placeholders, unparseable };
  });
  const byKey = new Map<number, { readonly target: number; readonly floor: number }>();
  for (const [label, b] of bounds) {
    const c = t.criteria.find(label);
    if (c !== undefined) byKey.set(c, b);
  }
  const criteria = t.criteria.names.map((criterion, c): CriterionQuality => {
    const b = byKey.get(c);
    const range = b ? { low: Math.min(b.target, b.floor), high: Math.max(b.target, b.floor), from: "weights" as const } : { low: t.low[c]!, high: t.high[c]!, from: "seen" as const };
    let answers = 0;
    let outside = 0;
    for (let i = 0; i < t.answers; i++) {
      if (t.criterionOf[i] !== c) continue;
      answers++;
      if (t.score[i]! < range.low || t.score[i]! > range.high) outside++;
    }
    return { criterion, answers, low: t.low[c]!, high: t.high[c]!, range, outside };
  });
  return { fields, rows: used.length, answers: t.answers, skipped: t.skipped, vendors: t.vendors.size, criteria };
}

/**
 * {@link surveyQualityOf} as rows under VENDORDATAQUALITY's columns (Field, Header, Matched by,
 * Values, Blank, Placeholders, Unparseable, Note), each field and reason prefixed "survey".
 *
 * @example surveyQualityRows(q)[0] // ["survey vendor", "Supplier", "alias", 120, 1, 0, 0, ""]
 */
export function surveyQualityRows(q: SurveyQuality): ResultGrid {
  const grid: ResultGrid = [];
  for (const f of q.fields) {
    if (!f.match) {
      const aliases = SURVEY_SCHEMA.find((s) => s.key === f.field)!.aliases;
      grid.push([`survey ${f.field}`, "not found", "", 0, 0, 0, 0, `optional: head a column ${aliases.slice(0, 3).map((a) => `"${a}"`).join(" or ")} to use it`]);
      continue;
    }
    const note =
      f.field === "score" && f.unparseable ? "scores that are no number: the survey functions stop at the first; write a number or leave the cell blank"
      : f.field === "weight" && f.unparseable ? "weights that are no number: the survey functions stop at the first"
      : f.field === "weight" ? "a blank weight reads 1"
      : "";
    grid.push([`survey ${f.field}`, f.match.header, f.match.how === "mapping" ? "mapping row" : "alias", f.values, f.blank, f.placeholders, f.unparseable, note]);
  }
  const s = q.skipped;
  grid.push(["survey rows", "", "", q.rows, "", "", "", "rows under the header that hold anything"]);
  grid.push(["survey skipped: blank vendor", "", "", s.blankVendor, "", "", "", "answers with no vendor are left out"]);
  grid.push(["survey skipped: blank criterion", "", "", s.blankCriterion, "", "", "", "answers with no criterion are left out"]);
  grid.push(["survey skipped: no score", "", "", s.noScore, "", "", "", "a blank score or a placeholder such as N/A is no answer"]);
  grid.push(["survey skipped: non-numeric score", "", "", s.badScore, "", "", "", s.badScore ? "fix these cells: the survey functions stop at the first" : ""]);
  if (s.badWeight) grid.push(["survey skipped: bad weight", "", "", s.badWeight, "", "", "", "weights that are no number or below 0"]);
  const outside = q.criteria.reduce((n, c) => n + c.outside, 0);
  grid.push(["survey out of range", "", "", outside, "", "", "", outside ? "scores outside their criterion's floor and target (weights rows): check them for typing errors" : "no score outside its criterion's range"]);
  for (const c of q.criteria) {
    const seen = `scores seen ${c.low} to ${c.high}`;
    const note = c.range.from === "weights" ? `${seen}; ${c.outside} outside the weights row's ${c.range.low} to ${c.range.high}` : `${seen}: the default floor and target`;
    grid.push([`survey criterion: ${c.criterion}`, "", "", c.answers, "", "", "", note]);
  }
  grid.push(["survey counted", "", "", q.answers, "", "", "", `${q.vendors} vendors, ${q.criteria.length} criteria`]);
  return grid;
}
