import { KIND_INFO } from "../../core/report";
import type { ResultGrid } from "../../core";

/**
 * A business review of Delta Plastics from the sample purchase-order lines (January to March
 * 2025), by month over four months with ERPNext's standings, as of 2025-03-31. Worked by hand from
 * the default weights (on time 35, in full 20, defect rate 25, price variance 20):
 * - 2025-01, one line: on time 0 (KPI 0), in full 1 (100), defect rate 0.02, between its floor
 *   0.05 and target 0.005: (0.05 - 0.02) / 0.045 = 66.67, price variance 0.0598 past its floor 0.05
 *   (0). Score (20 x 100 + 25 x 66.67) / 100 = 36.67: Poor.
 * - 2025-02, two lines: in full 1 alone scores, 20 x 100 / 100 = 20: Very Poor, change -16.67 (▼).
 * - 2025-03, four lines: price variance 0.00297, (0.05 - 0.00297) / 0.05 = 94.05, x 20 / 100 = 18.81:
 *   Very Poor (block), change -1.19 (▼); on time 0.25, in full 0.5 and defect rate 0.051 miss their
 *   floors, price variance misses its target 0.
 * - 2024-12 has no line: Lines 0, no score, no arrow.
 */
export const REVIEW_VENDOR = "Delta Plastics";

export const ERPNEXT_STANDINGS: ResultGrid = [
  ["standing", "Very Poor", 0, 30, "red", "block"],
  ["standing", "Poor", 30, 50, "yellow", "warn"],
  ["standing", "Average", 50, 80, "green", ""],
  ["standing", "Excellent", 80, 100, "blue", ""],
];

/** The review's default weights with months over four periods and the standings. */
export const REVIEW_WEIGHTS: ResultGrid = [
  ...KIND_INFO.review.config.defaults.filter((r) => r[0] !== "period" && r[0] !== "history"),
  ["period", "month", "", "", ""],
  ["history", 4, "", "", ""],
  ...ERPNEXT_STANDINGS,
];

/** Rows (0-based) of the laid-out sheet. */
export const AT = { title: 0, trendTitle: 7, trendHeader: 8, firstPeriod: 9, lastPeriod: 12, breakdownHeader: 15, attentionTitle: 21, attentionHeader: 22 } as const;

export const TITLE_BLOCK = [
  ["Business review: Delta Plastics"],
  ["Vendor", "Delta Plastics"],
  ["Period", "2025-03"],
  ["Score", 18.8107],
  ["Standing", "Very Poor"],
  ["Action", "block"],
];

/** Period, Lines, Score, Grade, Change and Trend of each row of the KPI-by-period table. */
export const PERIOD_ROWS = [
  ["2024-12", 0, "", "", "", ""],
  ["2025-01", 1, 36.6667, "Poor", "", ""],
  ["2025-02", 2, 20, "Very Poor", -16.6667, "▼"],
  ["2025-03", 4, 18.8107, "Very Poor", -1.1893, "▼"],
];

export const ATTENTION = [
  ["On time", 0.25, "floor"],
  ["In full", 0.5, "floor"],
  ["Defect rate", 0.05102, "floor"],
  ["Price variance", 0.002973, "target"],
];

/** A cell rounded as the expectations are written (4 decimals), text as is. */
export const round4 = (v: unknown) => (typeof v === "number" ? Math.round(v * 10000) / 10000 : v);
