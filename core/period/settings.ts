import { quote } from "../cell/error";
import type { ConfigRow } from "../config/rows";
import { parseNumber } from "../cell/number";
import { PERIOD_KINDS, type PeriodCalendar, type PeriodKind } from "./period";

/** The date that places a line in a period; undefined: the promised date, else the delivered date, else the order date. */
export type PeriodBy = "promised" | "delivered" | "order_date";
/** How the overall score weighs older periods. */
export type Decay = "linear" | "none";

/** What the `period`, `fiscal_start`, `period_by`, `history` and `decay` rows of a weights range say. */
export interface PeriodSettings {
  /** From a `period` row; undefined without one (the snapshot functions then describe all the data). */
  readonly kind?: PeriodKind;
  readonly fiscalStart: number;
  readonly by?: PeriodBy;
  /** How many periods a trend shows and the overall score spans. */
  readonly history: number;
  readonly decay: Decay;
}

export const DEFAULT_PERIODS: PeriodSettings = { fiscalStart: 1, history: 12, decay: "linear" };

/** The kind trends use when the weights range has no `period` row. */
export const TREND_DEFAULT_KIND: PeriodKind = "quarter";

/** The calendar trends run on: the `period` row's kind, else quarters. */
export function trendCalendar(p: PeriodSettings): PeriodCalendar {
  return { kind: p.kind ?? TREND_DEFAULT_KIND, fiscalStart: p.fiscalStart };
}

/** The setting keys (normalised first cells) read here. */
export const PERIOD_KEYS = ["period", "fiscalstart", "periodby", "history", "decay"] as const;

const PERIOD_BY: Readonly<Record<string, PeriodBy>> = { promised: "promised", delivered: "delivered", orderdate: "order_date" };

/**
 * One period setting row applied to the settings so far: the new settings, or what is wrong
 * with the row (said in the user's words; the caller places it at the row).
 *
 * @example periodSetting(DEFAULT_PERIODS, { key: "period", cells: ["period", "Month"], ... }) // { ...DEFAULT_PERIODS, kind: "month" }
 */
export function periodSetting(p: PeriodSettings, r: ConfigRow): PeriodSettings | { readonly wrong: string; readonly field: string } {
  const v = r.cells[1];
  const word = String(v ?? "").trim().toLowerCase();
  switch (r.key) {
    case "period":
      if (!(PERIOD_KINDS as readonly string[]).includes(word)) return { wrong: `period must be week, month, quarter or year, not "${quote(v)}".`, field: "period" };
      return { ...p, kind: word as PeriodKind };
    case "fiscalstart": {
      const n = parseNumber(v);
      if (!(Number.isInteger(n) && n >= 1 && n <= 12)) return { wrong: `fiscal_start must be the month quarters and years start in, 1 to 12 (4 for April), not "${quote(v)}".`, field: "fiscal_start" };
      return { ...p, fiscalStart: n };
    }
    case "periodby": {
      const by = PERIOD_BY[word.replace(/[^a-z]/g, "")];
      if (!by) return { wrong: `period_by must be promised, delivered or order_date, not "${quote(v)}".`, field: "period_by" };
      return { ...p, by };
    }
    case "history": {
      const n = parseNumber(v);
      if (!(Number.isInteger(n) && n >= 1 && n <= 120)) return { wrong: `history must be a whole number of periods from 1 to 120, not "${quote(v)}".`, field: "history" };
      return { ...p, history: n };
    }
    case "decay":
      if (word !== "linear" && word !== "none") return { wrong: `decay must be linear or none, not "${quote(v)}".`, field: "decay" };
      return { ...p, decay: word };
    default:
      throw new Error(`not a period setting: ${r.key}`);
  }
}
