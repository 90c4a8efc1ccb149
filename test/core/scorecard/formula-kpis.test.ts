import type { Range } from "../../../core";
import { readScoreConfig } from "../../../core/score/config";
import { catalog } from "../../helpers/sheet";

// Worked by hand. Acme's counted lines (the cancelled one is out): promised / delivered
// 03-10 / 03-10 (on time), 03-10 / 03-12 (2 days late), 02-10 / 02-10 (on time); Invoice OK
// yes, no, Y. Beta: one line on time, Invoice OK blank.
const DATA: Range = [
  ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Invoice OK", "Status"],
  ["Acme", "2025-03-10", "2025-03-10", 100, 100, 2, "yes", "open"],
  ["Acme", "2025-03-10", "2025-03-12", 50, 50, 1, "no", "open"],
  ["Acme", "2025-02-10", "2025-02-10", 50, 50, "", "Y", "open"],
  ["Acme", "2025-03-15", "2025-03-15", 10, 10, 0, "no", "cancelled"],
  ["", "2025-03-15", "2025-03-15", 10, 10, 0, "no", "open"],
  ["Beta", "2025-03-10", "2025-03-10", 10, 10, 0, "", "open"],
];
const AS_OF = "2025-04-10";

// On time: target 1, floor 0. Invoice accuracy: target 1, floor 0.5.
const WEIGHTS: Range = [
  ["kpi", "weight", "target", "floor", "formula"],
  ["on_time", 50, 1, 0],
  ["Invoice accuracy", 50, 1, 0.5, "share([Invoice OK])"],
];

describe("formula KPIs in the weights range", () => {
  it("scores a formula KPI over the vendor's counted lines beside a built-in KPI", () => {
    // Acme: on time 2/3 -> 66.67; invoice accuracy 2/3 (the cancelled line's "no" and the
    // blank-vendor line are out; 2/4 would score 0) -> (2/3 - 0.5) / 0.5 = 33.33; mean 50.
    expect(catalog.VENDORSCORE.fn(DATA, "Acme", WEIGHTS, AS_OF)).toBeCloseTo(50, 10);
  });

  it("leaves out a formula KPI that is undefined for a vendor and renormalises the weights", () => {
    // Beta has no Invoice OK flag: share over no value is undefined, so on time (1 -> 100) carries all the weight.
    expect(catalog.VENDORSCORE.fn(DATA, "Beta", WEIGHTS, AS_OF)).toBe(100);
    // A division by zero is undefined too: Beta's only scored KPI left is on time.
    const zero: Range = [["on_time", 1, 1, 0], ["Rejects per reject", 1, 1, 0, "sum([Rejected Qty]) / sum([Rejected Qty])"]];
    expect(catalog.VENDORSCORE.fn(DATA, "Beta", zero, AS_OF)).toBe(100);
    // Acme: 3 / 3 = 1 scores 100 beside on time's 66.67: mean 83.33.
    expect(catalog.VENDORSCORE.fn(DATA, "Acme", zero, AS_OF)).toBeCloseTo(250 / 3, 10);
  });

  it("is #N/A when the only scored KPI is a formula with no value for the vendor", () => {
    expect(catalog.VENDORSCORE.fn(DATA, "Beta", [["Invoice accuracy", 1, 1, 0.5, "share([Invoice OK])"]], AS_OF)).toBeCoreError("#N/A", '"Invoice accuracy"');
  });

  it("replaces the default set when only a formula KPI is named", () => {
    // Acme: 2/3 -> 33.33, whatever in full or defect rate would say.
    expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Invoice accuracy", "", 1, 0.5, "share([Invoice OK])"]], AS_OF)).toBeCloseTo(100 / 3, 10);
    expect(catalog.VENDORGRADE.fn(DATA, "Acme", [["Invoice accuracy", "", 1, 0.5, "share([Invoice OK])"]], AS_OF)).toBe("D");
  });

  it("uses built-in KPIs as variables of a formula", () => {
    // Acme: 1 - defect_rate = 1 - 3/150 = 0.98 against target 1, floor 0.9: 80.
    expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Yield", 1, 1, 0.9, "1 - defect_rate"]], AS_OF)).toBeCloseTo(80, 10);
  });

  it("shows the formula in VENDORBREAKDOWN's note, with the weights renormalised where it has no value", () => {
    const acme = catalog.VENDORBREAKDOWN.fn(DATA, "Acme", WEIGHTS, AS_OF) as unknown[][];
    expect(acme[2]).toEqual(["Invoice accuracy", 2 / 3, 1, 0.5, 50, expect.closeTo(100 / 3, 10), expect.closeTo(50 / 3, 10), 0.5, "formula share([Invoice OK])"]);
    const beta = catalog.VENDORBREAKDOWN.fn(DATA, "Beta", WEIGHTS, AS_OF) as unknown[][];
    expect(beta[1]).toEqual(["On time", 1, 1, 0, 50, 100, 100, 1, ""]);
    expect(beta[2]).toEqual(["Invoice accuracy", "", 1, 0.5, 50, "", "", "", "formula share([Invoice OK]); no data: left out, the other weights renormalised"]);
  });

  it("keeps VENDORSCORECARD's documented columns and scores with the formula KPI", () => {
    const grid = catalog.VENDORSCORECARD.fn(DATA, WEIGHTS, AS_OF) as unknown[][];
    expect(grid[0]).toEqual(["Vendor", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Rank"]);
    expect(grid.map((r) => [r[0], r[9]])).toEqual([["Vendor", "Score"], ["Beta", 100], ["Acme", expect.closeTo(50, 10)]]);
  });

  it.each([
    ["the label as written", "Invoice accuracy"],
    ["the label in another case and spacing", " invoice-ACCURACY "],
  ])("gives a formula KPI's value through VENDORKPI by %s", (_what, label) => {
    expect(catalog.VENDORKPI.fn(DATA, "Acme", label, AS_OF, WEIGHTS)).toBeCloseTo(2 / 3, 15);
  });

  it("says a formula KPI without value for a vendor is #N/A through VENDORKPI, naming its formula", () => {
    expect(catalog.VENDORKPI.fn(DATA, "Beta", "Invoice accuracy", AS_OF, WEIGHTS)).toBeCoreError("#N/A", "Invoice accuracy", "share([Invoice OK])");
  });

  it("refuses a label VENDORKPI does not know, listing the formula KPIs of the settings", () => {
    expect(catalog.VENDORKPI.fn(DATA, "Acme", "Invoice acuracy", AS_OF, WEIGHTS)).toBeCoreError("#VALUE!", "Invoice acuracy", '"Invoice accuracy"');
  });

  describe("per period", () => {
    const MONTHLY: Range = [...WEIGHTS, ["period", "month"], ["history", 2]];

    it("evaluates the formula over the period's lines", () => {
      // March (holding 03-20): Acme's lines 1 and 2: on time 1/2 -> 50; invoice yes, no -> 0.5 -> 0; score 25.
      expect(catalog.VENDORSCORE.fn(DATA, "Acme", MONTHLY, "2025-03-20")).toBeCloseTo(25, 10);
      expect(catalog.VENDORKPI.fn(DATA, "Acme", "Invoice accuracy", "2025-03-20", MONTHLY)).toBe(0.5);
    });

    it("trends a formula KPI by its label", () => {
      // February: the Y line alone -> 1; March -> 0.5.
      expect(catalog.VENDORTREND.fn(DATA, "Acme", "Invoice accuracy", MONTHLY, "2025-03-20")).toEqual([
        ["Period", "Invoice accuracy"],
        ["2025-02", 1],
        ["2025-03", 0.5],
      ]);
    });

    it("scores each period with the formula in the trend", () => {
      // February: on time 1 -> 100, invoice 1 -> 100: 100. March: 25.
      const grid = catalog.VENDORTREND.fn(DATA, "Acme", undefined, MONTHLY, "2025-03-20") as unknown[][];
      expect(grid.slice(1).map((r) => r[11])).toEqual([100, expect.closeTo(25, 10)]);
    });
  });

  describe("rows and errors", () => {
    it("reads the optional header row and defaults the weight to 1", () => {
      const c = readScoreConfig([["kpi", "weight", "target", "floor", "formula"], ["Invoice accuracy", "", 0.99, 0.9, "share([Invoice OK])"]]);
      if (c instanceof Error) throw c;
      expect(c.kpis).toHaveLength(1);
      expect(c.kpis[0]).toMatchObject({ label: "Invoice accuracy", weight: 1, target: 0.99, floor: 0.9 });
      expect(c.kpis[0]!.formula!.text).toBe("share([Invoice OK])");
    });

    it.each<[string, Range, string[]]>([
      ["a formula with a missing parenthesis, at its row and character", [["on_time", 1], ["x", 1], ["y", 1], ["z", 1], ["Invoice accuracy", 10, 0.99, 0.9, "round(share([Invoice OK]), 2"]], ["Weights row 5, formula at 29: expected `)`"]],
      ["a formula KPI without target and floor", [["Invoice accuracy", 10, "", "", "share([Invoice OK])"]], ["Weights row 1 (Invoice accuracy)", "no default target and floor"]],
      ["a formula KPI without a floor", [["Invoice accuracy", 10, 0.99, "", "share([Invoice OK])"]], ["Weights row 1", "floor"]],
      ["a formula KPI labelled as a built-in KPI", [["On time", 10, 1, 0, "share([Invoice OK])"]], ["Weights row 1", "built-in KPI on_time"]],
      ["a formula KPI listed twice", [["Invoice accuracy", 1, 1, 0, "share([Invoice OK])"], ["invoice accuracy", 1, 1, 0, "count([Invoice OK])"]], ["Weights row 2", "twice"]],
    ])("refuses %s with #VALUE!", (_what, weights, mentions) => {
      expect(catalog.VENDORSCORE.fn(DATA, "Acme", weights, AS_OF)).toBeCoreError("#VALUE!", ...mentions);
    });

    it("names an unknown header at its row and character, listing the headers seen", () => {
      expect(catalog.VENDORSCORE.fn(DATA, "Acme", [["Invoice accuracy", 1, 1, 0, "share([Invoice Okay])"]], AS_OF)).toBeCoreError(
        "#VALUE!",
        "Weights row 1, formula at 7",
        '"Invoice Okay"',
        '"Invoice OK"',
      );
    });
  });
});

describe("the README's worked examples, through the scorecard", () => {
  const LINES: Range = [
    ["Vendor", "Received Qty", "Rejected Qty", "Invoice OK", "Status"],
    ["Acme", 100, 2, "yes", "late"],
    ["Acme", 50, 1, "no", "on time"],
    ["Acme", 50, "", "Y", "LATE"],
    ["Beta", 10, 0, "", "on time"],
  ];
  const ROWS: Range = [
    ["kpi", "weight", "target", "floor", "formula"],
    ["Invoice accuracy", 10, 0.99, 0.9, "share([Invoice OK])"],
    ["First-pass yield", 10, 1, 0.95, "1 - sum([Rejected Qty]) / sum([Received Qty])"],
    ["Late quantity share", 5, 0, 0.5, 'sumif([Received Qty], [Status], "late") / sum([Received Qty])'],
  ];

  it.each<[string, string, number | undefined]>([
    ["Invoice accuracy", "Acme", 2 / 3],
    ["Invoice accuracy", "Beta", undefined],
    ["First-pass yield", "Acme", 0.985],
    ["First-pass yield", "Beta", 1],
    ["Late quantity share", "Acme", 0.75],
    ["Late quantity share", "Beta", 0],
  ])("%s of %s", (label, vendor, value) => {
    const got = catalog.VENDORKPI.fn(LINES, vendor, label, AS_OF, ROWS);
    if (value === undefined) expect(got).toBeCoreError("#N/A", label);
    else expect(got).toBeCloseTo(value, 12);
  });

  it("scores Acme 28 and Beta 100 (invoice accuracy left out)", () => {
    expect(catalog.VENDORSCORE.fn(LINES, "Acme", ROWS, AS_OF)).toBeCloseTo(28, 10);
    expect(catalog.VENDORSCORE.fn(LINES, "Beta", ROWS, AS_OF)).toBeCloseTo(100, 10);
  });
});
