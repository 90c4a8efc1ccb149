import { KIND_INFO } from "../../core/report";
import type { PanelRequest } from "../../panel/host";
import { wallClock } from "../../sheets-addon/zone";
import { buildBundle, sampleSession } from "../../doubles/sheets/bundle";
import { serial } from "../helpers/sheet";

describe("the built bundle's sidebar endpoints", () => {
  let dir = "";
  beforeAll(() => (dir = buildBundle()), 60_000);
  const ZONE = "America/New_York";

  const session = () => sampleSession(dir, ZONE);

  it("sends the source to the sidebar's column form as plain JSON: date cells as wall-clock serials, never Date", () => {
    const { gas, grid } = session();
    const r = gas.vendorscoreReadSource!({ type: "range", sheet: "PO lines", address: "A:Z" }) as { ok: boolean; values: unknown[][] };
    expect(r.ok).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    const dateAt = grid.findIndex((row, i) => i > 0 && row.some((c) => Object.prototype.toString.call(c) === "[object Date]"));
    const col = grid[dateAt]!.findIndex((c) => Object.prototype.toString.call(c) === "[object Date]");
    expect(r.values[dateAt]![col]).toBeCloseTo(wallClock(ZONE).toSerial(grid[dateAt]![col] as Date), 9);
  });

  it("never writes into a user's sheet whose name differs from the output only in case", () => {
    const { ss, gas } = session();
    ss.insertSheet("SCORECARD").getRange(1, 1).setValue("my notes");
    const req: PanelRequest = { kind: "scorecard", source: { type: "range", sheet: "PO lines", address: "A:Z" }, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: serial("2025-03-31"), output: "Scorecard" };
    const r = gas.vendorscoreGenerate!(req) as { ok: boolean; notice?: string };
    expect(r.ok).toBe(true);
    expect(r.notice).toMatch(/"SCORECARD" already exists/);
    expect(ss.getSheetByName("SCORECARD")!.getDataRange().getValues()).toEqual([["my notes"]]);
    expect(ss.getSheetByName("Scorecard (2)")!.getRange(1, 1).getValue()).toBe("Vendor");
  });
});
