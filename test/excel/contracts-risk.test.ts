import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { AMBER_FILL, GREY_FILL, KIND_INFO, RED_FILL } from "../../core/report";
import { ExcelHost } from "../../excel-addin/host";
import { officeGlobals } from "../../doubles/excel/api";
import { addSheet, findSheet, setCell } from "../../doubles/excel/model";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../preview/sample";

// The Contracts and Vendor risk reports written through ExcelHost on the in-memory workbook.
const load = (f: string) => readFileSync(join(__dirname, "..", "..", "samples", f), "utf8");

function session() {
  const wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"));
  for (const [name, file] of [["Contracts data", "contracts.csv"], ["Risk register", "risk.csv"]] as const) {
    const sheet = addSheet(wb, name);
    Papa.parse<string[]>(load(file).trim()).data.forEach((row, r) => row.forEach((v, c) => setCell(sheet.values, r, c, /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v, "")));
  }
  return { wb, host: new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => new Date("2025-04-01T08:00:00Z") }) };
}

describe("the Contracts and Vendor risk reports in Excel", () => {
  it("writes the contracts soonest notice first, with red, amber and grey rules on the Status column", async () => {
    const { wb, host } = session();
    const r = await host.generate({ kind: "contracts", source: { type: "range", sheet: "Contracts data", address: "A1:G6" }, config: KIND_INFO.contracts.config.defaults, calendar: [], asOf: SAMPLE_AS_OF, output: "Contracts" });
    expect(r).toMatchObject({ ok: true });
    const out = findSheet(wb, "Contracts")!;
    expect(out.values.map((row) => row[0])).toEqual(["Contract", "C-104", "C-101", "C-103", "C-102", "C-105"]);
    const status = String.fromCharCode(65 + out.values[0]!.indexOf("Status"));
    const rules = out.conditionalFormats.filter((c) => c.type === "Custom").map((c) => [c.formula, c.fill]);
    expect(rules).toEqual([
      [`=$${status}2="notice passed"`, RED_FILL],
      [`=$${status}2="notice due"`, AMBER_FILL],
      [`=$${status}2="expired"`, GREY_FILL],
    ]);
    expect(out.formats[1]![out.values[0]!.indexOf("Notice by")]).toBe("yyyy-mm-dd");
  });

  it("writes the risk register as one heat map over its dimensions and risk index", async () => {
    const { wb, host } = session();
    const r = await host.generate({ kind: "risk", source: { type: "range", sheet: "Risk register", address: "A1:D11" }, config: KIND_INFO.risk.config.defaults, calendar: [], asOf: SAMPLE_AS_OF, output: "Vendor risk" });
    expect(r).toMatchObject({ ok: true });
    const out = findSheet(wb, "Vendor risk")!;
    expect(out.values[0]).toEqual(["Vendor", "Financial", "Cyber", "Continuity", "ESG", "Risk index"]);
    const scales = out.conditionalFormats.filter((c) => c.type === "ColorScale").map((c) => [c.rect.c0, c.rect.c1]);
    expect(scales).toEqual([[1, 5]]);
  });
});
