import { isBlank } from "../cell/blank";
import { fail, quote } from "../cell/error";
import { isPlaceholder } from "../cell/number";
import type { CellValue, Range } from "../cell/types";
import type { ParseCache } from "../table/cache";
import { headerRowOf, parseColumns, type ColumnTable, type ReadSettings } from "../table/read";
import { normalizeHeader, SURVEY_SCHEMA, type SurveyField } from "../table/schema";
import { BLANK_VENDOR, VendorIndex, vendorName } from "../table/vendors";

/** The criteria of a survey, each with a small id; labels match case-, space- and punctuation-insensitively, as headers and KPI labels do. */
export class CriterionIndex {
  /** The first spelling seen of each criterion. */
  readonly names: string[] = [];
  private readonly byKey = new Map<string, number>();

  /** The id of a criterion cell's text; registers it when new. */
  id(raw: string): number {
    const key = criterionKey(raw);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(vendorName(raw));
      this.byKey.set(key, id);
    }
    return id;
  }

  /**
   * The id of a criterion named as a user typed it, or undefined.
   *
   * @example criteria.find("responsiveness ") // the id of "Responsiveness"
   */
  find(label: string): number | undefined {
    return this.byKey.get(criterionKey(label));
  }

  get size(): number {
    return this.names.length;
  }
}

/** `Quality of service` and `quality-of-service` are one criterion; text of only punctuation keeps its own key. */
function criterionKey(raw: string): string {
  const name = vendorName(raw);
  return normalizeHeader(name) || name.toLowerCase();
}

const NO_ANSWER = new Set(["na", "notapplicable", "dontknow", "unknown", "noanswer", "skipped", "skip", "dk"]);

/**
 * A score cell that says the question was not answered: N/A, not applicable, don't know, no
 * answer, skipped, or text of only marks (`-`, `?`). Other text (`good`) is a score that is no
 * number, which the survey functions refuse and the data-quality report counts.
 *
 * @example isNoAnswer("N/A") // true
 * @example isNoAnswer("good") // false
 */
export function isNoAnswer(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const key = normalizeHeader(v);
  return key === "" || NO_ANSWER.has(key);
}

/**
 * How a survey is read beside lines read under `read`: the date order and decimal mark apply to
 * it too; the mapping and header_row rows describe the lines only.
 *
 * @example surveySettings({ dateOrder: "DMY", mapping: new Map([["promised", "Ship By"]]) }) // { dateOrder: "DMY" }
 */
export function surveySettings(read: ReadSettings): ReadSettings {
  return { ...(read.dateOrder ? { dateOrder: read.dateOrder } : {}), ...(read.decimal ? { decimal: read.decimal } : {}) };
}

/** Survey answers read once: the answers that count, in columns, and why the others were left out. */
export interface SurveyTable {
  readonly columns: ColumnTable<SurveyField>;
  readonly vendors: VendorIndex;
  readonly criteria: CriterionIndex;
  /** Answers that count: a vendor, a criterion and a numeric score. */
  readonly answers: number;
  /** Per counted answer: its vendor, criterion, score and data row (0-based under the header). */
  readonly vendorOf: Int32Array;
  readonly criterionOf: Int32Array;
  readonly score: Float64Array;
  readonly row: Int32Array;
  /** Per counted answer, when the range has the column (and the reader asked for it): the weight (a blank weight reads 1) and the date serial (NaN: no date). */
  readonly weight?: Float64Array;
  readonly date?: Float64Array;
  /** Lowest and highest score seen per criterion over the whole range: the default floor and target. */
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** Counted answers by vendor and criterion: `groups[vendor * criteria.size + criterion]`, indexes into the columns above. */
  readonly groups: readonly (readonly number[] | undefined)[];
  readonly skipped: SurveySkipped;
}

/** Rows under the header that are no answer, by reason. */
export interface SurveySkipped {
  readonly blankVendor: number;
  readonly blankCriterion: number;
  /** A blank score, or text without a digit (N/A, -, ?): not answered. */
  readonly noScore: number;
  /** Score text that is no number (`good`): a problem when a function reads the survey, counted by the data-quality report. */
  readonly badScore: number;
  /** A weight that is not a number, or below 0. */
  readonly badWeight: number;
  /** Rows with nothing in them: the tail of a selection. */
  readonly emptyRows: number;
}

/**
 * Reads a survey range: a header row naming the vendor, criterion and score columns (and
 * optionally evaluator, date and weight; see SURVEY_SCHEMA for the headers each answers to),
 * then one row per answer. A row with a blank vendor or criterion, or with no score (blank, or
 * N/A), is no answer. With `lenient` (the data-quality report), a score or weight that is no
 * number is counted and left out; otherwise it is a problem naming its row. Shared through the
 * parse cache: callers read the table and never write to it.
 *
 * @example readSurvey([["Supplier", "Question", "Rating"], ["Acme", "Responsiveness", 4]], {}, new ParseCache()).criteria.names // ["Responsiveness"]
 */
export function readSurvey(range: Range, settings: ReadSettings, cache: ParseCache): SurveyTable {
  return cache.read(range, "survey", settings, () => parseSurvey(range, settings));
}

function parseSurvey(range: Range, settings: ReadSettings): SurveyTable {
  const at = headerRowOf(range, SURVEY_SCHEMA, settings);
  const columns = parseColumns(range, SURVEY_SCHEMA, { ...settings, lenient: true }, { at });
  const first = columns.first;
  const n = columns.rows;
  const vendorCol = columns.columns.get("vendor") as string[];
  const criterionCol = columns.columns.get("criterion") as string[];
  const scoreCol = columns.columns.get("score") as Float64Array;
  const weightCol = columns.columns.get("weight") as Float64Array | undefined;
  const dateCol = columns.columns.get("date") as Float64Array | undefined;
  const scoreAt = columns.matches.get("score")!;
  const weightAt = columns.matches.get("weight");

  const vendors = new VendorIndex();
  const criteria = new CriterionIndex();
  const vendorOf = new Int32Array(n);
  const criterionOf = new Int32Array(n);
  const score = new Float64Array(n);
  const row = new Int32Array(n);
  const weight = weightCol ? new Float64Array(n) : undefined;
  const date = dateCol ? new Float64Array(n) : undefined;
  let answers = 0;
  let blankVendor = 0, blankCriterion = 0, noScore = 0, badScore = 0, badWeight = 0, emptyRows = 0;

  for (let r = 0; r < n; r++) {
    const cells = range[r + first]!;
    if (cells.every((c) => c === null || c === undefined || c === "")) {
      emptyRows++;
      continue;
    }
    const v = vendorCol[r] === "" ? BLANK_VENDOR : vendors.id(vendorCol[r]!);
    if (v === BLANK_VENDOR) {
      blankVendor++;
      continue;
    }
    if (vendorName(criterionCol[r]!) === "") {
      blankCriterion++;
      continue;
    }
    const s = scoreCol[r]!;
    if (s !== s) {
      const raw = cells[scoreAt.column];
      if (isBlank(raw) || isNoAnswer(raw)) noScore++;
      else if (settings.lenient) badScore++;
      else fail("not_a_number", `Column "${quote(scoreAt.header)}", row ${r + first + 1} of the range: the score "${quote(raw)}" is not a number; write a score such as 4 or 4.5, or leave the cell blank (no answer).`, { row: r + first + 1, column: scoreAt.header, field: "score" });
      continue;
    }
    let w = 1;
    if (weightCol && weightAt) {
      const raw = cells[weightAt.column];
      w = weightCol[r]!;
      if (w !== w && (isBlank(raw) || isPlaceholder(raw))) w = 1;
      else if (!(w >= 0)) {
        if (settings.lenient) {
          badWeight++;
          continue;
        }
        fail("not_a_number", `Column "${quote(weightAt.header)}", row ${r + first + 1} of the range: the weight "${quote(raw)}" is not a number of 0 or more; write a weight such as 2, or leave the cell blank (weight 1).`, { row: r + first + 1, column: weightAt.header, field: "weight" });
      }
    }
    vendorOf[answers] = v;
    criterionOf[answers] = criteria.id(criterionCol[r]!);
    score[answers] = s;
    row[answers] = r;
    if (weight) weight[answers] = w;
    if (date) date[answers] = dateCol![r]!;
    answers++;
  }

  const dateAt = columns.matches.get("date");
  if (dateCol && dateAt && !settings.lenient && columns.quality.get("date")!.unparseable > 0) {
    for (let r = 0; r < n; r++) {
      const raw = range[r + first]![dateAt.column];
      if (dateCol[r] !== dateCol[r] && !isBlank(raw) && !isPlaceholder(raw)) {
        fail("not_a_date", `Column "${quote(dateAt.header)}", row ${r + first + 1} of the range: "${quote(raw)}" is not a date; write it as a date cell or as text like 2025-03-31, or leave it blank (the answer then belongs to every period).`, { row: r + first + 1, column: dateAt.header, field: "date" });
      }
    }
  }

  const low = new Float64Array(criteria.size).fill(NaN);
  const high = new Float64Array(criteria.size).fill(NaN);
  const groups: number[][] = [];
  for (let i = 0; i < answers; i++) {
    const c = criterionOf[i]!;
    const s = score[i]!;
    if (!(low[c]! <= s)) low[c] = s;
    if (!(high[c]! >= s)) high[c] = s;
    (groups[vendorOf[i]! * criteria.size + c] ??= []).push(i);
  }
  return {
    columns,
    vendors,
    criteria,
    answers,
    vendorOf: vendorOf.subarray(0, answers),
    criterionOf: criterionOf.subarray(0, answers),
    score: score.subarray(0, answers),
    row: row.subarray(0, answers),
    ...(weight ? { weight: weight.subarray(0, answers) } : {}),
    ...(date ? { date: date.subarray(0, answers) } : {}),
    low,
    high,
    groups,
    skipped: { blankVendor, blankCriterion, noScore, badScore, badWeight, emptyRows },
  };
}
