import { catalog } from "../helpers/sheet";
import { wallClock } from "../../sheets-addon/zone";
import { buildBundle, loadBundle } from "../../doubles/sheets/bundle";
import { instantIn, sampleCsv, typed, wallIn, type Wall } from "../../doubles/sheets/sample";
import { serial } from "../helpers/sheet";

const serialOfWall = ([y, m, d, h, mi]: Wall) => serial(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")} ${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}`);
/** The wall clock of a serial at midnight: [y, m, d, 0, 0]. */
const wallOf = (s: number): Wall => {
  const d = new Date(Math.round((s - 25569) * 86_400_000));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0];
};
const isDateValue = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";


const ZONES = ["America/New_York", "Asia/Kolkata", "Australia/Sydney"];

describe("wall clock of a spreadsheet zone", () => {
  const times: Wall[] = [
    [2025, 3, 8, 23, 30], [2025, 3, 9, 1, 59], [2025, 3, 9, 3, 0], [2025, 3, 9, 12, 0], // New York springs forward 2025-03-09 02:00
    [2025, 4, 5, 23, 0], [2025, 4, 6, 4, 0], [2025, 4, 6, 12, 0], // Sydney falls back 2025-04-06 03:00
    [2025, 10, 5, 1, 0], [2025, 10, 5, 3, 0], // Sydney springs forward 2025-10-05 02:00
    [2025, 11, 2, 0, 30], [2025, 11, 2, 3, 0], [2024, 2, 29, 9, 15], [2030, 7, 1, 17, 45],
  ];

  it.each(ZONES)("reads a date cell in %s as the wall-clock serial it shows, on both sides of DST changes", (zone) => {
    const clock = wallClock(zone);
    for (const w of times) expect([w, clock.toSerial(instantIn(zone, w))]).toEqual([w, serialOfWall(w)]);
  });

  it.each(ZONES)("writes a serial back as the instant %s shows at that wall clock", (zone) => {
    const clock = wallClock(zone);
    for (const w of times) expect([w, wallIn(zone, clock.toDate(serialOfWall(w)))]).toEqual([w, w]);
  });

  it("writes a wall time inside New York's spring-forward gap (02:30 does not exist) as 03:30, where the clock moved to", () => {
    const clock = wallClock("America/New_York");
    expect(clock.toDate(serial("2025-03-09 02:30")).toISOString()).toBe("2025-03-09T07:30:00.000Z");
  });

  it("round-trips a time-only cell (Sheets' date 1899-12-30) through the zone's historic offset", () => {
    for (const zone of ZONES) {
      const clock = wallClock(zone);
      const s = serial("1899-12-30 10:30");
      expect(clock.toSerial(clock.toDate(s))).toBeCloseTo(s, 9);
    }
  });

  it("keeps seconds and milliseconds of a time", () => {
    const clock = wallClock("Asia/Kolkata");
    const t = new Date(Date.UTC(2025, 0, 1, 4, 30, 15, 250)); // 10:00:15.250 in India
    expect(clock.toSerial(t)).toBeCloseTo(serial("2025-01-01 10:00") + 15.25 / 86400, 10);
  });

  it("converts 100,000 date cells spread over years quickly", () => {
    const clock = wallClock("America/New_York");
    const start = Date.UTC(2020, 0, 1);
    const cells = Array.from({ length: 100_000 }, (_, i) => new Date(start + i * 1_987_000));
    const t0 = performance.now();
    let sum = 0;
    for (const d of cells) sum += clock.toSerial(d);
    expect(Number.isFinite(sum)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});

describe("custom functions in a spreadsheet zone (the built bundle)", () => {
  let dir = "";
  beforeAll(() => (dir = buildBundle()), 60_000);

  function sheetsFor(zone: string) {
    let zoneReads = 0;
    const ctx = loadBundle(dir, { SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => (zoneReads++, zone) }) } });
    return { ctx, zoneReads: () => zoneReads };
  }

  const tickets = [
    ["Ticket", "Vendor", "Priority", "Opened", "Resolved"],
    // Across New York's spring-forward night: 10.5 wall-clock hours on a 24x7 clock, as Excel counts them.
    ["T1", "Acme", "P1", [2025, 3, 8, 23, 30], [2025, 3, 9, 10, 0]],
    // Across Sydney's fall-back night.
    ["T2", "Acme", "P1", [2025, 4, 5, 20, 0], [2025, 4, 6, 8, 0]],
    ["T3", "Birch", "P2", [2025, 3, 7, 16, 0], [2025, 3, 10, 10, 30]],
  ];
  const policy = [["priority", "resolution target (h)", "clock"], ["P1", 4, "24x7"], ["P2", 8, "business"]];
  const asOf = serial("2025-04-30");
  const cells = <T>(date: (w: Wall) => T) => tickets.map((r, i) => (i === 0 ? r : r.map((v) => (Array.isArray(v) ? date(v as Wall) : v))));

  it.each(ZONES)("SLA hours and statuses from Date cells in %s equal Excel's from serials, and Breach at comes back as a Date", (zone) => {
    const { ctx, zoneReads } = sheetsFor(zone);
    const excel = catalog.SLASTATUS.fn(cells(serialOfWall), policy, undefined, asOf) as unknown[][];
    const sheets = ctx.SLASTATUS!(cells((w) => instantIn(zone, w)), policy, undefined, asOf) as unknown[][];
    expect(zoneReads()).toBe(1);
    const breachAt = excel[0]!.indexOf("Breach at");
    expect(breachAt).toBeGreaterThan(0);
    sheets.forEach((row, r) =>
      row.forEach((v, c) => {
        if (r > 0 && c === breachAt && excel[r]![c] !== "") {
          expect(isDateValue(v)).toBe(true);
          expect(wallClock(zone).toSerial(v as Date)).toBeCloseTo(excel[r]![c] as number, 8);
        } else expect([r, c, v]).toEqual([r, c, excel[r]![c]]);
      }),
    );
    expect(ctx.SLAHOURS!(instantIn(zone, [2025, 3, 8, 22, 0]), instantIn(zone, [2025, 3, 9, 10, 0]), [["workdays", "Mon-Sun"], ["hours", "00:00-24:00"]])).toBe(12);
  });

  it.each(ZONES)("on-time days from Date cells in %s equal Excel's from serials", (zone) => {
    const { ctx } = sheetsFor(zone);
    const rows = sampleCsv("po-lines");
    const excel = catalog.VENDORSCORECARD.fn(typed(rows, serialOfWall), undefined, asOf);
    const sheets = ctx.VENDORSCORECARD!(typed(rows, (w) => instantIn(zone, w)), undefined, asOf);
    expect(sheets).toEqual(excel);
  });

  it.each(ZONES)("monthly trends from Date cells in %s equal Excel's from serials, Start and End back as Dates of the period's first and last day", (zone) => {
    const { ctx } = sheetsFor(zone);
    const rows = sampleCsv("po-lines");
    const monthly = [["period", "month"], ["history", 3]];
    const excel = catalog.VENDORTREND.fn(typed(rows, serialOfWall), "Acme Metals", null, monthly, asOf) as unknown[][];
    const sheets = ctx.VENDORTREND!(typed(rows, (w) => instantIn(zone, w)), "Acme Metals", null, monthly, asOf) as unknown[][];
    expect(excel.map((r) => r[0])).toEqual(["Period", "2025-02", "2025-03", "2025-04"]);
    sheets.forEach((row, r) =>
      row.forEach((v, c) => {
        if (r > 0 && (c === 1 || c === 2)) expect(wallIn(zone, v as Date)).toEqual([...wallOf(excel[r]![c] as number)]);
        else expect([r, c, v]).toEqual([r, c, excel[r]![c]]);
      }),
    );
    expect(ctx.VENDORTRENDS!(typed(rows, (w) => instantIn(zone, w)), undefined, monthly, asOf)).toEqual(catalog.VENDORTRENDS.fn(typed(rows, serialOfWall), undefined, monthly, asOf));
  });

  it("reads the spreadsheet zone only when a date needs it", () => {
    const { ctx, zoneReads } = sheetsFor("Asia/Kolkata");
    const po = typed(sampleCsv("po-lines"), serialOfWall);
    ctx.VENDORSCORE!(po, "Acme Metals", undefined, asOf);
    expect(zoneReads()).toBe(0);
  });

  it("answers a blank cell (\"\") and an omitted argument (undefined) as Excel answers null", () => {
    const { ctx } = sheetsFor("America/New_York");
    const po = typed(sampleCsv("po-lines"), (w) => instantIn("America/New_York", w));
    const excel = catalog.VENDORSCORE.fn(typed(sampleCsv("po-lines"), serialOfWall), "Acme Metals", null, asOf);
    expect(ctx.VENDORSCORE!(po, "Acme Metals", "", asOf)).toBe(excel);
    expect(ctx.VENDORSCORE!(po, "Acme Metals", undefined, instantIn("America/New_York", [2025, 4, 30, 0, 0]))).toBe(excel);
  });
});
