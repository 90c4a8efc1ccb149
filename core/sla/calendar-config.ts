import { isBlank, isDate } from "../cell/blank";
import { dateToSerial, MS_PER_DAY, parseDate, type Serial } from "../cell/date";
import { attempt, type CoreError, fail, quote } from "../cell/error";
import type { CellValue, RangeArg } from "../cell/types";
import { configRows, type ConfigRow } from "../config/rows";
import { DEFAULT_CALENDAR, makeCalendar, type Calendar, type Shift } from "./calendar";
import { zoneName } from "./zone";

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const HOUR_MS = 3_600_000;

/**
 * Reads a calendar range of key/value rows: `workdays` (`Mon-Fri`, `Mon,Tue,Thu`, or a
 * NETWORKDAYS.INTL weekend string such as `0000011`), `hours` (`09:00-17:00`; several ranges in
 * one row or several rows; `hours, Sat, 10:00-14:00` for the named days only; `22:00-06:00` a
 * night shift counted on the day it starts), `holiday` (a date, one row each; blank cells are
 * skipped) and `timezone` (an IANA name the hours are in). What a range leaves out keeps the
 * default, Mon-Fri 09:00-17:00 with no holidays.
 *
 * @example readCalendar([["workdays", "Sun-Thu"], ["hours", "08:00-12:00"], ["hours", "13:00-17:00"], ["hours", "Sat", "10:00-14:00"], ["holiday", "2025-12-25"]])
 */
export function readCalendar(arg: RangeArg): Calendar | CoreError {
  return attempt(() => parseCalendar(arg));
}

function parseCalendar(arg: RangeArg): Calendar {
  const rows = configRows(arg, ["setting", "key", "name", "calendar", "field"]);
  if (rows.length === 0) return DEFAULT_CALENDAR;
  let workdays: boolean[] | undefined;
  let zone: string | undefined;
  const general: Shift[] = [];
  // By weekday: the ranges of the rows that name that day.
  const named: (Shift[] | undefined)[] = DAYS.map(() => undefined);
  const holidays: Serial[] = [];
  for (const r of rows) {
    const values = r.cells.slice(1).filter((c) => !isBlank(c));
    const isHoliday = r.key === "holiday" || r.key === "holidays";
    // Spreadsheets skip blank cells of a holiday range, and calendar templates keep empty holiday slots.
    if (values.length === 0 && isHoliday) continue;
    if (values.length === 0) fail("bad_config", `Calendar row ${r.row}: "${quote(r.name)}" has no value in the next cell.`, { row: r.row });
    switch (r.key) {
      case "workdays":
      case "workday":
      case "workingdays":
      case "days":
        if (workdays) fail("bad_config", `Calendar row ${r.row}: workdays are given twice; keep one workdays row.`, { row: r.row });
        workdays = parseWorkdays(values[0]!, r);
        break;
      case "hours":
      case "businesshours":
      case "workinghours":
      case "shift": {
        const days = typeof values[0] === "string" && values.length >= 2 ? daysOf(values[0]) : undefined;
        const ranges = parseHours(days ? values.slice(1) : values, r);
        if (!days) general.push(...ranges);
        else days.forEach((on, wd) => on && (named[wd] = [...(named[wd] ?? []), ...ranges]));
        break;
      }
      case "holiday":
      case "holidays":
        for (const v of values) holidays.push(holiday(v, r));
        break;
      case "timezone":
      case "tz":
      case "zone":
        zone = zoneName(values[0]!, `Calendar row ${r.row}`, r.row);
        break;
      default:
        fail("bad_config", `Calendar row ${r.row}: "${quote(r.name)}" is not a calendar setting. Use workdays (e.g. Mon-Fri), hours (e.g. 09:00-17:00 or Sat, 10:00-14:00), holiday (a date) or timezone (e.g. Europe/Berlin).`, { row: r.row });
    }
  }
  // A day named in an hours row works, whatever the workdays row says.
  const days = (workdays ?? DEFAULT_CALENDAR.workdays).map((w, wd) => w || named[wd] !== undefined);
  if (!days.some(Boolean)) fail("bad_config", "Calendar: no day of the week is a workday, so no business time can pass; fix the workdays row.");
  const every = general.length ? general : DEFAULT_HOURS;
  return makeCalendar(days.map((w, wd) => (w ? named[wd] ?? every : [])), holidays, zone);
}

const DEFAULT_HOURS: readonly Shift[] = [{ start: 9 * HOUR_MS, end: 17 * HOUR_MS }];

/** The weekdays an `hours` row names in its first cell, or undefined when that cell is not a list of days. */
function daysOf(v: string): boolean[] | undefined {
  const text = v.trim().toLowerCase();
  if (/^[01]{7}$/.test(text)) return DAYS.map((_, wd) => text[(wd + 6) % 7] === "0");
  if (!/^[a-z]/.test(text)) return undefined;
  return dayList(text);
}

// Excel's NETWORKDAYS.INTL weekend numbers: 1-7 a two-day weekend, 11-17 a single day off.
// Indexes are weekdays 0 = Sunday .. 6 = Saturday.
const WEEKEND_CODES: Record<number, number[]> = {
  1: [6, 0], 2: [0, 1], 3: [1, 2], 4: [2, 3], 5: [3, 4], 6: [4, 5], 7: [5, 6],
  11: [0], 12: [1], 13: [2], 14: [3], 15: [4], 16: [5], 17: [6],
};

/** `Mon-Fri`, `Mon,Tue,Thu`, `Sun-Thu`, `Monday to Friday`, `0000011` or a weekend number 1-7 / 11-17. */
function parseWorkdays(v: CellValue, r: ConfigRow): boolean[] {
  const text = String(v).trim().toLowerCase();
  if (/^[01]{7}$/.test(text)) {
    // Monday first, 1 = not a working day, as in NETWORKDAYS.INTL.
    return DAYS.map((_, wd) => text[(wd + 6) % 7] === "0");
  }
  if (/^\d{1,2}$/.test(text)) {
    const off = WEEKEND_CODES[Number(text)];
    if (!off) fail("bad_config", `Calendar row ${r.row}: weekend number ${text} is not one of NETWORKDAYS.INTL's (1-7, 11-17); write the weekend string as text, e.g. '0000011.`, { row: r.row });
    return DAYS.map((_, wd) => !off.includes(wd));
  }
  const out = dayList(text);
  if (!out) fail("bad_config", `Calendar row ${r.row}: "${quote(v)}" is not a list of workdays; write e.g. Mon-Fri, Mon,Tue,Thu or 0000011 (Monday first, 1 = day off).`, { row: r.row });
  return out;
}

/** `mon-fri`, `mon,tue,thu`, `monday to friday`, `fri-mon` (lower case): the days named, or undefined. */
function dayList(text: string): boolean[] | undefined {
  const out = DAYS.map(() => false);
  // Runs of spaces become one first: `\s*(?:-|to)\s*` tried at every space of a long run is quadratic.
  // The parts are split on spaces anyway, so the result is the same.
  const parts = text.replace(/\s+/g, " ").replace(/ ?(?:-|–|to|through|thru) ?/g, "-").split(/[\s,;/]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  for (const part of parts) {
    const ends = part.split("-");
    const from = dayIndex(ends[0]!);
    const to = dayIndex(ends[ends.length - 1]!);
    if (from < 0 || to < 0 || ends.length > 2) return undefined;
    for (let d = from; ; d = (d + 1) % 7) {
      out[d] = true;
      if (d === to) break;
    }
  }
  return out;
}

function dayIndex(word: string): number {
  const i = DAYS.indexOf(word.slice(0, 3));
  const full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
  if (i < 0) return -1;
  return word.length === 3 || full[i]!.startsWith(word) || (word.length <= 5 && /^(tues|thur|thurs|weds)$/.test(word)) ? i : -1;
}

const TIME = /^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])?\.?m?\.?$/;

/**
 * `09:00-17:00`, `9-17`, `9am-5pm`, several ranges in one cell separated by commas or in the
 * next cells, or two time cells (Excel hands a typed 09:00 over as 0.375, Sheets as a Date on
 * 1899-12-30) or two hour numbers (`9, 17`).
 */
function parseHours(values: CellValue[], r: ConfigRow): Shift[] {
  const bad = (what: string) =>
    fail("bad_config", `Calendar row ${r.row}: ${what} is not business hours; write e.g. 09:00-17:00, or 22:00-06:00 for a night shift.`, { row: r.row });
  if (values.length >= 2 && values.every((v) => typeof v === "number" || isDate(v))) {
    return [shift(timeOfCell(values[0]!, bad), timeOfCell(values[1]!, bad))];
  }
  const out: Shift[] = [];
  for (const v of values) {
    for (const part of String(v).split(/[,;]/)) {
      // Split on the bare separator and trim each end: the same ends as splitting on
      // `\s*(?:-|to)\s*`, which is quadratic on a long run of spaces.
      const ends = part.trim().toLowerCase().split(/-|–|to/).map((e) => e.trim());
      if (ends.length !== 2) bad(`"${quote(v)}"`);
      out.push(shift(timeOfText(ends[0]!, bad), timeOfText(ends[1]!, bad)));
    }
  }
  return out;
}

/** A range whose end is at or before its start (22:00-06:00) runs into the next day; 17:00-00:00 ends at midnight. */
function shift(start: number, end: number): Shift {
  const e = end === 0 ? MS_PER_DAY : end;
  return { start, end: e <= start ? e + MS_PER_DAY : e };
}

function timeOfText(s: string, bad: (what: string) => never): number {
  const t = TIME.exec(s.trim());
  if (!t) bad(`"${s}"`);
  let h = Number(t[1]);
  const mi = t[2] === undefined ? 0 : Number(t[2]);
  if (t[3]) {
    if (h < 1 || h > 12) bad(`"${s}"`);
    h = (h % 12) + (t[3] === "p" ? 12 : 0);
  }
  if (h > 24 || mi > 59 || (h === 24 && mi > 0)) bad(`"${s}"`);
  return (h * 60 + mi) * 60_000;
}

function timeOfCell(v: CellValue, bad: (what: string) => never): number {
  // `hours, 9, 17` typed as plain numbers: hours of the day.
  if (typeof v === "number" && v > 1 && v <= 24) return Math.round(v * HOUR_MS);
  const s = isDate(v) ? dateToSerial(v) : (v as number);
  const frac = s - Math.floor(s);
  if (!Number.isFinite(s) || (typeof v === "number" && (v < 0 || v > 1))) bad(String(v));
  // A time cell of exactly 1 (24:00) is the end of the day.
  return v === 1 ? MS_PER_DAY : Math.round(frac * MS_PER_DAY);
}

function holiday(v: CellValue, r: ConfigRow): Serial {
  const s = parseDate(v);
  if (Number.isNaN(s)) fail("bad_config", `Calendar row ${r.row}: holiday "${quote(v)}" is not a date; give a date cell or text like 2025-12-25.`, { row: r.row });
  return Math.floor(s);
}
