import { KIND_INFO } from "../../core/report";
import type { PanelRequest } from "../../panel/host";
import { buildBundle, sampleSession } from "../../doubles/sheets/bundle";
import { sampleCsv } from "../../doubles/sheets/sample";
import type { FakeRule, FakeSheet, FakeSpreadsheet } from "../../doubles/sheets/spreadsheet";
import { REPORTED_NAMES, withFormulaLikeVendors } from "../helpers/formula-text";
import { serial } from "../helpers/sheet";

let dir = "";
beforeAll(() => (dir = buildBundle()), 60_000);

const ZONE = "America/New_York";
const AS_OF = serial("2025-03-31");

/** A user's session: the sample spreadsheet open in Sheets with the add-on loaded. */
function session(rows = sampleCsv("po-lines")) {
  const { world, ss, po, gas } = sampleSession(dir, ZONE, rows);
  world.calls.reset();
  return { world, ss, po, gas };
}

function scorecardRequest(extra: Partial<PanelRequest> = {}): PanelRequest {
  return { kind: "scorecard", source: { type: "range", sheet: "PO lines", address: "A:Z" }, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: AS_OF, output: "Scorecard", ...extra };
}

type Result = { ok: boolean; message: string; notice?: string };
const sheet = (ss: FakeSpreadsheet, name: string) => ss.getSheetByName(name) as FakeSheet;

describe("menu", () => {
  it("installs the add-on menu on open, even in AuthMode.NONE, without touching the document", () => {
    const { world, gas } = session();
    gas.onOpen!({ authMode: "NONE" });
    expect(world.menus).toEqual([{ title: "vendorscore", items: [["Open vendorscore", "vendorscoreShowSidebar"], ["Refresh all reports now", "vendorscoreRefreshNow"], ["Scheduled refresh…", "vendorscoreShowSchedule"]] }]);
    // Only the UI: no document, property or trigger call (none is allowed in AuthMode.NONE).
    expect(world.calls.log.every((c) => /\.(getUi|createAddonMenu|addItem|addToUi)$/.test(c))).toBe(true);
    // Every menu item names a top-level function of the bundle.
    for (const [, fn] of world.menus[0]!.items) expect(typeof gas[fn]).toBe("function");
  });

  it("opens the sidebar from the built Sidebar.html, and the schedule item scrolls to the schedule", () => {
    const { world, gas } = session();
    gas.vendorscoreShowSidebar!();
    gas.vendorscoreShowSchedule!();
    expect(world.sidebars.map((s) => s.title)).toEqual(["vendorscore", "vendorscore"]);
    expect(world.sidebars[0]!.html).toContain('<div id="app"></div>');
    expect(world.sidebars[1]!.html).toContain('getElementById("vs-schedule")');
  });
});

describe("generate", () => {
  it("writes a new formatted sheet from the selected range: values, number formats, rules, frozen header, bar chart", () => {
    const { ss, gas } = session();
    const r = gas.vendorscoreGenerate!(scorecardRequest()) as Result;
    expect(r).toMatchObject({ ok: true });
    expect(r.message).toMatch(/written to "Scorecard" \(5 rows\)/);
    const out = sheet(ss, "Scorecard");
    const values = out.getDataRange().getValues();
    expect(values[0]!.slice(0, 3)).toEqual(["Vendor", "Lines", "Spend"]);
    expect(values.length).toBe(6);
    expect(out._formats[1]!.slice(0, 4)).toEqual(["General", "0", "#,##0.00", "0.0%"]);
    expect(out.getFrozenRows()).toBe(1);
    const rules = out.getConditionalFormatRules() as FakeRule[];
    expect(rules.find((x) => x.gradient)).toMatchObject({ gradient: { min: "#F8696B", max: "#63BE7B", mid: ["#FFEB84", "PERCENTILE", "50"] } });
    const grade = String.fromCharCode(65 + values[0]!.indexOf("Grade"));
    expect(rules.find((x) => x.formula)).toMatchObject({ formula: `=LOWER($${grade}2)="d"`, background: "#FFC7CE", fontColor: "#9C0006", ranges: ["A2:" + String.fromCharCode(64 + values[0]!.length) + "6"] });
    expect(out.getCharts()).toEqual([expect.objectContaining({ type: "BAR", options: expect.objectContaining({ title: "Score by vendor" }) })]);
    expect(out.getRange(1, 1).getNote()).toMatch(/refreshed 20/);
    expect(ss.getActiveSheet()).toBe(out);
  });

  it("costs no service call per row: 10,000 rows add a couple of block reads (the first measures the rows, each next at most 4x) to what 10 rows cost", () => {
    const rows = sampleCsv("po-lines");
    const many = (n: number) => [rows[0]!, ...Array.from({ length: n }, (_, i) => rows[1 + (i % (rows.length - 1))]!)];
    const count = (n: number) => {
      const s = session(many(n));
      expect((s.gas.vendorscoreGenerate!(scorecardRequest()) as Result).ok).toBe(true);
      return { calls: s.world.calls.count, reads: s.world.calls.log.filter((c) => c.endsWith(".getValues")).length, writes: s.world.calls.log.filter((c) => c.endsWith(".setValues")).length };
    };
    const small = count(10);
    const large = count(10_000);
    expect(large.writes).toBe(small.writes);
    expect(large.reads).toBe(3);
    // Each block more is one getRange and one getValues.
    expect(large.calls - small.calls).toBe(2 * (large.reads - small.reads));
    expect(small.reads).toBe(1);
    expect(small.writes).toBe(1); // the report block: the chart reads the table's own columns
  });

  it("never writes into a sheet it did not create: the report goes to \"Scorecard (2)\" and the notice says why", () => {
    const { ss, gas } = session();
    ss.insertSheet("Scorecard").getRange(1, 1).setValue("my notes");
    const r = gas.vendorscoreGenerate!(scorecardRequest()) as Result;
    expect(r.ok).toBe(true);
    expect(r.notice).toMatch(/"Scorecard" already exists and was not created by vendorscore/);
    expect(sheet(ss, "Scorecard").getDataRange().getValues()).toEqual([["my notes"]]);
    expect(sheet(ss, "Scorecard (2)").getRange(1, 1).getValue()).toBe("Vendor");
  });

  it("reads a named range as the source and reports a bad source without writing anything", () => {
    const { ss, po, gas } = session();
    ss.setNamedRange("POData", po.getDataRange());
    expect(gas.vendorscoreSources!()).toEqual([{ name: "podata", type: "named range" }]);
    expect((gas.vendorscoreGenerate!(scorecardRequest({ source: { type: "named", name: "POData" } })) as Result).ok).toBe(true);
    const before = ss.getSheets().length;
    const bad = gas.vendorscoreGenerate!(scorecardRequest({ source: { type: "named", name: "Nope" } })) as Result;
    expect(bad).toEqual({ ok: false, message: "The source Nope was not found." });
    const err = gas.vendorscoreGenerate!(scorecardRequest({ source: { type: "range", sheet: "PO lines", address: "A1:A3" } })) as Result;
    expect(err.ok).toBe(false);
    expect(err.message).toMatch(/Vendor scorecard from 'PO lines'!A1:A3: .*vendor/i);
    expect(ss.getSheets().length).toBe(before);
  });

  it("returns only plain JSON to the sidebar: no Date crosses google.script.run", () => {
    const { gas } = session();
    gas.vendorscoreGenerate!(scorecardRequest());
    for (const v of [gas.vendorscoreReports!(), gas.vendorscoreSelection!(), gas.vendorscoreGetSchedule!()]) expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    expect(gas.vendorscoreSelection!()).toEqual({ address: "'PO lines'!A1:N41", sheet: "PO lines", local: "A1:N41", rows: 41, columns: 14 });
  });
  it("writes vendor names starting with =, +, - or @ as the same text, not as formulas, and numbers as numbers", () => {
    // Held as text in the source, as a user who typed them after an apostrophe has them.
    const { ss, po, gas } = session(withFormulaLikeVendors(sampleCsv("po-lines"), 1, (name) => `'${name}`));
    expect(po.getRange(1, 1, 41, 14).getFormulas().flat().filter(Boolean)).toEqual([]);
    expect((gas.vendorscoreGenerate!(scorecardRequest()) as Result).ok).toBe(true);
    const out = sheet(ss, "Scorecard");
    const range = out.getDataRange();
    expect(range.getFormulas().flat().filter(Boolean)).toEqual([]);
    const values = range.getValues();
    const vendors = values.slice(1).map((row) => row[0]);
    expect([...vendors].sort()).toEqual([...REPORTED_NAMES].sort());
    // The chart's categories are the table's own Vendor column, and nothing is written beside the table.
    expect(out.getCharts()[0]!.ranges[0]).toBe(`A1:A${values.length}`);
    expect(values.every((row) => row.length === values[0]!.length)).toBe(true);
    // Every other data cell of the table is a number, as the core computed it.
    const grade = values[0]!.indexOf("Grade");
    for (const row of values.slice(1)) row.slice(1, grade).forEach((v) => expect(typeof v).toBe("number"));
  });
});

describe("stored reports and refresh", () => {
  it("keeps the definition in DocumentProperties and refreshes the report in place after the source is edited", () => {
    const { world, ss, po, gas } = session();
    gas.vendorscoreGenerate!(scorecardRequest());
    const stored = Object.entries(world.props(ss)._data).filter(([k]) => k.startsWith("vendorscore.report."));
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]![1])).toMatchObject({ version: 1, kind: "scorecard", source: { sheet: "PO lines", address: "A:Z" }, output: "Scorecard" });
    const out = sheet(ss, "Scorecard");
    const vendorRow = () => out.getDataRange().getValues().find((r) => r[0] === "Acme Metals")!;
    const lines = vendorRow()[1];
    // The analyst blanks out every other vendor's lines: Acme Metals is all that is left.
    const values = po.getDataRange().getValues();
    po.getDataRange().setValues(values.map((r, i) => (i === 0 || r[1] === "Acme Metals" ? r : r.map(() => ""))));
    world.now += 3_600_000;
    const r = gas.vendorscoreRefreshAll!() as Result;
    expect(r).toEqual({ ok: true, message: "Refreshed 1 report." });
    expect(out.getDataRange().getValues().filter((row) => row[0] !== "").length).toBeLessThan(6);
    expect(vendorRow()[1]).toBe(lines);
    const [status] = gas.vendorscoreReports!() as { lastRefresh: string; lastError: string }[];
    expect(status!.lastRefresh).toBe(new Date(world.now).toISOString());
    expect(world.locksHeld).toBe(0);
  });

  it("shows a corrupt or stale stored definition in the reports list with a clear message, and refreshes the others", () => {
    const { world, ss, gas } = session();
    gas.vendorscoreGenerate!(scorecardRequest());
    world.props(ss).setProperty("vendorscore.report.zzbroken", "{not json");
    world.props(ss).setProperty("vendorscore.report.zzold", JSON.stringify({ version: 0, id: "zzold" }));
    const list = gas.vendorscoreReports!() as { id: string; problem: string }[];
    expect(list.map((x) => [x.id, x.problem.split(":")[0]])).toEqual([
      [expect.any(String), ""],
      ["zzbroken", "The stored report definition is not valid JSON (was the hidden registry edited?)"],
      ["zzold", "The stored report definition has version 0; this add-in reads version 1"],
    ]);
    const r = gas.vendorscoreRefreshAll!() as Result;
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Refreshed 1, failed 2\. zzbroken: The stored report definition is not valid JSON/);
  });

  it("records a failed refresh on the report (panel list and a note on its sheet) and keeps the last good values", () => {
    const { ss, gas } = session();
    gas.vendorscoreGenerate!(scorecardRequest());
    const before = sheet(ss, "Scorecard").getDataRange().getValues();
    ss.deleteSheet(sheet(ss, "PO lines"));
    const r = gas.vendorscoreRefreshAll!() as Result;
    expect(r.ok).toBe(false);
    const [status] = gas.vendorscoreReports!() as { lastError: string; problem: string }[];
    expect(status!.lastError).toMatch(/The source 'PO lines'!A:Z of "Scorecard" no longer exists/);
    expect(status!.problem).toMatch(/no longer exists/);
    expect(sheet(ss, "Scorecard").getDataRange().getValues()).toEqual(before);
    expect(sheet(ss, "Scorecard").getRange(1, 1).getNote()).toMatch(/failed.*\n.*no longer exists/);
  });

  it("stops starting reports at its time budget, writes none half-way, and resumes the rest first on the next run", () => {
    const { world, ss, gas } = session();
    for (const name of ["R1", "R2", "R3", "R4", "R5"]) expect((gas.vendorscoreGenerate!(scorecardRequest({ output: name })) as Result).ok).toBe(true);
    // Each source read now takes 70 s: the 4-minute budget fits three reports per run.
    world.msPerRead = 70_000;
    const first = gas.vendorscoreRefreshAll!() as Result;
    expect(first.message).toBe("Refreshed 3 of 5 reports. 2 left for the next run (time limit reached).");
    const waiting = (gas.vendorscoreReports!() as { output: string; lastError: string }[]).filter((x) => x.lastError.startsWith("Not refreshed yet"));
    expect(waiting.map((x) => x.output)).toHaveLength(2);
    const notes = () => ["R1", "R2", "R3", "R4", "R5"].map((n) => sheet(ss, n).getRange(1, 1).getNote());
    const stampsBefore = notes();
    world.now += 3_600_000;
    const second = gas.vendorscoreRefreshAll!() as Result;
    expect(second.message).toMatch(/^Refreshed 3 of 5 reports\./);
    // The two left over went first.
    const changed = notes().map((n, i) => n !== stampsBefore[i]);
    expect(waiting.every((w) => changed[["R1", "R2", "R3", "R4", "R5"].indexOf(w.output)])).toBe(true);
    expect((gas.vendorscoreReports!() as { lastError: string }[]).filter((x) => x.lastError.startsWith("Not refreshed yet"))).toHaveLength(2);
    expect(world.locksHeld).toBe(0);
  });

  it("refuses to run while another refresh holds the document lock", () => {
    const { world, gas } = session();
    gas.vendorscoreGenerate!(scorecardRequest());
    world.lockBusy = true;
    expect(gas.vendorscoreRefreshAll!()).toEqual({ ok: false, message: "Another refresh of this spreadsheet is running: try again in a minute." });
  });

  it("does not generate while a refresh holds the document lock, and writes no sheet", () => {
    const { world, ss, gas } = session();
    world.lockBusy = true;
    const sheets = ss.getSheets().length;
    expect(gas.vendorscoreGenerate!(scorecardRequest())).toMatchObject({ ok: false, message: expect.stringMatching(/running/) });
    expect(ss.getSheets().length).toBe(sheets);
  });
});

describe("scheduled refresh", () => {
  it("turns one time trigger on, keeps one when asked twice, changes it in place and removes it when off", () => {
    const { world, gas } = session();
    expect(gas.vendorscoreGetSchedule!()).toBe("off");
    expect((gas.vendorscoreSetSchedule!("hourly") as Result).ok).toBe(true);
    expect((gas.vendorscoreSetSchedule!("hourly") as Result).message).toMatch(/already on/);
    expect(world.triggers).toEqual([{ uid: "1", handler: "vendorscoreScheduledRefresh", spec: { everyHours: 1, timezone: ZONE } }]);
    expect(gas.vendorscoreGetSchedule!()).toBe("hourly");
    gas.vendorscoreSetSchedule!("daily@6");
    expect(world.triggers.map((t) => t.spec)).toEqual([{ everyDays: 1, atHour: 6, timezone: ZONE }]);
    gas.vendorscoreSetSchedule!("weekly@7");
    expect(world.triggers.map((t) => t.spec)).toEqual([{ everyWeeks: 1, onWeekDay: "MONDAY", atHour: 7, timezone: ZONE }]);
    expect(gas.vendorscoreGetSchedule!()).toBe("weekly@7");
    expect(gas.vendorscoreSetSchedule!("off")).toEqual({ ok: true, message: "Scheduled refresh is off." });
    expect(world.triggers).toEqual([]);
    expect(Object.keys(world.userProps._data)).toEqual([]);
  });

  it("refuses a schedule more often than hourly (the add-on limit) without touching the trigger", () => {
    const { world, gas } = session();
    gas.vendorscoreSetSchedule!("hourly");
    const r = gas.vendorscoreSetSchedule!("15min") as Result;
    expect(r.ok).toBe(false);
    expect(world.triggers).toHaveLength(1);
  });

  it("runs the trigger for the spreadsheet it serves, with no active spreadsheet, writing values", () => {
    const { world, ss, po, gas } = session();
    gas.vendorscoreGenerate!(scorecardRequest());
    gas.vendorscoreSetSchedule!("hourly");
    po.getRange(2, 2).setValue("Zeta Supplies");
    world.active = null; // a time trigger runs with no spreadsheet open
    world.now += 3_600_000;
    gas.vendorscoreScheduledRefresh!({ triggerUid: world.triggers[0]!.uid });
    expect(sheet(ss, "Scorecard").getDataRange().getValues().some((r) => r[0] === "Zeta Supplies")).toBe(true);
    expect(sheet(ss, "Scorecard").getRange(1, 1).getNote()).toContain(new Date(world.now).toISOString());
    expect(world.locksHeld).toBe(0);
  });

  it("logs, does not throw, and keeps the last values when a trigger runs without a document context", () => {
    const { world, ss, po, gas } = session();
    gas.vendorscoreGenerate!(scorecardRequest());
    gas.vendorscoreSetSchedule!("hourly");
    const before = sheet(ss, "Scorecard").getDataRange().getValues();
    po.getRange(2, 2).setValue("Zeta Supplies");
    world.active = null;
    world.container = null; // no document properties, no document lock
    expect(() => gas.vendorscoreScheduledRefresh!({ triggerUid: world.triggers[0]!.uid })).not.toThrow();
    expect(world.warnings.join("\n")).toMatch(/cannot be read from here/);
    expect(sheet(ss, "Scorecard").getDataRange().getValues()).toEqual(before);
  });

  it("removes a trigger whose spreadsheet is no longer known instead of failing every hour", () => {
    const { world, gas } = session();
    gas.vendorscoreSetSchedule!("hourly");
    world.userProps.deleteAllProperties();
    gas.vendorscoreScheduledRefresh!({ triggerUid: world.triggers[0]!.uid });
    expect(world.triggers).toEqual([]);
  });
});
