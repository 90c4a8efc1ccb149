import { parseDateText } from "../core/cell/date";
import type { Range } from "../core";
import { catalog, serial } from "./helpers/sheet";

const AS_OF = "2025-04-10";

describe("date text", () => {
  it.each([
    ["2025-03-31", "MDY", "2025-03-31"],
    ["2025-03-31 14:30", "MDY", "2025-03-31 14:30"],
    ["2025-03-31T14:30:00", "MDY", "2025-03-31 14:30"],
    ["2-Jun-06", "MDY", "2006-06-02"],
    ["02-Jun-2006", "MDY", "2006-06-02"],
    ["2 June 2006", "MDY", "2006-06-02"],
    ["Jun 2, 2006", "MDY", "2006-06-02"],
    ["June 2 2006", "MDY", "2006-06-02"],
    ["03/04/2025", "MDY", "2025-03-04"],
    ["03/04/2025", "DMY", "2025-04-03"],
    ["29-02-2016 01:16", "DMY", "2016-02-29 01:16"],
    ["3/4/25 2:05 PM", "MDY", "2025-03-04 14:05"],
    ["1/2/29", "MDY", "2029-01-02"],
    ["1/2/30", "MDY", "1930-01-02"],
    ["31-Dec-99", "MDY", "1999-12-31"],
    ["1-Jan-00", "MDY", "2000-01-01"],
  ] as const)("reads %s (%s) as %s", (text, order, want) => {
    expect(parseDateText(text, order)).toBeCloseTo(serial(want), 9);
  });

  it.each([["31/31/2025"], ["2025-02-30"], ["32-Jan-25"], ["Jux 2, 2006"], ["25:00 2025-01-01"], ["2025-01-01 24:10"]])("refuses %s", (text) => {
    expect(parseDateText(text, "MDY")).toBeNaN();
  });
});

describe("a column's day/month order", () => {
  const range = (dates: string[]): Range => [["Vendor", "Promised", "Delivered"], ...dates.map((d) => ["Acme", d, "01/03/2025"])];

  it("is DMY when a first part is over 12", () => {
    // 01/03/2025 is 1 March under DMY: delivered before every promise, all on time.
    const dq = catalog.VENDORDATAQUALITY.fn(range(["13/03/2025", "02/03/2025"])) as unknown[][];
    expect(dq.find((r) => r[0] === "promised")![7]).toBe("numeric dates read as DMY (shown by the values)");
    expect(catalog.VENDORKPI.fn(range(["13/03/2025", "02/03/2025"]), "Acme", "on_time", AS_OF)).toBe(1);
  });

  it("is decided per column: an ambiguous column uses the date_order setting", () => {
    // Promised 02/03/2025: MDY = Feb 3 (delivered Jan 3: on time); DMY = Mar 2. Delivered 01/03/2025: MDY Jan 3; DMY Mar 1.
    const r = range(["02/03/2025"]);
    const dq = catalog.VENDORDATAQUALITY.fn(r) as unknown[][];
    expect(dq.find((x) => x[0] === "delivered")![7]).toMatch(/ambiguous: read as MDY/);
    const dmy = catalog.VENDORDATAQUALITY.fn(r, [["date_order", "DMY"]]) as unknown[][];
    expect(dmy.find((x) => x[0] === "delivered")![7]).toMatch(/ambiguous: read as DMY/);
    const lead = [["Vendor", "PO Date", "Delivered"], ["Acme", "01/02/2025", "01/03/2025"]];
    expect(catalog.VENDORKPI.fn(lead, "Acme", "lead_time", AS_OF)).toBe(1); // Jan 2 -> Jan 3
    expect(catalog.VENDORBREAKDOWN.fn(lead, "Acme", [["date_order", "DMY"], ["lead_time", 1]], AS_OF)).toEqual(
      expect.arrayContaining([expect.arrayContaining(["Lead time (days)", 28])]), // Feb 1 -> Mar 1
    );
  });

  it("is MDY when a second part is over 12, whatever the setting", () => {
    const dq = catalog.VENDORDATAQUALITY.fn(range(["03/13/2025"]), [["date_order", "DMY"]]) as unknown[][];
    expect(dq.find((r) => r[0] === "promised")![7]).toBe("numeric dates read as MDY (shown by the values)");
  });
});

describe("placeholders", () => {
  const range: Range = [
    ["Vendor", "Scheduled Delivery Date", "Delivery Date", "PO Qty", "Received Qty"],
    ["Acme", "Date Not Captured", "2025-03-01", 10, 10],
    ["Acme", "2025-03-01", "N/A", "?", "-"],
    ["Acme", "2025-03-01", "2025-03-02", 10, 10],
  ];

  it("count as blank in optional columns, and the data-quality report counts them", () => {
    // Line 1 has no promise, line 2 is undelivered and late, line 3 is late: 0 of 2 on time.
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF)).toBe(0);
    expect(catalog.VENDORKPI.fn(range, "Acme", "in_full", AS_OF)).toBe(1);
    const dq = catalog.VENDORDATAQUALITY.fn(range) as unknown[][];
    const row = (f: string) => dq.find((r) => r[0] === f)!;
    expect(row("promised").slice(1, 7)).toEqual(["Scheduled Delivery Date", "alias", 2, 0, 1, 0]);
    expect(row("delivered").slice(3, 7)).toEqual([2, 0, 1, 0]);
    expect(row("ordered_qty").slice(1, 7)).toEqual(["PO Qty", "alias", 2, 0, 1, 0]);
  });

  it("do not hide text with digits that still is not a date", () => {
    const bad = [...range, ["Acme", "2025-13-45", "", "", ""]];
    expect(catalog.VENDORKPI.fn(bad, "Acme", "on_time", AS_OF)).toBeCoreError("#VALUE!", "Scheduled Delivery Date", "row 5", "2025-13-45");
    const dq = catalog.VENDORDATAQUALITY.fn(bad) as unknown[][];
    expect(dq.find((r) => r[0] === "promised")![6]).toBe(1);
  });
});

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

describe("status", () => {
  const range: Range = [
    ["Vendor", "Promised", "Delivered", "Qty", "Unit Price", "Line Status"],
    ["Acme", "2025-03-01", "2025-03-01", 10, 2, "Delivered"],
    ["Acme", "2025-03-01", "", 10, 2, "Pending"],
    ["Acme", "2025-03-01", "", 10, 2, "Partially Delivered"],
    ["Acme", "2025-03-01", "2025-03-09", 10, 2, "CANCELED"],
    ["Acme", "2025-03-01", "2025-03-09", 10, 2, "void"],
  ];

  it("leaves cancelled and void lines out of every KPI and of spend; open lines past promise are late", () => {
    expect(catalog.VENDORKPI.fn(range, "Acme", "lines", AS_OF)).toBe(3);
    expect(catalog.VENDORKPI.fn(range, "Acme", "spend", AS_OF)).toBe(60);
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF)).toBeCloseTo(1 / 3, 12);
  });
});

describe("more header names", () => {
  it.each([
    ["Promise Date", "Arrival Date", "Order Qty", "Extended Price"],
    ["Requested Date", "Date Received", "Line Item Quantity", "Line Item Value"],
    ["Target Date", "Actual Date", "PO Qty", "Net Amount"],
  ])("match %s, %s, %s, %s", (promised, delivered, qty, amount) => {
    const range = [["Supplier Name", promised, delivered, qty, amount], ["Acme", "2025-03-01", "2025-03-02", 4, 100]];
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF)).toBe(0);
    expect(catalog.VENDORKPI.fn(range, "Acme", "spend", AS_OF)).toBe(100);
  });
});
