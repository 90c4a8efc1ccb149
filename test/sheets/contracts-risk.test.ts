import { AMBER_FILL, GREY_FILL, KIND_INFO, RED_FILL } from "../../core/report";
import type { PanelRequest } from "../../panel/host";
import { buildBundle, sampleSession } from "../../doubles/sheets/bundle";
import { instantIn, sampleCsv, typed } from "../../doubles/sheets/sample";
import type { FakeRule, FakeSheet } from "../../doubles/sheets/spreadsheet";
import { serial } from "../helpers/sheet";

// The Contracts and Vendor risk reports written by the built add-on against the Sheets fakes.
let dir = "";
beforeAll(() => (dir = buildBundle()), 60_000);

const ZONE = "America/New_York";

function session() {
  const s = sampleSession(dir, ZONE);
  for (const [name, file] of [["Contracts data", "contracts"], ["Risk register", "risk"]] as const) {
    const grid = typed(sampleCsv(file), (w) => instantIn(ZONE, w));
    s.ss.insertSheet(name).getRange(1, 1, grid.length, grid[0]!.length).setValues(grid);
  }
  return s;
}

const request = (kind: "contracts" | "risk", sheet: string, output: string): PanelRequest => ({
  kind, source: { type: "range", sheet, address: "A:Z" }, config: KIND_INFO[kind].config.defaults, calendar: [], asOf: serial("2025-03-31"), output,
});

describe("the Contracts and Vendor risk reports in Sheets", () => {
  it("writes the contracts soonest notice first, with red, amber and grey rules on the Status column", () => {
    const { ss, gas } = session();
    expect(gas.vendorscoreGenerate!(request("contracts", "Contracts data", "Contracts"))).toMatchObject({ ok: true });
    const out = ss.getSheetByName("Contracts") as FakeSheet;
    const values = out.getDataRange().getValues();
    expect(values.map((r) => r[0])).toEqual(["Contract", "C-104", "C-101", "C-103", "C-102", "C-105"]);
    const status = String.fromCharCode(65 + values[0]!.indexOf("Status"));
    const rules = (out.getConditionalFormatRules() as FakeRule[]).filter((r) => r.formula).map((r) => [r.formula, r.background]);
    expect(rules).toEqual([
      [`=LOWER($${status}2)="notice passed"`, RED_FILL],
      [`=LOWER($${status}2)="notice due"`, AMBER_FILL],
      [`=LOWER($${status}2)="expired"`, GREY_FILL],
    ]);
  });

  it("writes the risk register as one heat map over its dimensions and risk index", () => {
    const { ss, gas } = session();
    expect(gas.vendorscoreGenerate!(request("risk", "Risk register", "Vendor risk"))).toMatchObject({ ok: true });
    const out = ss.getSheetByName("Vendor risk") as FakeSheet;
    expect(out.getDataRange().getValues()[0]).toEqual(["Vendor", "Financial", "Cyber", "Continuity", "ESG", "Risk index"]);
    expect((out.getConditionalFormatRules() as FakeRule[]).filter((r) => r.gradient).map((r) => r.ranges)).toEqual([["B2:F6"]]);
  });
});
