import type { CellValue, Range } from "../../../core";
import { dateToSerial, formatSerial, parseDate, parseDateText, serialOf, type DateOrder } from "../../../core/cell/date";
import { catalog, serial } from "../../helpers/sheet";

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

// Serials are days since 1899-12-30 with the time of day as the fraction: 2025-03-31 is 45747.
describe("serialOf and dateToSerial", () => {
  it.each<[string, number[], number]>([
    ["the Excel epoch 1899-12-30 is 0", [1899, 12, 30], 0],
    ["1900-01-01 is 2 (no 1900 leap-day bug before March)", [1900, 1, 1], 2],
    ["1970-01-01 is 25569", [1970, 1, 1], 25569],
    ["2025-03-31 is 45747", [2025, 3, 31], 45747],
    ["noon adds half a day", [2025, 3, 31, 12], 45747.5],
    ["06:00 adds a quarter day", [2025, 3, 31, 6], 45747.25],
    ["9999-12-31 is 2958465, the last day Excel shows", [9999, 12, 31], 2958465],
  ])("%s", (_what, [y, m, d, h], serial) => {
    expect(serialOf(y!, m!, d!, h)).toBeCloseTo(serial, 9);
  });

  it("reads a Date by the wall-clock fields it shows, whatever the time zone", () => {
    expect(dateToSerial(new Date(2025, 2, 31, 12))).toBe(45747.5);
    expect(dateToSerial(new Date(2025, 2, 9, 2, 30))).toBeCloseTo(serialOf(2025, 3, 9, 2, 30), 9);
  });
});

describe("formatSerial", () => {
  it.each<[number, string]>([
    [45747, "2025-03-31"],
    [45747.5, "2025-03-31 12:00"],
    [45747 + 14.5 / 24, "2025-03-31 14:30"],
    [45747.999999, "2025-03-31 23:59"],
    [2, "1900-01-01"],
  ])("writes %d as %s, the time only when there is one", (serial, text) => {
    expect(formatSerial(serial)).toBe(text);
  });
});

describe("parseDateText", () => {
  it.each<[string, DateOrder, string]>([
    // ISO, with or without a time, T or space, seconds, fractions and a zone suffix (dropped: wall clock)
    ["2025-03-31", "MDY", "2025-03-31"],
    ["2025/3/5", "DMY", "2025-03-05"],
    ["2025.03.31 08:05", "MDY", "2025-03-31 08:05"],
    ["2025-03-31T14:30:15.5", "MDY", "2025-03-31 14:30:15.5"],
    ["2025-03-31T14:30:00+02:00", "MDY", "2025-03-31 14:30"],
    ["2025/03/31", "YMD", "2025-03-31"],
    // numeric dates in the column's day/month order
    ["03/04/2025", "MDY", "2025-03-04"],
    ["03/04/2025", "DMY", "2025-04-03"],
    ["31.03.2025", "DMY", "2025-03-31"],
    ["12-31-2025", "MDY", "2025-12-31"],
    // month names, short and long, either side of the day
    ["5-Sep-2025", "MDY", "2025-09-05"],
    ["5 September 2025", "DMY", "2025-09-05"],
    ["Sept 5, 2025", "MDY", "2025-09-05"],
    ["Jun 2nd, 2006", "MDY", "2006-06-02"],
    ["DEC 31 1999", "MDY", "1999-12-31"],
    // two-digit years as Excel reads them: 00-29 in the 2000s, 30-99 in the 1900s
    ["12/31/00", "MDY", "2000-12-31"],
    ["12/31/29", "MDY", "2029-12-31"],
    ["12/31/30", "MDY", "1930-12-31"],
    ["31/12/99", "DMY", "1999-12-31"],
    ["5-Sep-25", "MDY", "2025-09-05"],
    // times with am/pm
    ["3/4/25 12:00 AM", "MDY", "2025-03-04 00:00"],
    ["3/4/25 12:30 PM", "MDY", "2025-03-04 12:30"],
    ["2025-03-31 2:30 pm", "MDY", "2025-03-31 14:30"],
    ["3/4/2025 11:59 p.m.", "MDY", "2025-03-04 23:59"],
    ["5-Sep-2025 10:00", "MDY", "2025-09-05 10:00"],
    // leap days that exist
    ["2024-02-29", "MDY", "2024-02-29"],
    ["2000-02-29", "MDY", "2000-02-29"],
  ])("reads %s (%s) as %s", (text, order, want) => {
    expect(parseDateText(text, order)).toBeCloseTo(wall(want), 9);
  });

  it.each<[string, DateOrder]>([
    ["2025-02-30", "MDY"],
    ["2025-02-29", "MDY"],
    ["2100-02-29", "MDY"],
    ["2025-04-31", "MDY"],
    ["2025-13-01", "MDY"],
    ["2025-00-10", "MDY"],
    ["13/01/2025", "MDY"],
    ["01/13/2025", "DMY"],
    ["03/04/2025", "YMD"],
    ["0-Jan-2025", "MDY"],
    ["Junk 2, 2006", "MDY"],
    ["3/4/25 0:30 AM", "MDY"],
    ["3/4/25 13:00 PM", "MDY"],
    ["2025-03-31 14:60", "MDY"],
    ["2025-03-31 14:30:60", "MDY"],
    ["", "MDY"],
    ["31 March", "DMY"],
    ["2025", "MDY"],
  ])("refuses %j (%s), which is no date on the calendar", (text, order) => {
    expect(parseDateText(text, order)).toBeNaN();
  });
});

describe("parseDate: a date cell of any kind", () => {
  it.each<[string, CellValue, number]>([
    ["a serial as it is", 45747.5, 45747.5],
    ["serial 0 (1899-12-30)", 0, 0],
    ["the last serial Excel shows", 2958465, 2958465],
    ["a serial typed as text, as some CSV exports write it", "45747", 45747],
    ["date text", "2025-03-31 12:00", 45747.5],
    ["a Date by its wall clock", new Date(2025, 2, 31, 12), 45747.5],
  ])("reads %s", (_what, cell, serial) => {
    expect(parseDate(cell)).toBeCloseTo(serial, 9);
  });

  it.each<[string, CellValue]>([
    ["a negative serial", -1],
    ["a serial past 9999-12-31", 2958466],
    ["an infinite number", Number.POSITIVE_INFINITY],
    ["NaN", Number.NaN],
    ["an invalid Date", new Date(Number.NaN)],
    ["a boolean", true],
    ["text that is no date", "next week"],
    ["an impossible date", "2025-02-30"],
  ])("refuses %s", (_what, cell) => {
    expect(parseDate(cell)).toBeNaN();
  });
});

/** Serial of `2025-03-31`, `2025-03-31 14:30` or `2025-03-31 14:30:15.5`. */
function wall(text: string): number {
  const [d, t = "0:0:0"] = text.split(" ");
  const [y, m, day] = d!.split("-").map(Number);
  const [h, mi, sec = 0] = t.split(":").map(Number);
  return serialOf(y!, m!, day!, h!, mi!, Math.floor(sec), (sec % 1) * 1000);
}

/** A `Date` in any year, 0-99 included (`new Date(50, ...)` would mean 1950). */
function dateIn(y: number, m: number, d: number): Date {
  const t = new Date(2000, m - 1, d);
  t.setFullYear(y, m - 1, d);
  return t;
}

describe("dates a sheet can hold: 1900-01-01 to 9999-12-31", () => {
  it("reads the year 50 as the year 50, not 1950", () => {
    expect(serialOf(50, 3, 1)).toBeCloseTo(serialOf(2050, 3, 1) - 5 * 146_097, 9); // 2000 years: five 400-year cycles
    expect(serialOf(50, 3, 1)).toBeLessThan(0);
  });

  it.each<[string, CellValue]>([
    ["ISO text in the year 50", "0050-03-01"],
    ["ISO text in the year 0", "0000-01-01"],
    ["ISO text in the year 99", "0099-12-31 10:00"],
    ["numeric text with a four-digit year 0050", "03/01/0050"],
    ["ISO text in 1899", "1899-12-31"],
    ["a Date in the year 50", dateIn(50, 3, 1)],
    ["a Date in 1850", new Date(1850, 0, 1)],
    ["a Date on 1899-12-31", new Date(1899, 11, 31, 12)],
    ["a Date in the year 10000", dateIn(10000, 1, 1)],
    ["a Date in the year 275000", new Date(8.64e15)],
  ])("refuses %s, before 1900 or after 9999, like a serial out of range", (_what, cell) => {
    expect(parseDate(cell)).toBeNaN();
  });

  it.each<[string, CellValue, string]>([
    ["ISO text on 1900-01-01", "1900-01-01", "1900-01-01"],
    ["ISO text on 9999-12-31 at 23:59", "9999-12-31 23:59", "9999-12-31 23:59"],
    ["a Date on 1900-01-01", new Date(1900, 0, 1), "1900-01-01"],
    ["a Date on 9999-12-31", dateIn(9999, 12, 31), "9999-12-31"],
  ])("reads %s, at the edge of the range", (_what, cell, want) => {
    expect(parseDate(cell)).toBeCloseTo(wall(want), 9);
  });

  it.each<[string, CellValue]>([
    ["text 0050-03-01", "0050-03-01"],
    ["a Date in 1850", new Date(1850, 0, 1)],
  ])("fails a delivered-date cell holding %s, naming its row", (_what, cell) => {
    const range: Range = [["Vendor", "Promised Date", "Delivered Date"], ["Acme", "2025-03-10", cell]];
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", "2025-04-10")).toBeCoreError("#VALUE!", "row 2", "is not a date");
  });
});

describe("as_of text and the date order", () => {
  // Promised 2025-04-02, undelivered: late from 2025-04-03 on, not yet due on 2025-03-04.
  const PO: Range = [["Vendor", "Promised Date", "Delivered Date"], ["Acme", "2025-04-02", ""], ["Acme", "2025-04-01", "2025-04-01"]];
  const DMY: Range = [["date_order", "DMY"]];
  const MDY: Range = [["date_order", "MDY"]];

  it.each<[string, CellValue, Range | null, number]>([
    ["an unambiguous day-first date without a setting", "31/12/2025", null, 0.5],
    ["an unambiguous day-first date under MDY", "31/12/2025", MDY, 0.5],
    ["an unambiguous month-first date under DMY", "12/31/2025", DMY, 0.5],
    ["03/04/2025 as 3 April under date_order DMY", "03/04/2025", DMY, 0.5],
    ["03/04/2025 as 4 March without a setting (MDY)", "03/04/2025", null, 1],
    ["03/04/2025 as 4 March under date_order MDY", "03/04/2025", MDY, 1],
    ["ISO text whatever the setting", "2025-04-03", DMY, 0.5],
  ])("reads as_of %s", (_what, asOf, weights, onTime) => {
    const grid = catalog.VENDORSCORECARD.fn(PO, weights, asOf) as unknown[][];
    expect(grid[1]![3]).toBe(onTime);
  });

  it("reads VENDORKPI's as_of in the date order of its settings, which come after it", () => {
    expect(catalog.VENDORKPI.fn(PO, "Acme", "on_time", "03/04/2025", DMY)).toBe(0.5);
    expect(catalog.VENDORKPI.fn(PO, "Acme", "on_time", "03/04/2025", MDY)).toBe(1);
  });

  it("reads the SLA functions' as_of in the policy's date order", () => {
    const tickets: Range = [["Ticket", "Vendor", "Priority", "Opened"], ["T1", "Acme", "P1", "2025-04-02 00:00"]];
    // P1 is 4 h around the clock: open on 2 April at 00:00, breached by 3 April.
    const status = (asOf: string, policy: Range | null) => (catalog.SLASTATUS.fn(tickets, policy, null, asOf) as unknown[][])[1]![8];
    expect(status("03/04/2025", [["date_order", "DMY"]])).toBe("breached");
    expect(status("31/12/2025", null)).toBe("breached");
  });

  it("still refuses as_of text that is no date in either order, naming the argument", () => {
    expect(catalog.VENDORKPI.fn(PO, "Acme", "on_time", "31/31/2025")).toBeCoreError("#VALUE!", "as_of", "31/31/2025");
    expect(catalog.VENDORKPI.fn(PO, "Acme", "on_time", "0050-03-01")).toBeCoreError("#VALUE!", "as_of", "0050-03-01");
  });
});
