import { GRADE_COLORS, KIND_INFO } from "../../core/report";
import type { PanelRequest } from "../../panel/host";
import { buildBundle, sampleSession } from "../../doubles/sheets/bundle";
import { sampleCsv } from "../../doubles/sheets/sample";
import type { FakeChart, FakeSheet, FakeSpreadsheet } from "../../doubles/sheets/spreadsheet";
import { serial } from "../helpers/sheet";

let dir = "";
beforeAll(() => (dir = buildBundle()), 60_000);

const AS_OF = serial("2025-03-31");
type Result = { ok: boolean; message: string };

/** Generates a report of `kind` in the sample spreadsheet through the built bundle; `blankRiskOf` empties a vendor's supply risk. */
function generate(kind: "scorecard" | "segments", blankRiskOf?: string): { ss: FakeSpreadsheet; out: FakeSheet } {
  const rows = sampleCsv("po-lines");
  const [vendor, risk] = [rows[0]!.indexOf("Vendor"), rows[0]!.indexOf("Supply Risk")];
  const source = blankRiskOf ? rows.map((row, r) => (r > 0 && row[vendor] === blankRiskOf ? row.map((c, i) => (i === risk ? "" : c)) : row)) : rows;
  const { ss, gas } = sampleSession(dir, "America/New_York", source);
  const request: PanelRequest = { kind, source: { type: "range", sheet: "PO lines", address: "A:Z" }, config: KIND_INFO[kind].config.defaults, calendar: [], asOf: AS_OF, output: kind };
  expect(gas.vendorscoreGenerate!(request) as Result).toMatchObject({ ok: true });
  return { ss, out: ss.getSheetByName(kind) as FakeSheet };
}

/** 1-based column of a header in the report. */
const col = (out: FakeSheet, name: string) => (out.getDataRange().getValues()[0] as string[]).indexOf(name) + 1;
const letter = (c: number) => String.fromCharCode(64 + c);
/** A column of the table, header included, as a chart range reads it. */
const columnA1 = (out: FakeSheet, name: string) => `${letter(col(out, name))}1:${letter(col(out, name))}${out.getLastRow()}`;
const values = (out: FakeSheet, a1: string) => out.getRange(a1).getValues().slice(1).map((r) => r[0]);
/** Every cell right of the table is empty: no helper block beside it. */
function nothingBeside(out: FakeSheet): void {
  const grid = out.getDataRange().getValues();
  const width = (grid[0] as unknown[]).filter((h) => h !== "").length;
  for (const row of grid) expect(row.slice(width).filter((v) => v !== "")).toEqual([]);
}

describe("charts on the Sheets report sheets", () => {
  it("draws the scorecard's Score by vendor as a bar chart from its own Vendor and Score columns, in rank order, with the grade colours recorded", () => {
    const { out } = generate("scorecard");
    const charts = out.getCharts() as FakeChart[];
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart).toMatchObject({ type: "BAR", ranges: [columnA1(out, "Vendor"), columnA1(out, "Score")], options: expect.objectContaining({ title: "Score by vendor", numHeaders: 1 }) });
    const scores = values(out, chart!.ranges[1]!) as number[];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const grades = values(out, columnA1(out, "Grade")).map(String);
    expect(chart!.options["vendorscore.pointColors"]).toEqual([grades.map((g) => GRADE_COLORS[g])]);
    nothingBeside(out);
    expect(out._autoResized).toEqual([[1, col(out, "Rank")]]);
  });

  it("draws the segments' ABC Pareto as a combo of Spend bars and a Cumulative share line on the second axis, from the table's columns", () => {
    const { out } = generate("segments");
    const pareto = (out.getCharts() as FakeChart[]).find((c) => c.type === "COMBO")!;
    expect(pareto.ranges).toEqual([columnA1(out, "Vendor"), columnA1(out, "Spend"), columnA1(out, "Cumulative share")]);
    expect(pareto.options).toMatchObject({ seriesType: "bars", series: { 0: { type: "bars", targetAxisIndex: 0 }, 1: { type: "line", targetAxisIndex: 1 } } });
    nothingBeside(out);
  });

  it("draws the Kraljic matrix as a scatter of Supply risk by Spend share, labels for the vendors with a supply risk only", () => {
    const { out } = generate("segments", "Acme Metals");
    const kraljic = (out.getCharts() as FakeChart[]).find((c) => c.type === "SCATTER")!;
    expect(kraljic.ranges).toEqual([columnA1(out, "Spend share"), columnA1(out, "Supply risk")]);
    expect(kraljic.options).toMatchObject({ title: expect.stringMatching(/Kraljic/), hAxis: { title: expect.stringMatching(/Profit impact/) }, vAxis: { title: expect.stringMatching(/Supply risk/) } });
    const vendors = values(out, columnA1(out, "Vendor")).map(String);
    const risks = values(out, columnA1(out, "Supply risk"));
    const [labels] = kraljic.options["vendorscore.pointLabels"] as string[][];
    expect(vendors.filter((_, i) => labels![i])).toEqual(vendors.filter((_, i) => typeof risks[i] === "number"));
    expect(vendors.filter((_, i) => labels![i])).not.toContain("Acme Metals");
    nothingBeside(out);
  });
});
