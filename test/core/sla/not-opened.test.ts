import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { Range } from "../../../core";
import { catalog, serial } from "../../helpers/sheet";
import { table } from "../../helpers/table";

// 2025-03-31 is a Monday. Default calendar Mon-Fri 09:00-17:00; P1 4 h 24x7, P2 8 h business.
const AS_OF = "2025-03-31 12:00";
const TICKETS: Range = [
  ["Ticket", "Vendor", "Priority", "Opened", "Resolved"],
  ["T1", "Acme", "P2", "2025-03-31 09:00", "2025-03-31 10:00"], // met
  ["T2", "Acme", "P1", "2025-03-31 06:00", ""], // 6 h of 4: breached
  ["T3", "Acme", "P2", "2025-04-01 09:00", "2025-04-03 09:00"], // opened after as-of, resolved late later on
  ["T4", "Acme", "P1", "2025-03-31 12:30", ""], // opened half an hour after as-of
];

describe("tickets opened after the as-of moment are not opened", () => {
  const rows = () => table(catalog.SLASTATUS.fn(TICKETS, null, null, AS_OF));

  it.each<[string, string]>([
    ["T1", "met"],
    ["T2", "breached"],
    ["T3", "not opened"],
    ["T4", "not opened"],
  ])("gives %s the status %s", (ticket, status) => {
    const r = rows().rows.find((x) => x.get("Ticket") === ticket)!;
    expect(r.get("Status")).toBe(status);
  });

  it("shows a not-opened ticket's target and breach moment, with no elapsed time, share, time left or breach", () => {
    const r = rows().rows.find((x) => x.get("Ticket") === "T4")!;
    expect(r.get("Target (h)")).toBe(4);
    expect(r.get("Breach at")).toBeCloseTo(serial("2025-03-31 16:30"), 8);
    expect([r.get("Elapsed (h)"), r.get("% of target"), r.get("Time left (h)"), r.get("Breach by (h)")]).toEqual(["", "", "", ""]);
  });

  it.each<[string, (range: Range) => unknown, unknown]>([
    ["compliance: met / (met + breached) over the tickets that existed", (r) => catalog.SLACOMPLIANCE.fn(r, "Acme", null, null, AS_OF), 0.5],
    ["breaches: a ticket resolved late after as-of is no breach at as-of", (r) => catalog.SLABREACHES.fn(r, "Acme", null, null, AS_OF), 1],
    ["credit: on the compliance of the tickets that existed", (r) => catalog.SLACREDIT.fn(r, "Acme", [["0.99", "5%"], ["0.6", "10%"]], null, null, AS_OF), 0.1],
  ])("counts not-opened tickets in no SLA figure: %s", (_what, f, want) => {
    expect(f(TICKETS)).toBe(want);
  });

  it("answers #N/A for compliance when every ticket of a vendor was opened after as-of, saying so", () => {
    const future: Range = [TICKETS[0]!, ["T9", "Bolt", "P2", "2025-04-01 09:00", ""]];
    expect(catalog.SLACOMPLIANCE.fn(future, "Bolt", null, null, AS_OF)).toBeCoreError("#N/A", "1 opened after as_of");
  });

  it("does not fail a vendor's figures on a bad resolved time of a ticket that was not opened yet", () => {
    const bad: Range = [...TICKETS, ["T5", "Acme", "P2", "2025-04-01 09:00", "31/31/2025"]];
    expect(catalog.SLACOMPLIANCE.fn(bad, "Acme", null, null, AS_OF)).toBe(0.5);
  });

  it("marks the response clock of a not-opened ticket not opened too", () => {
    const withResponse: Range = [["Ticket", "Vendor", "Priority", "Opened", "Responded"], ["T1", "Acme", "P2", "2025-04-01 09:00", ""]];
    const r = table(catalog.SLASTATUS.fn(withResponse, null, null, AS_OF)).rows[0]!;
    expect([r.get("Status"), r.get("Response status"), r.get("Response (h)")]).toEqual(["not opened", "not opened", ""]);
  });
});

describe("the public incident event log judged at 2016-03-01 12:00", () => {
  const FILE = join(__dirname, "..", "..", "data", "uci_incident_event_log_first5998.csv");
  const RANGE = Papa.parse<string[]>(readFileSync(FILE, "utf8"), { skipEmptyLines: true }).data as Range;
  const POLICY: Range = [["vendor", "assignment_group"], ["updated", "sys_updated_at"], ["1 - Critical", 4, "", "24x7"], ["2 - High", 8, "", "24x7"], ["3 - Moderate", 96, "", "24x7"], ["4 - Low", 96, "", "24x7"]];

  it("shows no ticket opened after as-of as open with 0 h: every one is not opened", () => {
    const out = table(catalog.SLASTATUS.fn(RANGE, POLICY, null, "2016-03-01 12:00"));
    const statuses = out.rows.map((r) => r.get("Status"));
    const notOpened = statuses.filter((s) => s === "not opened").length;
    expect(notOpened).toBeGreaterThan(0);
    expect(out.rows.filter((r) => r.get("Status") === "open" && r.get("Elapsed (h)") === 0)).toHaveLength(0);
  });
});

describe("a ticket export with title rows above its header", () => {
  const titled: Range = [["Service desk export"], ["Run 2025-03-31 12:00", "", ""], ...TICKETS, ["T5", "Acme", "P2", "not a date", ""]];

  it("is judged as the same export without them, its header found by the vendor column", () => {
    const plain = table(catalog.SLASTATUS.fn(TICKETS, null, null, AS_OF));
    const withTitles = table(catalog.SLASTATUS.fn(titled, null, null, AS_OF));
    expect(withTitles.header).toEqual(plain.header);
    for (const id of ["T1", "T2", "T3", "T4"]) expect(withTitles.row(id).pick(...withTitles.header)).toEqual(plain.row(id).pick(...plain.header));
  });

  it("names the row of the whole range in a ticket's problem", () => {
    expect(table(catalog.SLASTATUS.fn(titled, null, null, AS_OF)).row("T5").get("Status")).toMatch(/row 8 of the range: "not a date" is not a date-time/);
  });

  it("is counted by SLADATAQUALITY over its data rows only", () => {
    const quality = table(catalog.SLADATAQUALITY.fn(titled));
    expect(quality.row("vendor").pick("Header", "Values")).toEqual(["Vendor", 5]);
    expect(quality.row("opened").pick("Header", "Values", "Unparseable")).toEqual(["Opened", 4, 1]);
  });
});
