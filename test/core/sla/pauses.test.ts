import type { Range } from "../../../core";
import { catalog, serial } from "../../helpers/sheet";
import { table } from "../../helpers/table";

// Default calendar Mon-Fri 09:00-17:00. 2025-03-31 is a Monday, 2025-03-24 the Monday before.
const HEAD = ["Ticket", "Vendor", "Priority", "Opened", "Resolved", "Updated", "Status"];
const OPEN = "2025-03-31 09:00";
const LOG: Range = [
  HEAD,
  // T1: on hold 11:00-14:00 Monday, resolved Tuesday 12:00. 8 + 3 business hours less 3 paused = 8 of 8: met.
  ["T1", "Acme", "P2", OPEN, "", OPEN, "New"],
  ["T1", "Acme", "P2", OPEN, "", "2025-03-31 11:00", "On hold"],
  ["T1", "Acme", "P2", OPEN, "", "2025-03-31 14:00", "In progress"],
  ["T1", "Acme", "P2", OPEN, "2025-04-01 12:00", "2025-04-01 12:00", "Resolved"],
  // T2: awaiting the user from Monday 10:00 and still at as-of: 1 h used, paused.
  ["T2", "Acme", "P2", OPEN, "", OPEN, "New"],
  ["T2", "Acme", "P2", OPEN, "", "2025-03-31 10:00", "AWAITING USER INFO"],
  // T3: 16 h used by Wednesday 09:00, then on hold: already breached, stays breached.
  ["T3", "Acme", "P2", "2025-03-24 09:00", "", "2025-03-24 09:00", "New"],
  ["T3", "Acme", "P2", "2025-03-24 09:00", "", "2025-03-26 09:00", "On hold"],
  // T4: on hold from 13:00 and resolved from hold on Tuesday 10:00: 4 h used.
  ["T4", "Acme", "P2", OPEN, "", OPEN, "New"],
  ["T4", "Acme", "P2", OPEN, "2025-04-01 10:00", "2025-03-31 13:00", "On hold"],
];
const POLICY: Range = [["P2", 8], ["pause", "On hold"], ["pause", "awaiting user info"]];
const AS_OF = "2025-04-01 15:00"; // Tuesday

function status(tickets: Range, policy: Range, asOf = AS_OF) {
  return table(catalog.SLASTATUS.fn(tickets, policy, null, asOf));
}

describe("pauses from an event log", () => {
  const out = status(LOG, POLICY);

  it("puts Paused (h) after the documented columns", () => {
    const head = (catalog.SLASTATUS.fn(LOG, POLICY, null, AS_OF) as unknown[][])[0]!;
    expect(head[head.length - 1]).toBe("Paused (h)");
  });

  it.each<[string, number, number, string, string, number]>([
    // ticket, elapsed, paused, breach at, status, time left
    ["T1", 8, 3, "2025-04-01 12:00", "met", 0],
    // Monday 10:00-17:00 and Tuesday 09:00-15:00 held: 13 h; no breach moment while paused.
    ["T2", 1, 13, "", "paused", 7],
    // Wednesday 09:00 to Tuesday 15:00: 8 + 8 + 8 + 8 + 6 = 38 h held; it breached Monday 17:00 before the pause.
    ["T3", 16, 38, "2025-03-24 17:00", "breached", -8],
    // Monday 13:00-17:00 and Tuesday 09:00-10:00 held: 5 h. The clock would have run out 8 h after opening plus the 5 h held.
    ["T4", 4, 5, "2025-04-01 14:00", "met", 4],
  ])("%s: elapsed %d h, paused %d h, breach at %s, %s", (ticket, elapsed, paused, at, st, left) => {
    const r = out.row(ticket);
    expect(r.get("Elapsed (h)")).toBeCloseTo(elapsed, 9);
    expect(r.get("Paused (h)")).toBeCloseTo(paused, 9);
    expect(r.get("Time left (h)")).toBeCloseTo(left, 9);
    if (at === "") expect(r.get("Breach at")).toBe("");
    else expect(r.get("Breach at")).toBeCloseTo(serial(at), 8);
    expect(r.get("Status")).toBe(st);
  });

  it("without pause rows the same log counts every hour", () => {
    const plain = status(LOG, [["P2", 8]]);
    expect(plain.row("T1").pick("Elapsed (h)", "Status", "Paused (h)")).toEqual([11, "breached", 0]);
    expect(plain.row("T2").get("Status")).toBe("breached");
  });

  it("a paused ticket never becomes at risk or breached while the pause lasts", () => {
    // A week later T2 is still paused with 1 h used.
    const later = status(LOG, POLICY, "2025-04-08 15:00").row("T2");
    expect(later.pick("Elapsed (h)", "Status", "Breach at")).toEqual([1, "paused", ""]);
  });

  it("judged before the pause began, the ticket is open and its breach moment known", () => {
    const early = status(LOG, POLICY, "2025-03-31 09:30").row("T2");
    expect(early.get("Status")).toBe("open");
    expect(early.get("Breach at")).toBeCloseTo(serial("2025-03-31 17:00"), 8);
    expect(early.get("Paused (h)")).toBe(0);
  });

  it("reads the status from a column mapped by a policy row", () => {
    const renamed = [["Ticket", "Vendor", "Priority", "Opened", "Resolved", "Updated", "Stage"], ...LOG.slice(1)];
    expect(status(renamed, [...POLICY, ["status", "Stage"]]).row("T1").get("Elapsed (h)")).toBeCloseTo(8, 9);
  });

  it("a pause needs the time each status was set: without an updated column the ticket says so", () => {
    const noTime = LOG.map((row) => row.filter((_, i) => i !== 5));
    const r = status(noTime, POLICY).row("T1");
    expect(String(r.get("Status"))).toMatch(/no updated column/);
    // A ticket that never paused is still judged.
    const clean = status([["Ticket", "Vendor", "Priority", "Opened", "Status"], ["T9", "Acme", "P2", OPEN, "New"]], POLICY).row("T9");
    expect(clean.pick("Elapsed (h)", "Status")).toEqual([14, "breached"]);
  });
});

describe("pauses with response SLAs", () => {
  const RESP: Range = [
    ["Ticket", "Vendor", "Priority", "Opened", "First response", "Updated", "Status"],
    // Held 09:30-11:00, answered 11:30: 0.5 + 0.5 = 1 h of response time, 1.5 h held.
    ["R1", "Acme", "P2", OPEN, "", OPEN, "New"],
    ["R1", "Acme", "P2", OPEN, "", "2025-03-31 09:30", "On hold"],
    ["R1", "Acme", "P2", OPEN, "2025-03-31 11:30", "2025-03-31 11:00", "In progress"],
    // Held from 10:00 and not answered: both clocks stand at 1 h.
    ["R2", "Acme", "P2", OPEN, "", OPEN, "New"],
    ["R2", "Acme", "P2", OPEN, "", "2025-03-31 10:00", "On hold"],
  ];
  const out = status(RESP, [["P2", 8, 2], ["pause", "On hold"]], "2025-03-31 15:00");

  it("the response clock stops while paused", () => {
    expect(out.row("R1").pick("Response (h)", "Response status")).toEqual([1, "met"]);
    // Resolution: 6 h to 15:00 less 1.5 held.
    expect(out.row("R1").pick("Elapsed (h)", "Paused (h)", "Status")).toEqual([4.5, 1.5, "open"]);
  });

  it("an unanswered ticket paused at as-of is paused on both clocks", () => {
    expect(out.row("R2").pick("Response (h)", "Response status", "Elapsed (h)", "Status")).toEqual([1, "paused", 1, "paused"]);
  });
});

describe("a paused-hours column on one-row tickets", () => {
  const HEAD1 = ["Ticket", "Vendor", "Priority", "Opened", "Resolved", "Paused (h)"];

  it("subtracts the hours given: 10 business hours less 2 paused meet an 8 h target", () => {
    const r = status([HEAD1, ["P1", "Acme", "P2", OPEN, "2025-04-01 11:00", 2]], [["P2", 8]]).row("P1");
    expect(r.pick("Elapsed (h)", "Paused (h)", "Status")).toEqual([8, 2, "met"]);
    expect(r.get("Breach at")).toBeCloseTo(serial("2025-04-01 11:00"), 8);
  });

  it.each<[string, string]>([["on hold hours", "On hold hours"], ["paused hours", "paused_hours"]])("answers to the header %s", (_w, h) => {
    const r = status([[...HEAD1.slice(0, 5), h], ["P1", "Acme", "P2", OPEN, "2025-04-01 11:00", 2]], [["P2", 8]]).row("P1");
    expect(r.get("Elapsed (h)")).toBe(8);
  });

  it("a blank cell or a placeholder means no pause; negative or unreadable hours are named on their row", () => {
    const rows = [["A", ""], ["B", "?"], ["C", -3], ["D", "3 hrs"]].map(([id, h]) => [id, "Acme", "P2", OPEN, "2025-04-01 11:00", h]);
    const out = status([HEAD1, ...rows], [["P2", 8]]);
    expect(out.row("A").pick("Elapsed (h)", "Paused (h)")).toEqual([10, 0]);
    expect(out.row("B").pick("Elapsed (h)", "Paused (h)")).toEqual([10, 0]);
    expect(String(out.row("C").get("Status"))).toMatch(/row 4.*"-3".*paused hours/);
    expect(String(out.row("D").get("Status"))).toMatch(/row 5.*"3 hrs".*paused hours/);
  });
});

describe("pause rows it cannot read", () => {
  it.each<[string, Range, string[]]>([
    ["a pause row without a status", [["P2", 8], ["pause", ""]], ["row 2", "names no status"]],
    ["two statuses on one pause row", [["P2", 8], ["pause", "On hold", "Awaiting user info"]], ["row 2", "Awaiting user info", "row of its own"]],
  ])("rejects %s", (_what, policy, mentions) => {
    expect(catalog.SLASTATUS.fn(LOG, policy, null, AS_OF)).toBeCoreError("#VALUE!", ...mentions);
  });
});

it("pause rows on tickets without a status column are #VALUE!, saying which column to add", () => {
  const noStatus = LOG.map((row) => row.slice(0, 6));
  expect(catalog.SLASTATUS.fn(noStatus, POLICY, null, AS_OF)).toBeCoreError("#VALUE!", "no status column", "status, <header>");
});
