import type { PanelRequest } from "../../panel/host";
import { buildBundle, sampleSession } from "../../doubles/sheets/bundle";
import { instantIn, sampleCsv, typed } from "../../doubles/sheets/sample";
import type { FakeChart, FakeSheet, FakeSpreadsheet } from "../../doubles/sheets/spreadsheet";
import { serial } from "../helpers/sheet";
import { ATTENTION, AT, PERIOD_ROWS, REVIEW_VENDOR, REVIEW_WEIGHTS, TITLE_BLOCK, round4, tieredLines } from "../helpers/review";

let dir = "";
beforeAll(() => (dir = buildBundle()), 60_000);

const AS_OF = serial("2025-03-31");
type Result = { ok: boolean; message: string };
type Gas = ReturnType<typeof sampleSession>["gas"];

/** A business review of Delta Plastics generated through the built bundle. */
function generate(): { ss: FakeSpreadsheet; gas: Gas; po: FakeSheet; out: FakeSheet } {
  const { ss, gas, po } = sampleSession(dir, "America/New_York");
  const request: PanelRequest = { kind: "review", source: { type: "range", sheet: "PO lines", address: "A:Z" }, vendor: REVIEW_VENDOR, config: REVIEW_WEIGHTS, calendar: [], asOf: AS_OF, output: "Review Delta" };
  expect(gas.vendorscoreGenerate!(request) as Result).toMatchObject({ ok: true });
  return { ss, gas, po: po as unknown as FakeSheet, out: ss.getSheetByName("Review Delta") as FakeSheet };
}

const grid = (out: FakeSheet) => out.getDataRange().getValues();
const a1 = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;

describe("the business review in Sheets", () => {
  it("writes the title block, the KPIs by period with their arrows and formats, the breakdown and what needs attention", () => {
    const { out } = generate();
    const values = grid(out);
    TITLE_BLOCK.forEach((cells, r) => expect(values[r]!.slice(0, cells.length).map(round4)).toEqual(cells));
    const h = values[AT.trendHeader]!.map(String);
    const pick = ["Period", "Lines", "Score", "Grade", "Change", "Trend"].map((n) => h.indexOf(n));
    PERIOD_ROWS.forEach((want, i) => expect(pick.map((c) => round4(values[AT.firstPeriod + i]![c]))).toEqual(want));
    const formats = out.getRange(AT.lastPeriod + 1, 1, 1, h.length).getNumberFormats()[0]!;
    expect([formats[h.indexOf("Start")], formats[h.indexOf("On time")], formats[h.indexOf("Score")], formats[h.indexOf("Trend")]]).toEqual(["yyyy-mm-dd", "0.0%", "0.0", "General"]);
    expect(out.getRange(4, 2).getNumberFormats()[0]![0]).toBe("0.0");
    // Each table's header row is styled, and each block's title is bold.
    const styles = out._styles;
    expect(styles).toContainEqual({ range: `A${AT.trendHeader + 1}:O${AT.trendHeader + 1}`, background: "#1F4E78" });
    expect(styles).toContainEqual({ range: `A${AT.attentionTitle + 1}`, fontWeight: "bold" });
    expect(out.getRange(AT.breakdownHeader + 2, 1, 1, 5).getNumberFormats()[0]).toEqual(["General", "0.0%", "0.0%", "0.0%", "0.0"]);
    const listed = values.slice(AT.attentionHeader + 1).filter((r) => r[0] !== "").map((r) => [r[0], round4(r[1]), r[4]]);
    expect(listed).toEqual(ATTENTION.map(([k, v, m]) => [k, round4(v), m]));
  });

  it("draws the score over the periods as a line chart from the table's own Period and Score cells, nothing beside the table", () => {
    const { out } = generate();
    const charts = out.getCharts() as FakeChart[];
    expect(charts).toHaveLength(1);
    const h = grid(out)[AT.trendHeader]!.map(String);
    const score = h.indexOf("Score");
    expect(charts[0]).toMatchObject({
      type: "LINE",
      ranges: [`${a1(AT.trendHeader, 0)}:${a1(AT.lastPeriod, 0)}`, `${a1(AT.trendHeader, score)}:${a1(AT.lastPeriod, score)}`],
      options: expect.objectContaining({ title: "Delta Plastics: score by period", numHeaders: 1 }),
      hiddenDimensionStrategy: "IGNORE_BOTH",
    });
    for (const row of grid(out)) expect(row.slice(h.length).filter((v) => v !== "")).toEqual([]);
  });

  it("refreshes from the data as it is now, and a failed refresh keeps the last good sheet with a note saying why", () => {
    const { gas, po, out } = generate();
    const data = po.getDataRange().getValues();
    const vendor = (data[0] as string[]).indexOf("Vendor");
    // Delta Plastics' lines now belong to another vendor: the refresh fails, the review stays.
    const before = grid(out);
    data.forEach((r, i) => i > 0 && r[vendor] === REVIEW_VENDOR && po.getRange(i + 1, vendor + 1).setValue("Someone Else"));
    const failed = gas.vendorscoreRefreshAll!() as Result;
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/Delta Plastics/);
    expect(grid(out)).toEqual(before);
    expect(out.getRange(1, 1).getNote()).toMatch(/failed[\s\S]*Delta Plastics/);
    // Back under its name, the next refresh succeeds and writes the review again.
    data.forEach((r, i) => i > 0 && r[vendor] === REVIEW_VENDOR && po.getRange(i + 1, vendor + 1).setValue(REVIEW_VENDOR));
    expect((gas.vendorscoreRefreshAll!() as Result).ok).toBe(true);
    expect(grid(out)).toEqual(before);
    expect(out.getRange(1, 1).getNote()).toMatch(/refreshed/);
  });
});

describe("business reviews for every vendor of a tier in Sheets", () => {
  it("writes one sheet per vendor of the tier, at most 25, each with its line chart over its own cells, and says how many were left out", () => {
    const { ss, gas } = sampleSession(dir, "America/New_York", tieredLines());
    const request: PanelRequest = { kind: "review", source: { type: "range", sheet: "PO lines", address: "A:Z" }, group: { by: "tier", name: "Key" }, config: REVIEW_WEIGHTS, calendar: [], asOf: AS_OF, output: "Reviews" };
    const r = gas.vendorscoreGenerate!(request) as Result & { notice?: string };
    expect(r).toMatchObject({ ok: true, notice: '30 vendors have the tier "Key": the first 25 by name have a review sheet, 5 do not.' });
    const reviews = ss.getSheets().filter((s) => / review$/.test(s.getName())) as FakeSheet[];
    expect(reviews.map((s) => s.getName())).toEqual(Array.from({ length: 25 }, (_, i) => `Vendor ${String(i + 1).padStart(2, "0")} review`));
    for (const out of reviews) {
      const values = grid(out);
      expect(values[1]!.slice(0, 2)).toEqual(["Vendor", out.getName().replace(/ review$/, "")]);
      expect(values[6]!.slice(0, 2)).toEqual(["Tier", "Key"]);
      const header = values.findIndex((row) => row[0] === "Period" && row[1] === "Start");
      const score = (values[header] as string[]).indexOf("Score");
      const charts = out.getCharts() as FakeChart[];
      expect(charts).toHaveLength(1);
      expect(charts[0]!.type).toBe("LINE");
      expect(charts[0]!.ranges).toEqual([`${a1(header, 0)}:${a1(header + 4, 0)}`, `${a1(header, score)}:${a1(header + 4, score)}`]);
      expect(out.getRange(header + 5, score + 1).getNumberFormats()[0]![0]).toBe("0.0");
    }
  });
});

describe("the business review's SLA part in Sheets", () => {
  it("adds Delta Plastics' compliance this period and the last and its breaches by priority (hand-worked in the Excel test)", () => {
    const { ss, gas } = sampleSession(dir, "America/New_York");
    const grid = typed(sampleCsv("tickets"), (w) => instantIn("America/New_York", w));
    ss.insertSheet("Tickets").getRange(1, 1, grid.length, grid[0]!.length).setValues(grid);
    const request: PanelRequest = { kind: "review", source: { type: "range", sheet: "PO lines", address: "A:Z" }, tickets: { type: "range", sheet: "Tickets", address: "A:F" }, vendor: REVIEW_VENDOR, config: REVIEW_WEIGHTS, calendar: [], asOf: AS_OF, output: "Review" };
    expect(gas.vendorscoreGenerate!(request) as Result).toMatchObject({ ok: true });
    const out = ss.getSheetByName("Review") as FakeSheet;
    const values = out.getDataRange().getValues();
    const c = values.findIndex((row) => row[0] === "SLA compliance");
    expect(values.slice(c + 2, c + 4).map((row) => row.slice(0, 5))).toEqual([["2025-02", 0, 0, 0, ""], ["2025-03", 6, 3, 3, 0.5]]);
    expect(out.getRange(c + 4, 5).getNumberFormats()[0]![0]).toBe("0.0%");
    const b = values.findIndex((row) => row[0] === "Breaches by priority, 2025-03");
    expect(values.slice(b + 2, b + 4).map((row) => row.slice(0, 2))).toEqual([["P1", 2], ["P2", 1]]);
  });
});
