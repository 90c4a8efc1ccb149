import { KIND_INFO } from "../../core/report";
import type { PanelRequest } from "../../panel/host";
import { buildBundle, sampleSession } from "../../doubles/sheets/bundle";
import type { FakeSheet, FakeSpreadsheet } from "../../doubles/sheets/spreadsheet";
import { serial } from "../helpers/sheet";

// Reports as entities in the Sheets add-on, through the built bundle on the Apps Script fakes
// (which refuse a property value over 9 KB and a store over 500 KB, as Apps Script does).
let dir = "";
beforeAll(() => (dir = buildBundle()), 60_000);

type Result = { ok: boolean; message: string; reportId?: string };
const sheet = (ss: FakeSpreadsheet, name: string) => ss.getSheetByName(name) as FakeSheet;
const request = (extra: Partial<PanelRequest> = {}): PanelRequest => ({
  kind: "scorecard", source: { type: "range", sheet: "PO lines", address: "A1:N41" }, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: serial("2025-03-31"), output: "Scorecard", ...extra,
});

describe("reports in Google Sheets", () => {
  it("generated again after an edit update the same sheet and definition; the sheet carries the report's marker", () => {
    const { world, ss, gas } = sampleSession(dir, "America/New_York");
    const first = gas.vendorscoreGenerate!(request()) as Result;
    const id = sheet(ss, "Scorecard").getSheetId();
    const again = gas.vendorscoreGenerate!(request({ id: first.reportId!, config: [["kpi", "weight"], ["in_full", 1]] })) as Result;
    expect(again).toMatchObject({ ok: true, reportId: first.reportId });
    expect(sheet(ss, "Scorecard").getSheetId()).toBe(id);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["PO lines", "Scorecard"]);
    expect(Object.keys(world.props(ss)._data).filter((k) => k.startsWith("vendorscore.report."))).toHaveLength(1);
    expect(sheet(ss, "Scorecard")._metadata).toEqual([{ key: "vendorscore.report", value: `${first.reportId}@${sheet(ss, "Scorecard").getSheetId()}` }]);
  });

  it("keeps a definition larger than a property holds (600 holiday rows) in parts, and reads it back whole", () => {
    const { world, ss, gas } = sampleSession(dir, "America/New_York");
    const tickets = ss.insertSheet("Tickets");
    tickets.getRange(1, 1, 2, 5).setValues([["Ticket", "Vendor", "Priority", "Opened", "Resolved"], ["T1", "Acme", "P2", "2025-03-03 09:00", "2025-03-04 10:00"]]);
    const holidays = Array.from({ length: 600 }, (_, i) => ["holiday", `20${String(30 + Math.floor(i / 300)).padStart(2, "0")}-${String(1 + Math.floor((i % 300) / 28)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`]);
    const calendar = [["workdays", "Mon-Fri"], ["hours", "09:00-17:00"], ...holidays];
    const r = gas.vendorscoreGenerate!({ kind: "sla", source: { type: "range", sheet: "Tickets", address: "A1:E2" }, config: KIND_INFO.sla.config.defaults, calendar, asOf: serial("2025-03-31"), output: "SLA" }) as Result;
    expect(r.ok).toBe(true);
    const parts = Object.entries(world.props(ss)._data).filter(([k]) => k.startsWith("vendorscore.report."));
    expect(parts.length).toBeGreaterThan(1);
    for (const [, v] of parts) expect(Buffer.byteLength(v, "utf8")).toBeLessThanOrEqual(9 * 1024);
    const opened = gas.vendorscoreOpenReport!(r.reportId!, false) as { calendar: unknown[][] };
    expect(opened.calendar).toHaveLength(602);
    expect((gas.vendorscoreRefreshAll!() as Result).message).toBe("Refreshed 1 report.");
  });

  it("refreshes each report on its own: one broken among three fails alone, the others are refreshed", () => {
    const { ss, gas } = sampleSession(dir, "America/New_York");
    const other = ss.insertSheet("Other");
    other.getRange(1, 1, 2, 2).setValues([["Vendor", "Amount"], ["Acme", 5]]);
    for (const [output, source] of [["One", "PO lines"], ["Two", "Other"], ["Three", "PO lines"]] as const) {
      const range = source === "Other" ? "A1:B2" : "A1:N41";
      expect((gas.vendorscoreGenerate!(request({ output, source: { type: "range", sheet: source, address: range } })) as Result).ok).toBe(true);
    }
    other.getRange(1, 1, 1, 2).setValues([["Item", "Amount"]]);
    const r = gas.vendorscoreRefreshAll!() as Result;
    expect(r.message).toMatch(/^Refreshed 2, failed 1\. Two: .*No vendor column/);
    const list = gas.vendorscoreReports!() as { output: string; lastError: string }[];
    expect(Object.fromEntries(list.map((x) => [x.output, x.lastError === ""]))).toEqual({ One: true, Two: false, Three: true });
  });

  it("a tampered stored definition aimed at the data sheet writes nothing there", () => {
    const { world, ss, gas } = sampleSession(dir, "America/New_York");
    const first = gas.vendorscoreGenerate!(request()) as Result;
    const props = world.props(ss);
    const def = JSON.parse(props._data[`vendorscore.report.${first.reportId}`]!);
    const po = sheet(ss, "PO lines");
    props.setProperty("vendorscore.report.zzevil", JSON.stringify({ ...def, id: "zzevil", output: "PO lines", outputId: String(po.getSheetId()) }));
    const before = JSON.stringify(po.getDataRange().getValues());
    const r = gas.vendorscoreRefreshAll!() as Result;
    expect(JSON.stringify(po.getDataRange().getValues())).toBe(before);
    expect(r.message).toMatch(/failed 1\. PO lines: .*does not carry its vendorscore marker/);
  });

  it("lists a report whose stored address cannot be read with its problem, and the others as they are", () => {
    const { world, ss, gas } = sampleSession(dir, "America/New_York");
    const first = gas.vendorscoreGenerate!(request()) as Result;
    const props = world.props(ss);
    const key = `vendorscore.report.${first.reportId}`;
    props.setProperty(key, JSON.stringify({ ...JSON.parse(props._data[key]!), source: { sheet: "PO lines", address: "not an address" } }));
    const list = gas.vendorscoreReports!() as { problem: string }[];
    expect(list[0]!.problem).toMatch(/cannot be read/);
  });

  it("deletes a report and its sheet", () => {
    const { ss, gas } = sampleSession(dir, "America/New_York");
    const r = gas.vendorscoreGenerate!(request()) as Result;
    expect(gas.vendorscoreDeleteReport!(r.reportId!, true)).toMatchObject({ ok: true });
    expect(ss.getSheetByName("Scorecard")).toBeNull();
    expect(gas.vendorscoreReports!()).toEqual([]);
  });
});
