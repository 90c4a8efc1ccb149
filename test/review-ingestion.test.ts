import type { CellValue, Range } from "../core";
import { catalog, serial } from "./helpers/sheet";

// Every header the issues list must find its column, whatever the case, spacing or punctuation.
const PO_ALIASES: [field: string, header: string][] = [
  ...["vendor", "supplier", "vendor name", "supplier name"].map((h) => ["vendor", h] as [string, string]),
  ...["promised date", "due date", "expected date", "promised delivery date", "need by date", "scheduled delivery date", "scheduled date", "promise date", "requested date", "target date"].map((h) => ["promised", h] as [string, string]),
  ...["delivered date", "delivery date", "received date", "actual delivery date", "receipt date", "actual date", "arrival date", "date received"].map((h) => ["delivered", h] as [string, string]),
  ...["ordered qty", "quantity", "qty", "order quantity", "qty ordered", "order qty", "po qty", "line item quantity"].map((h) => ["ordered_qty", h] as [string, string]),
  ...["received qty", "qty received", "delivered qty"].map((h) => ["received_qty", h] as [string, string]),
  ...["rejected qty", "defective units", "defects", "qty rejected", "returned qty"].map((h) => ["rejected_qty", h] as [string, string]),
  ...["unit price", "price"].map((h) => ["unit_price", h] as [string, string]),
  ...["contract price", "negotiated price", "agreed price"].map((h) => ["contract_price", h] as [string, string]),
  ...["amount", "spend", "line total", "total", "line value", "line item value", "extended price", "net amount"].map((h) => ["amount", h] as [string, string]),
  ...["order date", "po date"].map((h) => ["order_date", h] as [string, string]),
  ...["status", "order status", "line status"].map((h) => ["status", h] as [string, string]),
  ...["compliance", "compliant"].map((h) => ["compliance", h] as [string, string]),
];

/** How an export might spell a header: upper case with underscores, as in `NEED_BY_DATE`. */
const shout = (h: string) => h.toUpperCase().replace(/ /g, "_");

function qualityRow(range: Range, field: string): CellValue[] {
  const grid = catalog.VENDORDATAQUALITY.fn(range) as CellValue[][];
  return grid.find((r) => r[0] === field)!;
}

describe("purchase-order headers listed in the issues", () => {
  it.each(PO_ALIASES)("matches %s under the header %j written in any case and punctuation", (field, header) => {
    const h = shout(header);
    const range: Range = field === "vendor" ? [[h], ["Acme"]] : [["Vendor", h], ["Acme", ""]];
    const row = qualityRow(range, field);
    expect(row.slice(0, 3)).toEqual([field, h, "alias"]);
  });
});

const TICKET_ALIASES: [field: string, header: string][] = [
  ...["vendor", "supplier", "vendor name", "supplier name"].map((h) => ["vendor", h] as [string, string]),
  ...["ticket", "ticket id", "incident", "id", "number"].map((h) => ["ticket", h] as [string, string]),
  ...["priority", "severity"].map((h) => ["priority", h] as [string, string]),
  ...["opened", "opened at", "created", "created at", "reported"].map((h) => ["opened", h] as [string, string]),
  ...["resolved", "resolved at", "closed", "closed at"].map((h) => ["resolved", h] as [string, string]),
];

describe("ticket headers listed in the SLA issue", () => {
  const base: Record<string, [string, CellValue]> = {
    vendor: ["Vendor", "Acme"],
    ticket: ["Ticket", "T-1"],
    priority: ["Priority", "P2"],
    opened: ["Opened", "2025-03-31 09:00"],
    resolved: ["Resolved", "2025-03-31 11:00"],
  };
  it.each(TICKET_ALIASES)("reads %s from a column headed %j", (field, header) => {
    const cols = Object.entries(base).map(([f, [h, v]]) => [f === field ? shout(header) : h, v] as const);
    const range: Range = [cols.map((c) => c[0]), cols.map((c) => c[1])];
    const [head, row] = catalog.SLASTATUS.fn(range, undefined, undefined, "2025-04-01 09:00") as CellValue[][];
    expect(head!.slice(0, 3)).toEqual(["Ticket", "Vendor", "Priority"]);
    // T-1, Acme, P2 (8 business hours), 2 hours elapsed, met: each cell proves its column was read.
    expect(row!.slice(0, 5)).toEqual(["T-1", "Acme", "P2", 8, 2]);
    expect(row![8]).toBe("met");
  });
});

describe("number text as exports write it", () => {
  it.each([
    ["$1,234.50", 1234.5],
    ["1,234.50", 1234.5],
    [" 1234.5 ", 1234.5],
    ["€1,000", 1000],
    ["£12", 12],
    ["(12.50)", -12.5],
    ["-$5", -5],
    ["1e3", 1000],
    [".5", 0.5],
    ["12.5%", 0.125],
  ])("reads the amount %j as %d", (text, expected) => {
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount"], ["Acme", text]], "Acme", "spend")).toBeCloseTo(expected, 12);
  });

  it.each(["12 pcs", "1-2", "5-"])("fails on the amount %j naming the column and the sheet row", (text) => {
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount"], ["Acme", 1], ["Acme", text]], "Acme", "spend")).toBeCoreError("#VALUE!", '"Amount"', "row 3", text);
  });
});

describe("dates with times, as text, serials and Date objects", () => {
  const asOf = "2025-04-10";
  // Promised 2025-03-10; each delivered cell lands on the promised day (on time) at some time of day.
  it.each<[string, CellValue]>([
    ["ISO with minutes", "2025-03-10 23:59"],
    ["ISO with seconds and T", "2025-03-10T23:59:59"],
    ["ISO with a Z suffix", "2025-03-10T08:00:00Z"],
    ["US text with PM", "03/10/2025 11:30 PM"],
    ["day-month name-year", "10-Mar-25"],
    ["month name day, year", "Mar 10, 2025"],
    ["a serial late in the day", serial("2025-03-10 23:00")],
    ["a Date late in the day", new Date(2025, 2, 10, 23, 0)],
  ])("counts a line delivered on the promised day as on time (%s)", (_what, delivered) => {
    const range: Range = [["Vendor", "Promised Date", "Delivered Date"], ["Acme", "2025-03-10 14:00", delivered]];
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", asOf)).toBe(1);
  });

  it("counts a line delivered one minute after the promised day as late", () => {
    const range: Range = [["Vendor", "Promised Date", "Delivered Date"], ["Acme", "2025-03-10", "2025-03-11 00:01"]];
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", asOf)).toBe(0);
  });

  it.each<[string, CellValue]>([
    ["ISO text", "2025-04-10"],
    ["ISO text with a time", "2025-04-10 16:45"],
    ["a serial", serial("2025-04-10")],
    ["a Date", new Date(2025, 3, 10, 9, 0)],
    ["a one-cell range", [["2025-04-10"]] as unknown as CellValue],
    ["US text", "4/10/2025"],
  ])("takes as_of as %s: a line due 04-09 and undelivered is late on 04-10", (_what, asOfCell) => {
    const range: Range = [["Vendor", "Promised Date", "Delivered Date"], ["Acme", "2025-04-09", ""], ["Acme", "2025-04-09", "2025-04-09"]];
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", asOfCell)).toBe(0.5);
  });

  it("names the as_of text it cannot read", () => {
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount"], ["Acme", 1]], "Acme", "spend", "next week")).toBeCoreError("#VALUE!", "as_of", "next week");
  });
});

describe("ranges as hosts hand them over", () => {
  it("reads ragged rows: missing cells are blank and extra cells are ignored", () => {
    const range: Range = [
      ["Vendor", "Promised Date", "Delivered Date", "Amount"],
      ["Acme", "2025-03-01"],
      ["Beta", "2025-03-01", "2025-03-01", 5, "stray"],
      ["Core"],
    ];
    const grid = catalog.VENDORSCORECARD.fn(range, [["on_time", 1]], "2025-04-10") as CellValue[][];
    expect(grid.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[9], r[11]])).toEqual([
      ["Beta", 1, 5, 1, 100, 1],
      ["Acme", 1, "", 0, 0, 2],
      ["Core", 1, "", "", "", ""],
    ]);
  });

  it("shows each vendor under the first spelling seen and merges case and spaces", () => {
    const range: Range = [["Vendor", "Amount"], ["  acme corp ", 1], ["ACME CORP", 2], ["Acme Corp", 3]];
    const grid = catalog.VENDORSCORECARD.fn(range) as CellValue[][];
    expect(grid.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([["acme corp", 3, 6]]);
    expect(catalog.VENDORKPI.fn(range, " Acme CORP", "spend")).toBe(6);
  });

  it("reads a numeric vendor cell and a numeric vendor argument alike", () => {
    expect(catalog.VENDORKPI.fn([["Vendor", "Amount"], [1001, 5], ["1001", 2]], 1001, "spend")).toBe(7);
  });

  it("counts a Sheets one-cell range (a scalar) as a header with no lines", () => {
    expect(catalog.VENDORSCORECARD.fn("Vendor")).toEqual([["Vendor", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Rank"]]);
  });
});
