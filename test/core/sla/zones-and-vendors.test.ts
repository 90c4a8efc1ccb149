import type { Range } from "../../../core";
import { utcOf, wallOf, zoneNamed } from "../../../core/sla";
import { catalog, serial } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const HEAD = ["Ticket", "Vendor", "Priority", "Opened", "Resolved"];

describe("UTC data against a Europe/Berlin calendar across both changes of 2025", () => {
  // Business hours Mon-Fri 09:00-17:00 Berlin time; ticket times in UTC. Europe changed to
  // summer time on Sunday 2025-03-30 (UTC+1 -> UTC+2) and back on Sunday 2025-10-26.
  const CAL: Range = [["hours", "09:00-17:00"], ["timezone", "Europe/Berlin"]];
  const POLICY: Range = [["P2", 8], ["P1", 4, "24x7"], ["data_timezone", "UTC"]];
  const TICKETS: Range = [
    HEAD,
    // Friday 08:00 UTC = 09:00 CET to Monday 08:00 UTC = 10:00 CEST: 8 + 1 = 9 h, breached by 1;
    // the 8 h ran out Friday 17:00 CET = 16:00 UTC.
    ["S1", "Acme", "P2", "2025-03-28 08:00", "2025-03-31 08:00"],
    // Friday 15:30 UTC = 16:30 CET: 0.5 h Friday, 7.5 h Monday from 09:00 CEST = 07:00 UTC, out at 16:30 CEST = 14:30 UTC.
    ["S2", "Acme", "P2", "2025-03-28 15:30", ""],
    // Friday 14:00 UTC = 16:00 CEST to Monday 09:00 UTC = 10:00 CET: 1 + 1 = 2 h; out Monday 16:00 CET = 15:00 UTC.
    ["A1", "Acme", "P2", "2025-10-24 14:00", "2025-10-27 09:00"],
  ];
  const out = table(catalog.SLASTATUS.fn(TICKETS, POLICY, CAL, "2025-10-31 00:00"));

  it.each<[string, number | undefined, string, string]>([
    ["S1", 9, "2025-03-28 16:00", "breached"],
    ["S2", undefined, "2025-03-31 14:30", "breached"], // still open months later
    ["A1", 2, "2025-10-27 15:00", "met"],
  ])("%s: %s business hours, breach at %s UTC, %s", (ticket, elapsed, at, status) => {
    const r = out.row(ticket);
    if (elapsed !== undefined) expect(r.get("Elapsed (h)")).toBeCloseTo(elapsed, 9);
    expect(r.get("Breach at")).toBeCloseTo(serial(at), 8);
    expect(r.get("Status")).toBe(status);
  });

  it("without the zones the same times are wall-clock times: S1 meets its 8 h", () => {
    const plain = table(catalog.SLASTATUS.fn(TICKETS, [["P2", 8]], [["hours", "09:00-17:00"]], "2025-10-31 00:00"));
    expect(plain.row("S1").pick("Elapsed (h)", "Status")).toEqual([8, "met"]);
  });

  it("one of the two zone rows alone changes nothing", () => {
    const onlyCal = table(catalog.SLASTATUS.fn(TICKETS, [["P2", 8]], CAL, "2025-10-31 00:00"));
    const onlyData = table(catalog.SLASTATUS.fn(TICKETS, POLICY, [["hours", "09:00-17:00"]], "2025-10-31 00:00"));
    expect(onlyCal.row("S1").get("Elapsed (h)")).toBe(8);
    expect(onlyData.row("S1").get("Elapsed (h)")).toBe(8);
  });

  it("as_of is read in the data's zone: Monday 2025-03-31 07:30 UTC is half an hour into Monday's hours", () => {
    const r = table(catalog.SLASTATUS.fn(TICKETS, POLICY, CAL, "2025-03-31 07:30")).row("S2");
    expect(r.get("Elapsed (h)")).toBeCloseTo(1, 9);
  });

  it("24x7 rows count real hours: a Berlin day across the spring change has 23, across the autumn change 25", () => {
    const berlin: Range = [["P1", 48, "24x7"], ["data_timezone", "Europe/Berlin"]];
    const utcCal: Range = [["timezone", "UTC"]];
    const t = [HEAD, ["Spring", "Acme", "P1", "2025-03-30 00:00", "2025-03-31 00:00"], ["Autumn", "Acme", "P1", "2025-10-26 00:00", "2025-10-27 00:00"]];
    const r = table(catalog.SLASTATUS.fn(t, berlin, utcCal, "2025-12-01"));
    expect(r.row("Spring").get("Elapsed (h)")).toBeCloseTo(23, 9);
    expect(r.row("Autumn").get("Elapsed (h)")).toBeCloseTo(25, 9);
    // 48 real hours from Sunday 00:00 CET: Tuesday 01:00 CEST, shown on the Berlin wall clock.
    expect(r.row("Spring").get("Breach at")).toBeCloseTo(serial("2025-04-01 01:00"), 8);
  });

  it("an unknown data_timezone is #VALUE! naming it", () => {
    expect(catalog.SLASTATUS.fn(TICKETS, [["data_timezone", "Europe/Atlantis"]], CAL, "2025-10-31")).toBeCoreError("#VALUE!", "Europe/Atlantis");
  });

  it("converts through the zone database, daylight saving correct", () => {
    const berlin = zoneNamed("Europe/Berlin")!;
    expect(wallOf(berlin, serial("2025-03-30 00:59"))).toBeCloseTo(serial("2025-03-30 01:59"), 9);
    expect(wallOf(berlin, serial("2025-03-30 01:00"))).toBeCloseTo(serial("2025-03-30 03:00"), 9);
    // 02:30 does not exist that night: read with the offset before the change, as 03:30 CEST.
    expect(utcOf(berlin, serial("2025-03-30 02:30"))).toBeCloseTo(serial("2025-03-30 01:30"), 9);
    // 02:30 happens twice on 2025-10-26: the first, in summer time.
    expect(utcOf(berlin, serial("2025-10-26 02:30"))).toBeCloseTo(serial("2025-10-26 00:30"), 9);
    expect(zoneNamed("Nowhere/Special")).toBeUndefined();
  });
});

describe("targets per vendor", () => {
  const POLICY: Range = [
    ["Priority", "Resolution (h)", "Response (h)", "Clock", "Vendor"],
    ["P2", 8],
    ["P2", 4, "", "business", "Acme"],
    ["P1", 2, "", "24x7", "Globex"],
    ["P1", 4, "", "24x7"],
  ];
  // Monday 09:00 to 15:00: 6 business hours.
  const TICKETS: Range = [
    HEAD,
    ["A1", "acme ", "P2", "2025-03-31 09:00", "2025-03-31 15:00"],
    ["G1", "Globex", "P2", "2025-03-31 09:00", "2025-03-31 15:00"],
    ["G2", "Globex", "P1", "2025-03-31 09:00", "2025-03-31 12:00"],
    ["I1", "Initech", "P1", "2025-03-31 09:00", "2025-03-31 12:00"],
  ];
  const out = table(catalog.SLASTATUS.fn(TICKETS, POLICY, null, "2025-04-01"));

  it.each<[string, number, string]>([
    ["A1", 4, "breached"], // Acme's own P2 row, vendor matched in any case and trimmed
    ["G1", 8, "met"], // Globex has no P2 row of its own: the row without a vendor
    ["G2", 2, "breached"], // Globex's own P1 row
    ["I1", 4, "met"], // the fallback P1 row
  ])("%s has target %d h: %s", (ticket, target, status) => {
    expect(out.row(ticket).pick("Target (h)", "Status")).toEqual([target, status]);
  });

  it("refuses two rows for the same vendor and priority, and accepts the same priority for two vendors", () => {
    expect(catalog.SLASTATUS.fn(TICKETS, [["P2", 8, "", "", "Acme"], ["P2", 6, "", "", "ACME"]], null, "2025-04-01")).toBeCoreError("#VALUE!", "rows 1 and 2", "ACME");
    expect(Array.isArray(catalog.SLASTATUS.fn(TICKETS, [["P2", 8, "", "", "Acme"], ["P2", 6, "", "", "Globex"], ["P1", 4]], null, "2025-04-01"))).toBe(true);
  });

  it("a vendor with no row for a priority and no fallback row is told which row to add", () => {
    const r = table(catalog.SLASTATUS.fn(TICKETS, [["P2", 4, "", "", "Acme"], ["P1", 4]], null, "2025-04-01")).row("G1");
    expect(String(r.get("Status"))).toMatch(/no policy row matches priority "P2"/);
  });

  it("SLACREDIT uses a vendor's own bands, and the bands without a vendor for the others", () => {
    // Acme: A1 breached, A2 met -> 50%. Globex: G1 met, G2 breached -> 50%.
    const t = [...TICKETS, ["A2", "Acme", "P2", "2025-03-31 09:00", "2025-03-31 10:00"]];
    const credits: Range = [["compliance below", "credit %", "vendor"], [0.99, 0.05], [0.95, 0.1], [0.6, 0.25, "Acme"], [0.4, 0.5, "Acme"]];
    expect(catalog.SLACREDIT.fn(t, "Acme", credits, POLICY, null, "2025-04-01")).toBe(0.25);
    expect(catalog.SLACREDIT.fn(t, "Globex", credits, POLICY, null, "2025-04-01")).toBe(0.1);
  });
});
