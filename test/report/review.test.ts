import { createCatalog, isCoreError, serialOf, type CellValue, type Range } from "../../core";
import { buildReport, formatRows, headerRows, needsAttention, rowPatterns, titleRows, trendArrow, vendorsIn, type ReportSheet } from "../../core/report";
import { REVIEW_WEIGHTS } from "../helpers/review";

/** Rows of a review whose data gives no tier (the title block has no Tier row). */
const AT = { trendTitle: 7, trendHeader: 8, lastPeriod: 12, breakdownHeader: 15, attentionTitle: 21, attentionHeader: 22 } as const;

const AS_OF = serialOf(2025, 3, 31);
const cx = createCatalog({ today: () => AS_OF }).context;
const d = (m: number, day: number) => serialOf(2025, m, day);

/** Acme: one February line on time, one March line late (promised 10 March, delivered 20 March). */
const LINES: Range = [
  ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Unit Price", "Contract Price"],
  ["Acme", d(2, 10), d(2, 10), 10, 10, 5, 5],
  ["Acme", d(3, 10), d(3, 20), 10, 10, 5, 5],
] as CellValue[][];

function review(vendor = "Acme"): ReportSheet {
  const r = buildReport({ kind: "review", source: LINES, config: REVIEW_WEIGHTS, asOf: AS_OF, vendor }, cx);
  if (isCoreError(r)) throw r;
  return r;
}

describe("the business review sheet", () => {
  it("lays its blocks down column A, one blank row between them, and scores the periods by hand", () => {
    const s = review();
    // On time 1 in February (35 x 100), in full 1 (20 x 100), price variance 0 (20 x 100); no
    // defect column: its weight is left out, so the score is 75 / 75 x 100 = 100. March: on time 0,
    // in full and price variance 100: 40 / 75 x 100 = 53.33 (Average), change -46.67.
    expect(s.values.slice(0, 6).map((r) => r.slice(0, 2))).toEqual([
      ["Business review: Acme", ""], ["Vendor", "Acme"], ["Period", "2025-03"], ["Score", 40 / 75 * 100], ["Standing", "Average"], ["Action", "none"],
    ]);
    const h = s.values[AT.trendHeader]!.map(String);
    const feb = s.values[AT.lastPeriod - 1]!, mar = s.values[AT.lastPeriod]!;
    expect([feb[0], feb[h.indexOf("Score")], feb[h.indexOf("Trend")]]).toEqual(["2025-02", 100, ""]);
    expect([mar[0], mar[h.indexOf("Score")], mar[h.indexOf("Change")], mar[h.indexOf("Trend")]]).toEqual(["2025-03", 40 / 75 * 100, 40 / 75 * 100 - 100, "▼"]);
    expect(s.values[AT.trendTitle - 1]!.every((c) => c === "")).toBe(true);
    expect(s.summary).toBe("2025-03: Average");
    expect(s.charts).toEqual([{ type: "line", title: "Acme: score by period", categories: 0, series: [{ column: h.indexOf("Score") }], rows: { header: AT.trendHeader, count: 4 } }]);
  });

  it("gives each block's rows their own formats, and title and header rows none", () => {
    const s = review();
    expect(rowPatterns(s, AT.trendHeader)).toBeUndefined();
    expect(rowPatterns(s, AT.trendTitle)).toBeUndefined();
    expect(rowPatterns(s, AT.lastPeriod)!.slice(0, 4)).toEqual(["General", "yyyy-mm-dd", "yyyy-mm-dd", "0"]);
    expect(rowPatterns(s, 3)!.slice(0, 2)).toEqual(["General", "0.0"]);
    const f = formatRows(s, AT.trendTitle, 3);
    expect(f.first).toBe(AT.trendTitle);
    expect(f.rows.map((r) => r[1])).toEqual(["General", "General", "yyyy-mm-dd"]);
    expect(headerRows(s).map((x) => x.row)).toEqual([AT.trendHeader, AT.breakdownHeader, AT.attentionHeader]);
    expect(titleRows(s)).toEqual([0, AT.trendTitle, AT.breakdownHeader - 1, AT.attentionTitle]);
  });

  it("keeps a single table as it was: one header row, formats from row 1", () => {
    const table = { patterns: ["General", "0.0"], values: [["Vendor", "Score"], ["Acme", 1], ["Birch", 2]] };
    expect(headerRows(table)).toEqual([{ row: 0, columns: 2 }]);
    expect(formatRows(table, 0, 3)).toEqual({ first: 1, rows: [["General", "0.0"], ["General", "0.0"]] });
    expect(titleRows({})).toEqual([]);
  });

  it("says what to do when no vendor is chosen, and names an unknown vendor", () => {
    const none = buildReport({ kind: "review", source: LINES, config: REVIEW_WEIGHTS, asOf: AS_OF }, cx);
    expect(isCoreError(none) && none.message).toMatch(/choose the vendor/);
    const unknown = buildReport({ kind: "review", source: LINES, config: REVIEW_WEIGHTS, asOf: AS_OF, vendor: "Zed" }, cx);
    expect(isCoreError(unknown) && unknown.message).toMatch(/Zed/);
  });

  it("adds the vendor's tier to the title block when the data gives one", () => {
    const tiered = LINES.map((r, i) => [...r, i === 0 ? "Tier" : "Strategic partner"]);
    const r = buildReport({ kind: "review", source: tiered, config: REVIEW_WEIGHTS, asOf: AS_OF, vendor: "Acme" }, cx);
    if (isCoreError(r)) throw r;
    expect(r.values[6]!.slice(0, 2)).toEqual(["Tier", "Strategic partner"]);
    expect(r.values[9]![0]).toBe("Period");
  });

  it("reviews by quarter when the weights name no period", () => {
    const weights = REVIEW_WEIGHTS.filter((r) => r[0] !== "period");
    const r = buildReport({ kind: "review", source: LINES, config: weights, asOf: AS_OF, vendor: "Acme" }, cx);
    if (isCoreError(r)) throw r;
    expect(r.values[2]!.slice(0, 2)).toEqual(["Period", "2025-Q1"]);
  });
});

describe("needs attention", () => {
  it.each([
    ["a higher-is-better KPI under its floor", ["On time", 0.5, 0.95, 0.8], "floor"],
    ["a higher-is-better KPI between floor and target", ["On time", 0.9, 0.95, 0.8], "target"],
    ["a lower-is-better KPI past its floor", ["Defect rate", 0.2, 0.01, 0.1], "floor"],
    ["a lower-is-better KPI between target and floor", ["Defect rate", 0.05, 0.01, 0.1], "target"],
  ])("lists %s", (_, kpi, misses) => {
    expect(needsAttention([["KPI", "Value", "Target", "Floor"], kpi])).toEqual([["KPI", "Value", "Target", "Floor", "Misses"], [...kpi, misses]]);
  });

  it.each([
    ["a KPI at its target", ["On time", 0.95, 0.95, 0.8]],
    ["a KPI without data (never taken as zero)", ["On time", "", 0.95, 0.8]],
    ["a KPI without a floor", ["On time", 0.1, 0.95, ""]],
  ])("leaves out %s", (_, kpi) => {
    expect(needsAttention([["KPI", "Value", "Target", "Floor"], kpi])).toHaveLength(1);
  });

  it.each([[5, "▲"], [-0.1, "▼"], [0, "►"], ["", ""]])("marks a change of %p with %p", (change, arrow) => {
    expect(trendArrow(change)).toBe(arrow);
  });
});

describe("the vendors a source names", () => {
  it("lists the vendor column's values once each, in any case, alphabetically, blanks left out", () => {
    expect(vendorsIn("review", [["PO", "Supplier"], ["1", "Birch"], ["2", "Acme"], ["3", "acme "], ["4", ""]])).toEqual(["Acme", "Birch"]);
  });

  it("reads the column a mapping row names", () => {
    expect(vendorsIn("review", [["Company", "Qty"], ["Cobalt", 1]], [["vendor", "Company"]])).toEqual(["Cobalt"]);
  });

  it("lists none when no column answers to the vendor", () => {
    expect(vendorsIn("review", [["Company", "Qty"], ["Cobalt", 1]])).toEqual([]);
  });
});

describe("the review's SLA part", () => {
  const tickets = [["Ticket", "Vendor", "Priority", "Opened", "Resolved"], ["T1", "Birch", "P1", d(3, 3) + 0.4, d(3, 3) + 0.45]] as CellValue[][];

  it("says so when the tickets name no ticket of the vendor, and the rest of the review stands", () => {
    const r = buildReport({ kind: "review", source: LINES, tickets, config: REVIEW_WEIGHTS, asOf: AS_OF, vendor: "Acme" }, cx);
    if (isCoreError(r)) throw r;
    const at = r.values.findIndex((row) => row[0] === "SLA");
    expect(r.values[at + 1]![0]).toBe('The tickets name no ticket of "Acme".');
    expect(r.values.some((row) => row[0] === "Needs attention")).toBe(true);
  });

  it("counts a ticket resolved inside its target as met, in the period it was opened", () => {
    // P1: 4 hours round the clock; opened 09:36, resolved 10:48 on 3 March.
    const r = buildReport({ kind: "review", source: LINES, tickets, config: REVIEW_WEIGHTS, asOf: AS_OF, vendor: "Birch" }, cx);
    expect(isCoreError(r)).toBe(true); // Birch has no purchase-order line: the review names the vendor it cannot find
    const mine = tickets.map((row, i) => (i === 0 ? row : [row[0], "Acme", ...row.slice(2)]));
    const ok = buildReport({ kind: "review", source: LINES, tickets: mine, config: REVIEW_WEIGHTS, asOf: AS_OF, vendor: "Acme" }, cx);
    if (isCoreError(ok)) throw ok;
    const at = ok.values.findIndex((row) => row[0] === "SLA compliance");
    expect(ok.values[at + 3]!.slice(0, 5)).toEqual(["2025-03", 1, 1, 0, 1]);
    expect(ok.values[ok.values.findIndex((row) => row[0] === "Breaches by priority, 2025-03") + 1]![0]).toBe("No ticket opened this period breached its target.");
  });

  it("places each ticket of an event log in the period of its own opening", () => {
    // T1 opened in February and logged three times; T2 opened in March. Both met their 4 hours.
    const log = [
      ["Ticket", "Vendor", "Priority", "Opened", "Resolved", "Updated", "Status"],
      ["T1", "Acme", "P1", d(2, 10) + 0.4, "", d(2, 10) + 0.4, "New"],
      ["T1", "Acme", "P1", d(2, 10) + 0.4, "", d(2, 10) + 0.42, "In progress"],
      ["T1", "Acme", "P1", d(2, 10) + 0.4, d(2, 10) + 0.45, d(2, 10) + 0.45, "Resolved"],
      ["T2", "Acme", "P1", d(3, 3) + 0.4, d(3, 3) + 0.45, d(3, 3) + 0.45, "Resolved"],
    ] as CellValue[][];
    const ok = buildReport({ kind: "review", source: LINES, tickets: log, config: REVIEW_WEIGHTS, asOf: AS_OF, vendor: "Acme" }, cx);
    if (isCoreError(ok)) throw ok;
    const at = ok.values.findIndex((row) => row[0] === "SLA compliance");
    const period = (label: string) => ok.values.slice(at).find((row) => row[0] === label)!.slice(0, 5);
    expect(period("2025-02")).toEqual(["2025-02", 1, 1, 0, 1]);
    expect(period("2025-03")).toEqual(["2025-03", 1, 1, 0, 1]);
  });
});
