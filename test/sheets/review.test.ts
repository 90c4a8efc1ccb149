import { KIND_INFO, type ReportKind } from "../../core/report";
import type { ResultGrid } from "../../core";
import type { PanelRequest } from "../../panel/host";
import { buildBundle, sampleSession } from "../../doubles/sheets/bundle";
import { sampleCsv } from "../../doubles/sheets/sample";
import type { FakeRule, FakeSheet } from "../../doubles/sheets/spreadsheet";
import { serial } from "../helpers/sheet";

let dir = "";
beforeAll(() => (dir = buildBundle()), 60_000);

const AS_OF = serial("2025-03-31");

/** The default weights of a kind without its period rows, then `extra` rows. */
function weights(kind: ReportKind, extra: ResultGrid): ResultGrid {
  const base = (KIND_INFO[kind] as { config: { defaults: ResultGrid } }).config.defaults.filter((r) => r[0] !== "period" && r[0] !== "history");
  return [...base, ...extra];
}

/** A report generated from the sample purchase-order lines (January to March 2025) through the built bundle. */
function generate(kind: ReportKind, config: ResultGrid): FakeSheet {
  const { ss, gas } = sampleSession(dir, "America/New_York", sampleCsv("po-lines"));
  const request: PanelRequest = { kind, source: { type: "range", sheet: "PO lines", address: "A:Z" }, config, calendar: [], asOf: AS_OF, output: kind };
  expect(gas.vendorscoreGenerate!(request)).toMatchObject({ ok: true });
  return ss.getSheetByName(kind) as FakeSheet;
}

const grid = (out: FakeSheet) => out.getDataRange().getValues();

describe("the Trends report in Sheets", () => {
  it("writes VENDORTRENDS as a heat map: one gradient over every period column, scores formatted, best first in the last period", () => {
    const out = generate("trends", weights("trends", [["period", "month", "", ""], ["history", 3, "", ""]]));
    const values = grid(out);
    expect(values[0]).toEqual(["Vendor", "2025-01", "2025-02", "2025-03"]);
    expect(out.getRange(2, 1, 1, 4).getNumberFormats()[0]).toEqual(["General", "0.0", "0.0", "0.0"]);
    const rules = out.getConditionalFormatRules() as FakeRule[];
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ gradient: { min: "#F8696B", max: "#63BE7B" }, ranges: [`B2:D${values.length}`] });
    const march = values.slice(1).map((r) => r[3]).filter((v): v is number => typeof v === "number");
    expect(march).toEqual([...march].sort((a, b) => b - a));
    expect(out.getCharts()).toHaveLength(0);
  });
});

describe("the scorecard report with standings in Sheets", () => {
  it("colours each row by its standing's colour instead of the grade-D red, and ends with the Action column", () => {
    const out = generate("scorecard", weights("scorecard", [
      ["standing", "Very Poor", 0, 30, "red", "block"],
      ["standing", "Poor", 30, 50, "yellow", "warn"],
      ["standing", "Average", 50, 80, "green", ""],
      ["standing", "Excellent", 80, 100, "blue", ""],
    ]));
    const values = grid(out);
    const h = values[0] as string[];
    expect(h.at(-1)).toBe("Action");
    const grade = String.fromCharCode(65 + h.indexOf("Grade"));
    const fills = (out.getConditionalFormatRules() as FakeRule[]).filter((r) => r.formula);
    expect(fills.map((r) => [r.formula, r.background, r.fontColor])).toEqual([
      [`=LOWER($${grade}2)="very poor"`, "#C00000", undefined],
      [`=LOWER($${grade}2)="poor"`, "#FFC000", undefined],
      [`=LOWER($${grade}2)="average"`, "#70AD47", undefined],
      [`=LOWER($${grade}2)="excellent"`, "#4472C4", undefined],
    ]);
  });
});
