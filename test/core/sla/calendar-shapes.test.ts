import type { Range } from "../../../core";
import { breachAt, readCalendar, type Calendar } from "../../../core/sla";
import { catalog, serial } from "../../helpers/sheet";

// 2025-03-28 is a Friday, 2025-03-31 a Monday; 2016-01-22 a Friday.
const hours = (start: string, end: string, calendar?: Range) => catalog.SLAHOURS.fn(start, end, calendar);
const WEEK: [string, string] = ["2025-03-31", "2025-04-07"];

describe("hours per weekday", () => {
  it.each<[string, Range, string, string, number]>([
    // Default Mon-Fri 09:00-17:00 plus Saturday 10:00-14:00: Fri 16-17 (1) + Sat 10-14 (4) + Mon 09-10 (1).
    ["a Saturday half-day beside the default weekdays", [["hours", "Sat", "10:00-14:00"]], "2025-03-28 16:00", "2025-03-31 10:00", 6],
    ["the Saturday half-day alone", [["hours", "Sat", "10:00-14:00"]], "2025-03-29 00:00", "2025-03-30 00:00", 4],
    // 5 x (3 + 4) + 4 = 39.
    ["split hours on Mon-Fri in separate cells and a Saturday half-day", [["hours", "Mon-Fri", "09:00-12:00", "13:00-17:00"], ["hours", "Sat", "10:00-14:00"]], ...WEEK, 39],
    // Mon-Thu 08:00-16:00 (4 x 8) + Friday 08:00-12:00 (4): the general row skips the day named on its own.
    ["a general row for the days no other row names", [["hours", "08:00-16:00"], ["hours", "Fri", "08:00-12:00"]], ...WEEK, 36],
    // Saturday 10:00-12:00 and 11:00-14:00: the union, 10:00-14:00, not 2 + 3.
    ["overlapping ranges of one day counted once", [["hours", "Sat", "10:00-12:00"], ["hours", "Saturday", "11:00-14:00"]], "2025-03-29 00:00", "2025-03-30 00:00", 4],
    ["overlapping general ranges counted once", [["hours", "09:00-13:00"], ["hours", "12:00-17:00"]], ...WEEK, 40],
    // Mon-Thu 4 x 8, Friday off, Saturday named in an hours row so it works: 32 + 4.
    ["a day named in an hours row works whatever the workdays row says", [["workdays", "Mon-Thu"], ["hours", "Sat", "10:00-14:00"]], ...WEEK, 36],
    ["days written as a weekend string", [["hours", "0000011", "10:00-12:00"]], ...WEEK, 10],
  ])("%s", (_what, cal, start, end, expected) => {
    expect(hours(start, end, cal)).toBeCloseTo(expected, 9);
  });

  it("reaches a target across the Saturday half-day", () => {
    const cal = readCalendar([["hours", "Sat", "10:00-14:00"]]) as Calendar;
    // Friday 16:00 + 3 h: 1 h Friday, 2 h Saturday, reached Saturday 12:00.
    expect(breachAt(cal, serial("2025-03-28 16:00"), 3)).toBeCloseTo(serial("2025-03-29 12:00"), 8);
  });
});

describe("overnight shifts belong to the day they start", () => {
  const NIGHT: Range = [["workdays", "Mon-Fri"], ["hours", "23:00-07:00"]];

  it.each<[string, string, string, number]>([
    // Friday's shift runs 23:00 to Saturday 07:00: 8 hours.
    ["Friday 22:00 to Saturday 08:00 is Friday's whole night shift", "2016-01-22 22:00", "2016-01-23 08:00", 8],
    // No shift starts on Sunday, so Monday 00:00-07:00 is nobody's.
    ["Monday 00:00 to 08:00 is no one's shift", "2016-01-25 00:00", "2016-01-25 08:00", 0],
    ["Monday 22:00 to Tuesday 08:00 is Monday's shift", "2016-01-25 22:00", "2016-01-26 08:00", 8],
    ["part of a shift each side of midnight", "2016-01-25 23:30", "2016-01-26 01:00", 1.5],
    ["a week has five night shifts", "2016-01-25 00:00", "2016-02-01 00:00", 40],
  ])("%s", (_what, start, end, expected) => {
    expect(hours(start, end, NIGHT)).toBeCloseTo(expected, 9);
  });

  // Mon-Fri 22:00-06:00 with Wednesday 2025-04-02 a holiday.
  const HOLIDAY: Range = [["hours", "22:00-06:00"], ["holiday", "2025-04-02"]];

  it.each<[string, string, string, number]>([
    ["a holiday removes the shift that starts on it, after midnight too", "2025-04-02 20:00", "2025-04-03 08:00", 0],
    ["the shift of the day before a holiday keeps its part after midnight", "2025-04-01 20:00", "2025-04-02 08:00", 8],
    ["a week with the holiday has four night shifts", "2025-03-31 00:00", "2025-04-07 00:00", 32],
  ])("%s", (_what, start, end, expected) => {
    expect(hours(start, end, HOLIDAY)).toBeCloseTo(expected, 9);
  });

  it("reaches a target over the holiday: Tuesday 23:00 + 10 h is Friday 01:00", () => {
    // Tuesday 23:00-06:00 gives 7 h; Wednesday's shift is a holiday; Thursday 22:00 + 3 h.
    const cal = readCalendar(HOLIDAY) as Calendar;
    expect(breachAt(cal, serial("2025-04-01 23:00"), 10)).toBeCloseTo(serial("2025-04-04 01:00"), 8);
  });

  it("a night shift overlapping the next day's hours counts the overlap once, as the night shift's", () => {
    // Mon-Fri 22:00-06:00 and 05:00-09:00: Monday 22:00 to Tuesday 09:00 is 11 hours, not 12.
    expect(hours("2025-03-31 22:00", "2025-04-01 09:00", [["hours", "22:00-06:00"], ["hours", "05:00-09:00"]])).toBeCloseTo(11, 9);
  });

  it("a range ending at midnight ends that day", () => {
    expect(hours("2025-03-31 00:00", "2025-04-01 00:00", [["hours", "17:00-00:00"]])).toBeCloseTo(7, 9);
  });
});

describe("blank holiday cells", () => {
  it("are skipped as spreadsheets skip them: only the dates count", () => {
    // Monday 2025-03-31 a holiday: 32 h in the week.
    const cal: Range = [["holiday", ""], ["holiday", "2025-03-31", ""], ["holiday", null], ["holidays", "", "", ""]];
    expect(hours(...WEEK, cal)).toBeCloseTo(32, 9);
  });

  it("a calendar of only empty holiday slots is the default calendar", () => {
    expect(hours(...WEEK, [["holiday", ""], ["holiday", ""]])).toBeCloseTo(40, 9);
  });

  it("still refuses an hours row with no value", () => {
    expect(hours(...WEEK, [["hours", ""]])).toBeCoreError("#VALUE!", "row 1", "no value");
  });
});

describe("calendar time zone", () => {
  it("SLAHOURS reads its times as wall-clock times of the calendar's zone: the zone changes nothing", () => {
    const cal: Range = [["workdays", "Mon-Sun"], ["hours", "00:00-24:00"], ["timezone", "Europe/Berlin"]];
    // Wall-clock 00:00-05:00 on the spring-change day.
    expect(hours("2025-03-30 00:00", "2025-03-30 05:00", cal)).toBe(5);
  });

  it("accepts zone names in any case", () => {
    expect((readCalendar([["timezone", "europe/berlin"]]) as Calendar).zone).toBe("Europe/Berlin");
  });
});
