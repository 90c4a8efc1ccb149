import type { CellValue, Range } from "../../../core";
import { parseDateText } from "../../../core/cell/date";
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
