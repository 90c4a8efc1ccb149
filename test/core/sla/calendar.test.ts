import type { Range } from "../../../core";
import { ALWAYS, DEFAULT_CALENDAR, breachAt, readCalendar, type Calendar } from "../../../core/sla";
import { catalog, serial } from "../../helpers/sheet";

// 2025-03-28 is a Friday, 2025-03-31 a Monday.
const hours = (start: string, end: string, calendar?: Range) => catalog.SLAHOURS.fn(start, end, calendar);

describe("SLAHOURS: hand-worked business hours", () => {
  it.each<[string, string, string, Range | undefined, number]>([
    ["Friday 16:30 to Monday 10:00 under Mon-Fri 09-17", "2025-03-28 16:30", "2025-03-31 10:00", undefined, 1.5],
    ["the same span with the Monday a holiday runs on to Tuesday", "2025-03-28 16:30", "2025-04-01 10:00", [["holiday", "2025-03-31"]], 1.5],
    ["a holiday in between counts nothing", "2025-03-27 16:00", "2025-03-31 10:00", [["holiday", "2025-03-28"]], 2],
    ["a holiday on a weekend changes nothing", "2025-03-28 16:30", "2025-03-31 10:00", [["holiday", "2025-03-29"]], 1.5],
    ["split shifts skip the lunch break", "2025-03-31 11:00", "2025-03-31 14:00", [["hours", "08:00-12:00"], ["hours", "13:00-17:00"]], 2],
    ["split shifts written in one cell", "2025-03-31 07:00", "2025-03-31 18:00", [["hours", "08:00-12:00, 13:00-17:00"]], 8],
    ["a 24x7 calendar across midnight", "2025-03-31 22:00", "2025-04-01 01:30", [["workdays", "Mon-Sun"], ["hours", "00:00-24:00"]], 3.5],
    ["opened on a Saturday starts at Monday's opening", "2025-03-29 10:00", "2025-03-31 12:00", undefined, 3],
    ["opened before opening time starts at opening", "2025-03-31 06:00", "2025-03-31 09:30", undefined, 0.5],
    ["after closing to before next opening is zero", "2025-03-31 17:30", "2025-04-01 08:00", undefined, 0],
    ["one whole week", "2025-03-31", "2025-04-07", undefined, 40],
    ["a year of whole weeks", "2025-03-31", "2026-03-30", undefined, 52 * 40],
    ["end before start is negative", "2025-03-31 10:00", "2025-03-28 16:30", undefined, -1.5],
    ["hours given as am/pm", "2025-03-31 07:00", "2025-03-31 20:00", [["hours", "8am-4:30pm"]], 8.5],
    ["hours given as two time cells (Excel fractions)", "2025-03-31 07:00", "2025-03-31 20:00", [["hours", 0.375, 0.75]], 9],
    ["hours given as two hour numbers", "2025-03-31 07:00", "2025-03-31 20:00", [["hours", 8, 16.5]], 8.5],
  ])("%s", (_what, start, end, calendar, expected) => {
    expect(hours(start, end, calendar)).toBeCloseTo(expected, 9);
  });

  it("reads start and end given as Sheets Date objects", () => {
    expect(catalog.SLAHOURS.fn(new Date(2025, 2, 28, 16, 30), new Date(2025, 2, 31, 10, 0))).toBeCloseTo(1.5, 9);
  });

  it("reads hours given as Sheets time cells (Dates on 1899-12-30)", () => {
    const cal = [["hours", new Date(1899, 11, 30, 8), new Date(1899, 11, 30, 12)]];
    expect(hours("2025-03-31 00:00", "2025-04-01 00:00", cal)).toBeCloseTo(4, 9);
  });
});

describe("calendar workdays forms", () => {
  // Monday 2025-03-31 00:00 to Monday 2025-04-07 00:00: 8 hours per workday.
  it.each<[string | number, number]>([
    ["Mon-Fri", 40],
    ["Mon,Tue,Thu", 24],
    ["Mon, Tue, Thu", 24],
    ["Monday to Friday", 40],
    ["Sun-Thu", 40],
    ["Fri-Mon", 32],
    ["0000011", 40],
    ["0011111", 16],
    ["0000000", 56],
    [1, 40], // NETWORKDAYS.INTL weekend number 1 = Saturday and Sunday off
    [11, 48], // 11 = Sunday only off
    ["7", 40], // 7 = Friday and Saturday off
  ])("workdays %s gives %d hours in a week", (form, expected) => {
    expect(hours("2025-03-31", "2025-04-07", [["workdays", form]])).toBeCloseTo(expected, 9);
  });

  it("0000011 means Monday first with 1 = day off: Saturday counts nothing, Monday counts", () => {
    const cal = [["workdays", "0000011"]];
    expect(hours("2025-03-29 00:00", "2025-03-30 00:00", cal)).toBe(0);
    expect(hours("2025-03-31 00:00", "2025-04-01 00:00", cal)).toBe(8);
  });

  it("Sun-Thu makes Sunday a workday and Friday a day off", () => {
    const cal = [["workdays", "Sun-Thu"]];
    expect(hours("2025-03-30 00:00", "2025-03-31 00:00", cal)).toBe(8);
    expect(hours("2025-03-28 00:00", "2025-03-29 00:00", cal)).toBe(0);
  });

  it("skips a header row and reads several holidays on one row", () => {
    const cal = [["Setting", "Value"], ["holiday", "2025-03-31", "2025-04-01"]];
    expect(hours("2025-03-31", "2025-04-07", cal)).toBe(24);
  });
});

describe("a calendar range it cannot read is a #VALUE! error naming the row", () => {
  it.each<[string, Range, string[]]>([
    ["an unknown day name", [["workdays", "Mon-Funday"]], ["row 1", "Mon-Funday"]],
    ["an unknown weekend number", [["workdays", 9]], ["row 1", "weekend number 9"]],
    ["no workday at all", [["workdays", "1111111"]], ["no day of the week"]],
    ["hours that are not times", [["Key", "Value"], ["hours", "all day"]], ["row 2", "all day"]],
    ["a holiday that is not a date", [["holiday", "Easter"]], ["row 1", "Easter"]],
    ["an unknown setting", [["colour", "blue"]], ["row 1", "colour"]],
    ["a time zone the runtime does not know", [["timezone", "Mars/Olympus"]], ["row 1", "Mars/Olympus", "IANA"]],
    ["a holiday row with a non-date beside blanks", [["holiday", "", "Easter"]], ["row 1", "Easter"]],
    ["a setting with no value", [["hours"]], ["row 1", "no value"]],
  ])("rejects %s", (_what, cal, mentions) => {
    expect(hours("2025-03-31", "2025-04-07", cal)).toBeCoreError("#VALUE!", ...mentions);
  });

  it("rejects a start that is not a date-time", () => {
    expect(catalog.SLAHOURS.fn("soon", "2025-03-31")).toBeCoreError("#VALUE!", "start", "soon");
  });
});

describe("breach moment (inverse of elapsed)", () => {
  it.each<[string, string, number, string]>([
    ["Friday 16:30 plus 1.5 h reaches Monday 10:00", "2025-03-28 16:30", 1.5, "2025-03-31 10:00"],
    ["a target ending at closing time is reached at closing, not the next opening", "2025-03-31 09:00", 8, "2025-03-31 17:00"],
    ["opened on Saturday, 8 h are reached Monday 17:00", "2025-03-29 11:00", 8, "2025-03-31 17:00"],
    ["40 h from Monday 09:00 end Friday 17:00", "2025-03-31 09:00", 40, "2025-04-04 17:00"],
    ["a year of weeks: 2080 h from Monday 09:00", "2025-03-31 09:00", 2080, "2026-03-27 17:00"],
  ])("%s", (_what, start, h, expected) => {
    expect(breachAt(DEFAULT_CALENDAR, serial(start), h)).toBeCloseTo(serial(expected), 8);
  });

  it("skips holidays, including several in a row", () => {
    const cal = readCalendar([["holiday", "2025-04-01"], ["holiday", "2025-04-02"], ["holiday", "2025-04-03"]]) as Calendar;
    // Monday 16:00 + 2 h: one hour on Monday, Tue-Thu are holidays, the second hour ends Friday 10:00.
    expect(breachAt(cal, serial("2025-03-31 16:00"), 2)).toBeCloseTo(serial("2025-04-04 10:00"), 8);
  });

  it("is plain clock time on a 24x7 calendar", () => {
    expect(breachAt(ALWAYS, serial("2025-03-31 22:00"), 4)).toBeCloseTo(serial("2025-04-01 02:00"), 8);
  });
});

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
