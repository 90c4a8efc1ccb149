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
