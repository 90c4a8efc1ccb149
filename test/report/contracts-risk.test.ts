import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";
import { createCatalog, isCoreError, serialOf, type CellValue, type Range } from "../../core";
import { AMBER_FILL, GREY_FILL, buildReport, kindInfo, validateConfig, sourceSummary, type ReportKind, type ReportSheet } from "../../core/report";
import { table } from "../helpers/table";

const AS_OF = serialOf(2025, 3, 31);
const cx = createCatalog({ today: () => AS_OF }).context;

function sample(file: string): Range {
  const rows = Papa.parse<string[]>(readFileSync(join(__dirname, "..", "..", "samples", file), "utf8").trim(), { skipEmptyLines: true }).data;
  return rows.map((r, i) => r.map((c): CellValue => (i > 0 && /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
}

function build(kind: ReportKind, file: string): ReportSheet {
  const r = buildReport({ kind, source: sample(file), config: kindInfo(kind).config?.defaults ?? [], asOf: AS_OF }, cx);
  if (isCoreError(r)) throw r;
  return r;
}

describe("the Contracts report", () => {
  // As of 2025-03-31: C-101 renews 2025-04-01 and its notice date (03-01) has passed; C-103's
  // notice is due by 2025-05-01 (31 days); C-104 expired 2024-12-31; C-105 starts 2025-05-01.
  const sheet = () => build("contracts", "contracts.csv");

  it("lists the contracts soonest notice date first", () => {
    expect(table(sheet().values).pick("Contract", "Status", "Days to notice")).toEqual([
      ["C-104", "expired", serialOf(2024, 10, 2) - AS_OF],
      ["C-101", "notice passed", -30],
      ["C-103", "notice due", 31],
      ["C-102", "active", 215],
      ["C-105", "not started", 365],
    ]);
  });

  it("colours notice passed red, notice due amber and expired grey, as rules on the Status column", () => {
    const s = sheet();
    const status = s.values[0]!.indexOf("Status");
    expect(s.redRule).toEqual({ column: status, equals: "notice passed" });
    expect(s.redRows).toEqual([2]);
    expect(s.fillRules).toEqual([
      { column: status, equals: "notice due", fill: AMBER_FILL },
      { column: status, equals: "expired", fill: GREY_FILL },
    ]);
    expect(s.colorScale).toBeNull();
  });

  it("sums up the notice-due contracts for the reports list", () => {
    expect(sheet().summary).toBe("1 notice due");
    expect(build("risk", "risk.csv").summary).toBe("");
  });

  it("shows Start, End and Notice by as dates, money as currency, utilisation as a percent", () => {
    const s = sheet();
    const f = Object.fromEntries(s.values[0]!.map((h, i) => [h, s.patterns[i]]));
    expect(f).toMatchObject({ Start: "yyyy-mm-dd", End: "yyyy-mm-dd", "Notice by": "yyyy-mm-dd", "Days to notice": "0", Value: "#,##0.00", Utilisation: "0.0%" });
  });

  it("keeps rows with a problem, after every dated row", () => {
    const source: Range = [["Contract", "Vendor", "End"], ["K1", "Acme", "not a date"], ["K2", "Bolt", "2025-06-30"]];
    const r = buildReport({ kind: "contracts", source, config: [], asOf: AS_OF }, cx);
    if (isCoreError(r)) throw r;
    expect(table(r.values).column("Contract")).toEqual(["K2", "K1"]);
  });
});

describe("the Vendor risk report", () => {
  const sheet = () => build("risk", "risk.csv");

  it("spills each dimension and the risk index, riskiest first", () => {
    // Cobalt: financial 5 (latest) -> 100, continuity 4 -> 75: 87.5. Birch (75 + 25) / 2 = 50.
    // Acme (25 + 50 + 25) / 3 = 33.3. Evergreen ESG 3 -> 50. Delta cyber 1 -> 0.
    const t = table(sheet().values);
    expect(t.header).toEqual(["Vendor", "Financial", "Cyber", "Continuity", "ESG", "Risk index"]);
    expect(t.pick("Vendor", "Risk index")).toEqual([
      ["Cobalt Components", 87.5],
      ["Birch Logistics", 50],
      ["Evergreen Packaging", 50],
      ["Acme Metals", 100 / 3],
      ["Delta Plastics", 0],
    ]);
  });

  it("draws the dimensions and the risk index, all on 0-100, as one heat map, red for high risk", () => {
    const s = sheet();
    expect(s.colorScale).toEqual({ column: 1, columns: 5, higherIsBetter: false });
    expect(s.formats).toEqual(["text", "number", "number", "number", "number", "number"]);
  });

  it("takes the pane's risk weights table", () => {
    const config = [["setting", "dimension", "weight"], ["risk_weight", "Financial", 3], ["risk_weight", "Cyber", 1], ["risk_weight", "Continuity", 1], ["risk_weight", "ESG", 1]];
    const r = buildReport({ kind: "risk", source: sample("risk.csv"), config, asOf: AS_OF }, cx);
    if (isCoreError(r)) throw r;
    // Cobalt (3 x 100 + 75) / 4 = 93.75.
    expect(table(r.values).row("Cobalt Components").get("Risk index")).toBe(93.75);
  });
});

describe("the pane's tables for the two reports, checked by their functions' parsers", () => {
  it("places a bad risk weight and a bad setting at their rows", () => {
    expect(validateConfig("risk", [["setting", "dimension", "weight"], ["risk_weight", "Cyber", "heavy"]], [], cx)).toEqual([{ table: "config", row: 1, column: 2, message: expect.stringContaining("heavy") }]);
    expect(validateConfig("contracts", [["setting", "value"], ["date_order", "YDM"]], [], cx)).toEqual([{ table: "config", row: 1, column: 1, message: expect.stringContaining("date_order") }]);
  });

  it("takes their defaults and the column form's mapping rows as they are", () => {
    expect(validateConfig("risk", [...kindInfo("risk").config!.defaults, ["score", "Likelihood"]], [], cx)).toEqual([]);
    expect(validateConfig("contracts", [...kindInfo("contracts").config!.defaults, ["end", "Expiry"], ["auto_renew", "Rolls over"]], [], cx)).toEqual([]);
  });
});

describe("what the panes say about a contracts range or a register before Generate", () => {
  it("counts the rows and names the fields not found, reading the settings' mapping rows without complaint", () => {
    const settings = [...kindInfo("contracts").config!.defaults, ["end", "Expiry"]];
    expect(sourceSummary("contracts", sample("contracts.csv"), settings, cx)).toEqual({ lines: ["5 rows under the header"], problem: "" });
    expect(sourceSummary("risk", sample("risk.csv"), [["risk_weight", "Cyber", 2]], cx)).toEqual({ lines: ["10 rows under the header", "Not found: Weight"], problem: "" });
  });
});
