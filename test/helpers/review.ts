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
 * The sample has a supply risk column, so the title block ends with the vendor's tier.
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
export const AT = { title: 0, trendTitle: 8, trendHeader: 9, firstPeriod: 10, lastPeriod: 13, breakdownHeader: 16, attentionTitle: 22, attentionHeader: 23 } as const;

export const TITLE_BLOCK = [
  ["Business review: Delta Plastics"],
  ["Vendor", "Delta Plastics"],
  ["Period", "2025-03"],
  ["Score", 18.8107],
  ["Standing", "Very Poor"],
  ["Action", "block"],
  // The sample's supply risk puts Delta Plastics in the Key tier (VENDORSEGMENTS).
  ["Tier", "Key"],
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

/**
 * Purchase-order lines of 32 vendors with their relationship tier written in the data: Vendor 01
 * to Vendor 30 are "Key", Vendor 31 and 32 "Transactional"; one March 2025 line each, on time and
 * in full at the contract price.
 */
export function tieredLines(): string[][] {
  const rows = [["PO Number", "Vendor", "Order Date", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price", "Tier"]];
  for (let i = 1; i <= 32; i++) {
    const n = String(i).padStart(2, "0");
    rows.push([`PO-${n}`, `Vendor ${n}`, "2025-03-01", "2025-03-10", "2025-03-10", "10", "10", "0", "5", "5", i <= 30 ? "Key" : "Transactional"]);
  }
  return rows;
}

/** Those lines as CSV text. */
export const tieredCsv = () => tieredLines().map((r) => r.join(",")).join("\n");
