import type { CellValue, Range, RangeArg } from "../../../core";
import { configRows, takeMapping } from "../../../core/config/rows";
import { PO_SCHEMA } from "../../../core/table/schema";
import { catalog } from "../../helpers/sheet";

const AS_OF = "2025-04-10";

describe("mapping rows", () => {
  const range: Range = [
    ["Supplier Code", "Supplier", "Ship By", "Landed", "Units"],
    ["S1", "Acme", "2025-03-01", "2025-03-01", 5],
    ["S1", "Acme", "2025-03-01", "2025-03-05", 5],
  ];

  it("override the automatic header match", () => {
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF)).toBeCoreError("#N/A", "on_time");
    const mapping = [["field", "header"], ["promised", "Ship By"], ["delivered", "landed"], ["vendor", "Supplier Code"]];
    expect(catalog.VENDORSCORECARD.fn(range, [...mapping, ["on_time", 1]], AS_OF)).toEqual([
      expect.anything(),
      ["S1", 2, "", 0.5, "", "", "", "", "", expect.closeTo(0, 9), "D", 1],
    ]);
    const dq = catalog.VENDORDATAQUALITY.fn(range, mapping) as unknown[][];
    expect(dq.find((r) => r[0] === "promised")!.slice(1, 3)).toEqual(["Ship By", "mapping row"]);
  });

  it("apply to the functions that score nothing through their settings argument", () => {
    const mapping = [["promised", "Ship By"], ["delivered", "Landed"], ["amount", "Units"]];
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF, mapping)).toBe(0.5);
    expect(catalog.VENDORKPI.fn(range, "Acme", "spend", AS_OF, mapping)).toBe(10);
    expect(catalog.VENDORABC.fn(range, "Acme", null, null, mapping)).toBe("A");
    expect(catalog.VENDORABC.fn(range, "Acme")).toBeCoreError("#N/A", "spend");
    const risky = [["Supplier", "Units", "Hazard"], ["Acme", 5, 4]];
    expect(catalog.VENDORKRALJIC.fn(risky, "Acme", null, null, null, [["amount", "Units"], ["supply_risk", "Hazard"]])).toBe("Strategic");
  });

  it("and KPI rows never collide: a compliance row with a number is a KPI, with text a mapping", () => {
    const r = [["Vendor", "Promised", "Delivered", "Audit OK"], ["Acme", "2025-03-01", "2025-03-01", "yes"], ["Acme", "2025-03-01", "2025-03-01", "no"]];
    expect(catalog.VENDORSCORE.fn(r, "Acme", [["compliance", "Audit OK"], ["compliance", 1, 1, 0]], AS_OF)).toBeCloseTo(50, 10);
  });
});

/** The rows configRows keeps, as [row number, key, name]. */
const kept = (arg: RangeArg, headerWords: readonly string[] = ["kpi"]) => configRows(arg, headerWords).map((r) => [r.row, r.key, r.name]);

describe("configRows", () => {
  it.each<[string, RangeArg, (string | number)[][]]>([
    ["numbers rows 1-based as the range shows them, blank rows skipped", [["on_time", 1], ["", ""], [null, undefined], ["  ", ""], ["defect_rate", 2]], [[1, "ontime", "on_time"], [5, "defectrate", "defect_rate"]]],
    ["skips a row of zeros, the blank row an older Excel build passes", [[0, 0, 0, 0], ["on_time", 1], [0, "", 0, null]], [[2, "ontime", "on_time"]]],
    ["keeps a row with a zero beside a name", [["on_time", 0]], [[1, "ontime", "on_time"]]],
    ["skips a header row that comes first", [["KPI", "Weight"], ["on_time", 1]], [[2, "ontime", "on_time"]]],
    ["skips a header row below blank rows, still the first row with content", [["", ""], ["Kpi", "Weight"], ["on_time", 1]], [[3, "ontime", "on_time"]]],
    ["keeps a header word that comes after a setting as a row of its own", [["on_time", 1], ["KPI", "Weight"]], [[1, "ontime", "on_time"], [2, "kpi", "KPI"]]],
    ["normalises the key and keeps the name as written, trimmed", [["  Grace Days ", 2]], [[1, "gracedays", "Grace Days"]]],
    ["reads a one-cell range passed as a scalar (Sheets)", "date_order", [[1, "dateorder", "date_order"]]],
    ["gives no rows for an omitted argument", null, []],
    ["gives no rows for an empty range", [], []],
  ])("%s", (_what, arg, rows) => {
    expect(kept(arg)).toEqual(rows);
  });

  it("skips a first row only when its first cell is one of the header words given", () => {
    expect(kept([["KPI", "Weight"], ["on_time", 1]], ["priority"])).toEqual([[1, "kpi", "KPI"], [2, "ontime", "on_time"]]);
  });

  it("keeps every cell of a kept row, blanks included", () => {
    expect(configRows([["on_time", "", 0.9]], []).map((r) => r.cells)).toEqual([["on_time", "", 0.9]]);
  });
});

describe("takeMapping", () => {
  const take = (range: CellValue[][]) => {
    const { mapping, rest } = takeMapping(configRows(range, []), PO_SCHEMA);
    return { mapping: Object.fromEntries(mapping), rest: rest.map((r) => r.name) };
  };

  it.each<[string, CellValue[][], Record<string, string>]>([
    ["`promised, Ship By` maps the promised field to the Ship By column", [["promised", "Ship By"]], { promised: "Ship By" }],
    ["a field written as a header (`Ordered Qty, Units`)", [["Ordered Qty", "Units"]], { ordered_qty: "Units" }],
    ["a header text with spaces around it, trimmed", [["delivered", "  Landed  "]], { delivered: "Landed" }],
    ["`compliance, Audit OK`: text that is no number", [["compliance", "Audit OK"]], { compliance: "Audit OK" }],
  ])("takes %s", (_what, range, mapping) => {
    expect(take(range)).toEqual({ mapping, rest: [] });
  });

  it.each<[string, CellValue[][]]>([
    ["`compliance, 10`: a number is a KPI weight", [["compliance", 10]]],
    ["`compliance, 10%`: number text is a KPI weight too", [["compliance", "10%"]]],
    ["`promised, 45000`: a number never names a column", [["promised", 45000]]],
    ["`promised` with a blank second cell", [["promised", ""]]],
    ["`speed, fast`: speed is no field", [["speed", "fast"]]],
  ])("leaves %s with the other rows", (_what, range) => {
    expect(take(range)).toEqual({ mapping: {}, rest: [String(range[0]![0])] });
  });

  it("separates mapping rows from KPI rows in one range, keeping the KPI rows in order", () => {
    expect(take([["on_time", 3], ["promised", "Ship By"], ["compliance", "Audit OK"], ["compliance", 1, 1, 0], ["grace_days", 2]])).toEqual({
      mapping: { promised: "Ship By", compliance: "Audit OK" },
      rest: ["on_time", "compliance", "grace_days"],
    });
  });
});
