import type { CellValue, Range } from "../core";
import { catalog } from "./helpers/sheet";

const HEADER = ["Ticket", "Vendor", "Priority", "Opened", "Resolved"];
const at = (grid: unknown, ticket: string) => (grid as CellValue[][]).find((r) => r[0] === ticket)!;

describe("SLAHOURS at the edges of shifts, weeks and holidays", () => {
  it.each<[string, string, string, Range | undefined, number]>([
    ["closing to next opening", "2025-03-31 17:00", "2025-04-01 09:00", undefined, 0],
    ["a whole working day", "2025-03-31 09:00", "2025-03-31 17:00", undefined, 8],
    ["Saturday to Sunday", "2025-03-29 10:00", "2025-03-30 16:00", undefined, 0],
    ["a holiday on a Saturday changes nothing", "2025-03-28 16:30", "2025-03-31 10:00", [["holiday", "2025-03-29"]], 1.5],
    ["a Monday holiday moves the clock to Tuesday", "2025-03-28 16:30", "2025-04-01 10:00", [["holiday", "2025-03-31"]], 1.5],
    ["the lunch break of a split shift", "2025-03-31 11:30", "2025-03-31 13:30", [["hours", "09:00-12:00"], ["hours", "13:00-17:00"]], 1],
    ["a night shift across midnight in two rows", "2025-03-31 23:00", "2025-04-01 02:00", [["workdays", "Mon-Sun"], ["hours", "22:00-24:00"], ["hours", "00:00-06:00"]], 3],
    ["hours typed as Excel time cells", "2025-03-31 07:00", "2025-03-31 19:00", [["hours", 0.375, 0.75]], 9],
    ["a header row above the calendar rows", "2025-03-31 07:00", "2025-03-31 19:00", [["Setting", "Value"], ["hours", "08:00-18:00"]], 10],
  ])("counts %s", (_what, start, end, calendar, hours) => {
    expect(catalog.SLAHOURS.fn(start, end, calendar)).toBeCloseTo(hours, 10);
  });

  it("counts wall-clock hours from Date cells, whatever the time zone's daylight saving does", () => {
    // 2025-03-09 is the US spring-forward day and 2025-03-30 the European one: wall-clock 00:00-05:00 is 5 hours.
    const always = [["workdays", "Mon-Sun"], ["hours", "00:00-24:00"]];
    expect(catalog.SLAHOURS.fn(new Date(2025, 2, 9, 0), new Date(2025, 2, 9, 5), always)).toBe(5);
    expect(catalog.SLAHOURS.fn(new Date(2025, 2, 30, 0), new Date(2025, 2, 30, 5), always)).toBe(5);
  });
});

describe("SLASTATUS against the default policy", () => {
  const tickets: Range = [
    HEADER,
    ["T1", "Acme", "P1", "2025-03-31 22:00", "2025-04-01 01:30"],
    ["T2", "Acme", "p 2", "2025-03-29 10:00", ""],
    ["T3", "Acme", "3 - Moderate", "2025-03-31 09:00", ""],
    ["T4", "Acme", "Priority 4", "2025-03-31 09:00", "?"],
  ];
  const grid = catalog.SLASTATUS.fn(tickets, undefined, undefined, "2025-04-01 12:00");

  it("counts a P1 around the clock across midnight: 3.5 of 4 hours, met", () => {
    expect(at(grid, "T1").slice(3, 10)).toEqual([4, 3.5, 0.875, 0.5, expect.closeTo(45748.083333, 5), "met", ""]);
  });

  it("starts the clock of a ticket opened on Saturday at Monday's opening: P2 at 8 + 3 hours is breached by 3", () => {
    const row = at(grid, "T2");
    expect(row.slice(3, 7)).toEqual([8, 11, 11 / 8, -3]);
    expect(row.slice(8, 10)).toEqual(["breached", 3]);
    // Breach at Monday 17:00.
    expect(row[7]).toBeCloseTo(45747 + 17 / 24, 8);
  });

  it("matches priorities by their leading number: 3 - Moderate is P3 (24 business hours), open at 11 hours", () => {
    expect(at(grid, "T3").slice(3, 10)).toEqual([24, 11, 11 / 24, 13, expect.any(Number), "open", ""]);
  });

  it("reads a placeholder resolved time as not resolved yet", () => {
    expect(at(grid, "T4").slice(3, 10)).toEqual([40, 11, 11 / 40, 29, expect.any(Number), "open", ""]);
  });

  it("marks at risk from 75% of the target, and from a threshold given as a percentage", () => {
    const open: Range = [HEADER, ["T1", "Acme", "P2", "2025-03-31 09:00", ""]];
    expect(at(catalog.SLASTATUS.fn(open, undefined, undefined, "2025-03-31 15:00"), "T1")[8]).toBe("at risk");
    expect(at(catalog.SLASTATUS.fn(open, undefined, undefined, "2025-03-31 14:59"), "T1")[8]).toBe("open");
    expect(at(catalog.SLASTATUS.fn(open, undefined, undefined, "2025-03-31 14:59", "50%"), "T1")[8]).toBe("at risk");
  });

  it("judges a ticket resolved after as_of as still open at as_of", () => {
    const later: Range = [HEADER, ["T1", "Acme", "P2", "2025-03-31 09:00", "2025-04-02 09:00"]];
    expect(at(catalog.SLASTATUS.fn(later, undefined, undefined, "2025-03-31 12:00"), "T1").slice(4, 9)).toEqual([3, 3 / 8, 5, expect.any(Number), "open"]);
  });
});

describe("SLACREDIT bands", () => {
  // Twenty P4 tickets: 19 resolved within the hour, one after four weeks: compliance 19/20 = 0.95.
  const tickets: Range = [HEADER];
  for (let i = 0; i < 20; i++) tickets.push([`T${i}`, "Acme", "P4", "2025-03-03 09:00", i === 0 ? "2025-03-31 09:00" : "2025-03-03 10:00"]);

  it("works out compliance as met / (met + breached)", () => {
    expect(catalog.SLACOMPLIANCE.fn(tickets, "Acme", undefined, undefined, "2025-04-10")).toBe(0.95);
    expect(catalog.SLABREACHES.fn(tickets, "acme", undefined, undefined, "2025-04-10")).toBe(1);
  });

  it.each<[string, Range, number]>([
    ["a compliance exactly on a band's threshold is not under it", [[0.99, 0.05], [0.95, 0.1]], 0.05],
    ["bands in any order: the lowest band the compliance falls under wins", [[0.96, 0.1], [0.99, 0.05], [0.9, 0.2]], 0.1],
    ["no band above the compliance gives no credit", [["Compliance below", "Credit %"], [0.9, "20%"]], 0],
  ])("pays %s", (_what, credits, expected) => {
    expect(catalog.SLACREDIT.fn(tickets, "Acme", credits, undefined, undefined, "2025-04-10")).toBe(expected);
  });
});

describe("VENDORDATAQUALITY counts", () => {
  const range: Range = [
    ["Supplier", "Scheduled Delivery Date", "Delivered Date", "Qty", "Status", "Defective Units"],
    ["A", "03/04/2025", "Date Not Captured", 10, "Delivered", ""],
    ["A", "03/05/2025", "13/04/2025", 10, "Cancelled", 1],
    ["", "03/06/2025", "", 10, "", ""],
    ["B", "N/A", "2-Jun-06", 10, "void", "x1"],
    ["B", "2025-03-01", "Jun 2, 2006", 10, "Pending", 2],
    ["C", 45000, new Date(2025, 0, 1), "12 pcs", "canceled", "?"],
  ];
  const grid = catalog.VENDORDATAQUALITY.fn(range) as CellValue[][];
  const row = (field: string) => grid.find((r) => r[0] === field)!;

  it.each<[string, CellValue[]]>([
    // Only the two counted lines (A Delivered, B Pending): cells of blank-vendor and cancelled lines are not read.
    ["promised", ["promised", "Scheduled Delivery Date", "alias", 2, 0, 0, 0]],
    ["delivered", ["delivered", "Delivered Date", "alias", 1, 0, 1, 0]],
    ["ordered_qty", ["ordered_qty", "Qty", "alias", 2, 0, 0, 0]],
    ["rejected_qty", ["rejected_qty", "Defective Units", "alias", 1, 1, 0, 0]],
  ])("counts values, blanks, placeholders and unparseable cells of %s on the lines that count", (field, expected) => {
    expect(row(field).slice(0, 7)).toEqual(expected);
  });

  it("says how the date order of each column was chosen", () => {
    expect(row("promised")[7]).toMatch(/ambiguous: read as MDY/);
    // The delivered column's only numeric date (13/04/2025) is on a cancelled line, which is not read.
    expect(row("delivered")[7]).toBe("");
  });

  it("counts the lines skipped for a blank vendor and for cancelled / canceled / void status", () => {
    expect(grid.slice(-4).map((r) => [r[0], r[3]])).toEqual([
      ["lines", 6],
      ["skipped: blank vendor", 1],
      ["skipped: cancelled", 3],
      ["counted", 2],
    ]);
  });

  it("reports a field no header matched as not found, with the headers to use", () => {
    expect(row("unit_price").slice(0, 3)).toEqual(["unit_price", "not found", ""]);
    expect(row("unit_price")[7]).toContain('"unit price"');
  });
});
