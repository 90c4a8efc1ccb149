import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KIND_INFO } from "../../core/report";
import { ExcelHost } from "../../excel-addin/host";
import { RefreshTimer, STALE_ON_OPEN_MS } from "../../excel-addin/schedule";
import { officeGlobals } from "../../doubles/excel/api";
import { findSheet } from "../../doubles/excel/model";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../preview/sample";

const ROOT = join(__dirname, "..", "..");
const load = (f: string) => readFileSync(join(ROOT, "samples", f), "utf8");

async function withReport(now: { t: number }) {
  const wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"));
  const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => new Date(now.t) });
  await host.generate({ kind: "scorecard", source: { type: "range", sheet: "PO lines", address: "A1:N41" }, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: SAMPLE_AS_OF, output: "Scorecard" });
  return { wb, host };
}

describe("refresh on open", () => {
  it("refreshes only reports older than the staleness limit", async () => {
    const now = { t: Date.parse("2025-03-31T08:00:00Z") };
    const { host } = await withReport(now);
    now.t += STALE_ON_OPEN_MS / 2;
    expect((await host.refreshAll(STALE_ON_OPEN_MS)).message).toBe("All reports are up to date.");
    now.t += STALE_ON_OPEN_MS;
    expect((await host.refreshAll(STALE_ON_OPEN_MS)).message).toBe("Refreshed 1 report.");
    expect((await host.listReports())[0]!.lastRefresh).toBe(new Date(now.t).toISOString());
  });

  it("keeps a report sheet's identity when the user renamed its tab", async () => {
    const { wb, host } = await withReport({ t: Date.now() });
    const sheet = findSheet(wb, "Scorecard")!;
    sheet.name = "Q1 vendors";
    expect((await host.refreshAll()).ok).toBe(true);
    expect(wb.sheets.filter((s) => s.values[0]?.[0] === "Vendor").map((s) => s.name)).toEqual(["Q1 vendors"]);
    expect((await host.listReports())[0]!.output).toBe("Q1 vendors");
  });
});

describe("interval refresh", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("runs on the chosen interval, stops when turned off, and never overlaps a running refresh", async () => {
    let calls = 0;
    let release = () => {};
    const timer = new RefreshTimer(() => {
      calls++;
      return new Promise<void>((r) => (release = r));
    });
    timer.set("15min");
    jest.advanceTimersByTime(15 * 60_000);
    expect(calls).toBe(1);
    jest.advanceTimersByTime(15 * 60_000);
    expect(calls).toBe(1); // the first refresh has not finished
    release();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(15 * 60_000);
    expect(calls).toBe(2);
    release();
    timer.set("off");
    jest.advanceTimersByTime(4 * 60 * 60_000);
    expect(calls).toBe(2);
  });
});
