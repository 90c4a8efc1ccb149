import { CoreError, createCatalog, isCoreError, serialOf, type Range } from "../../core";
import {
  GRADE_COLORS, KIND_INFO, buildReport as build, chooseOutput, cleanSheetName, describe as describeSheet, newDefinition, parseDefinition, stamp, validateConfig,
  type ConfigGrid, type ReportKind, type ReportSheet,
} from "../../core/report";
import { table } from "../helpers/table";

const cx = createCatalog({ today: () => serialOf(2025, 3, 31, 12) }).context;
const buildReport = (kind: ReportKind, source: Range, config: ConfigGrid, asOf: number) => build({ kind, source, config, asOf }, cx);
const AS_OF = 45747; // 2025-03-31

const PO = [
  ["Vendor", "Promised date", "Delivered date", "Ordered qty", "Received qty", "Rejected qty", "Unit price", "Contract price"],
  ["Acme", "2025-03-01", "2025-03-01", 10, 10, 0, 5, 5],
  ["Acme", "2025-03-02", "2025-03-02", 10, 10, 0, 5, 5],
  ["Birch", "2025-03-01", "2025-03-10", 10, 5, 3, 7, 5],
];

function scorecard(): ReportSheet {
  const r = buildReport("scorecard", PO, KIND_INFO.scorecard.config.defaults, AS_OF);
  if (r instanceof CoreError) throw r;
  return r;
}

describe("buildReport", () => {
  it("computes the scorecard through the catalog's VENDORSCORECARD, header first", () => {
    const r = scorecard();
    expect(r.values[0]).toEqual(["Vendor", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Rank"]);
    expect(r.values.map((row) => row[0])).toEqual(["Vendor", "Acme", "Birch"]);
    expect(table(r.values).row("Acme").get("Score")).toBeCloseTo(100);
    expect(table(r.values).row("Birch").get("Grade")).toBe("D");
  });

  it("formats columns by header: percent KPIs, currency spend, integer lines and rank", () => {
    const r = scorecard();
    const byHeader = Object.fromEntries(r.values[0]!.map((h, i) => [h, r.formats[i]]));
    expect(byHeader).toMatchObject({ Vendor: "text", Lines: "integer", Spend: "currency", "On time": "percent", "Defect rate": "percent", Score: "number", Grade: "text", Rank: "integer" });
    expect(r.patterns[r.values[0]!.indexOf("On time")]).toBe("0.0%");
  });

  it("puts the colour scale on Score, the red fill on grade D rows and charts Score by vendor", () => {
    const r = scorecard();
    expect(r.colorScale).toEqual({ column: 9, higherIsBetter: true });
    expect(r.redRule).toEqual({ column: 10, equals: "D" });
    expect(r.redRows).toEqual([2]);
    const h = r.values[0]!;
    expect(r.charts).toEqual([{ type: "bar", title: "Score by vendor", categories: h.indexOf("Vendor"), series: [{ column: h.indexOf("Score"), pointColors: r.values.slice(1).map((row) => GRADE_COLORS[String(row[h.indexOf("Grade")])]) }] }]);
    expect(r.values.slice(1).map((row) => row[0])).toEqual(["Acme", "Birch"]);
    expect(table(r.values).row("Acme").get("Score")).toBeGreaterThan(table(r.values).row("Birch").get("Score") as number);
  });

  it("uses the as-of rule: a fixed serial judges undelivered lines at that date", () => {
    const open = [PO[0]!, ["Acme", "2025-03-10", "", 10, "", "", 5, 5]];
    const before = buildReport("scorecard", open, [], 45700) as ReportSheet;
    const after = buildReport("scorecard", open, [], 45747) as ReportSheet;
    expect(table(before.values).row("Acme").get("On time")).toBe("");
    expect(table(after.values).row("Acme").get("On time")).toBe(0);
  });

  it.each([
    ["an empty range", [[null, ""], ["", null]], "empty_range"],
    ["a range without headers", [["Acme", 1, 2], ["Birch", 3, 4]], "bad_header"],
  ])("returns a CoreError for %s", (_, source, kind) => {
    const r = buildReport("scorecard", source, [], AS_OF);
    expect(r).toBeInstanceOf(CoreError);
    expect((r as CoreError).kind).toBe(kind);
  });
});

describe("validateConfig", () => {
  it("accepts the default weights of every kind", () => {
    expect(validateConfig("scorecard", KIND_INFO.scorecard.config.defaults, [], cx)).toEqual([]);
    expect(validateConfig("segments", KIND_INFO.segments.config.defaults, [], cx)).toEqual([]);
    expect(validateConfig("sla", KIND_INFO.sla.config.defaults, KIND_INFO.sla.calendar.defaults, cx)).toEqual([]);
  });

  it("places text in a number column on its row, with the parser's own message", () => {
    const grid = [["kpi", "weight", "target", "floor"], ["on_time", 50, "", ""], ["defect_rate", "lots", "", ""]];
    expect(validateConfig("scorecard", grid, [], cx)).toEqual([{ table: "config", row: 2, column: 1, message: 'Weights row 3 (defect_rate): the weight "lots" is not a number.' }]);
  });
});

describe("stored definitions", () => {
  const def = newDefinition("r1", { kind: "scorecard", source: { sheet: "PO lines", address: "A1:P41" }, config: [["kpi", "weight"]], calendar: [], asOf: "today", output: "Scorecard" });

  it("round-trips through JSON", () => {
    expect(parseDefinition(JSON.stringify(def))).toEqual(def);
  });

  it.each([
    ["corrupt JSON", "{not json", /not valid JSON/],
    ["a missing field", JSON.stringify({ ...def, kind: undefined }), /damaged \(kind/],
    ["an unknown kind", JSON.stringify({ ...def, kind: "pie" }), /damaged \(kind/],
    ["an older version", JSON.stringify({ ...def, version: 0 }), /version 0/],
  ])("rejects %s with a message, not a throw", (_, text, message) => {
    const r = parseDefinition(text);
    expect(isCoreError(r)).toBe(true);
    expect(isCoreError(r) && r.message).toMatch(message);
  });

  it("stamps a success with the time and clears the error; a failure keeps the last good time", () => {
    const ok = stamp(def, new Date("2025-03-31T10:00:00Z"), { outputId: "7" });
    expect(ok).toMatchObject({ lastRefresh: "2025-03-31T10:00:00.000Z", lastError: "", outputId: "7" });
    expect(stamp(ok, new Date(), { error: "boom" })).toMatchObject({ lastRefresh: "2025-03-31T10:00:00.000Z", lastError: "boom" });
  });
});

describe("chooseOutput", () => {
  it("never reuses a sheet the add-in did not create and says so", () => {
    const c = chooseOutput("Scorecard", [{ name: "scorecard", id: "1", ours: false }, { name: "Scorecard (2)", id: "2", ours: false }]);
    expect(c).toMatchObject({ name: "Scorecard (3)", reuseId: "" });
    expect(c.notice).toMatch(/not created by vendorscore/);
  });

  it("overwrites its own sheet of that name", () => {
    expect(chooseOutput("Scorecard", [{ name: "Scorecard", id: "9", ours: true }])).toEqual({ name: "Scorecard", reuseId: "9", notice: "" });
  });

  it("cleans characters no sheet name may hold", () => {
    expect(cleanSheetName("Q1: scores?", "Scorecard")).toBe("Q1 scores");
    expect(cleanSheetName("  ", "Scorecard")).toBe("Scorecard");
  });
});

describe("column formats from the kind's record", () => {
  it.each([
    ["sla", "% of target", "percent"], ["sla", "Target (h)", "hours"], ["sla", "Breach at", "date-time"], ["segments", "Spend share", "percent"], ["scorecard", "Rank", "integer"], ["segments", "Kraljic", "text"],
  ] as const)("%s shows %s as %s", (kind, header, format) => {
    expect(describeSheet(kind, [[header], ["x"]]).formats).toEqual([format]);
  });
});
