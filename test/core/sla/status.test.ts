import type { Range, ResultGrid } from "../../../core";
import { catalog, serial, withDates } from "../../helpers/sheet";
import { table as spilled } from "../../helpers/table";

// 2025-03-28 is a Friday, 2025-03-31 a Monday. Default calendar Mon-Fri 09:00-17:00;
// default policy P1 4 h 24x7, P2 8 h, P3 24 h, P4 40 h business.
const AS_OF = "2025-03-31 15:00"; // Monday, mid business day
const HEAD = ["Ticket", "Vendor", "Priority", "Opened", "Resolved"];
const TICKETS: Range = [
  HEAD,
  ["T1", "Acme", "P2", "2025-03-28 16:30", "2025-03-31 10:00"], // 0.5 Fri + 1 Mon = 1.5 h: met
  ["T2", "Acme", "P2", "2025-03-31 09:00", ""], // 6 h of 8 at as-of: at risk
  ["T3", "Acme", "P2", "2025-03-28 10:00", ""], // 7 Fri + 6 Mon = 13 h of 8: breached by 5
  ["T4", "Globex", "P3", "2025-03-28 09:00", "2025-03-31 12:00"], // 8 + 3 = 11 h of 24: met
  ["T5", "Globex", "P1", "2025-03-30 22:00", "2025-03-31 03:00"], // 24x7 across midnight: 5 h of 4, breached by 1
  ["T6", "Acme", "P4", "2025-03-31 14:00", ""], // 1 h of 40: open
  ["T7", "Acme", "P3", "2025-03-24 09:00", "2025-03-27 10:00"], // 8 + 8 + 8 + 1 = 25 h of 24: breached by 1
];

function table(r: unknown): ResultGrid {
  if (!Array.isArray(r)) throw new Error(`expected a table, got ${String(r)}`);
  return r as ResultGrid;
}

/** Rows of a spilled table as objects keyed by header, for readable assertions. */
function rows(r: unknown): Record<string, unknown>[] {
  const [head, ...body] = table(r);
  return body.map((row) => Object.fromEntries(head!.map((h, i) => [h, row[i]])));
}

describe("SLASTATUS: hand-worked statuses at a mid-day as-of", () => {
  const out = () => rows(catalog.SLASTATUS.fn(TICKETS, null, null, AS_OF));

  it("spills exactly the documented columns", () => {
    expect(table(catalog.SLASTATUS.fn(TICKETS, null, null, AS_OF))[0]).toEqual([
      "Ticket", "Vendor", "Priority", "Target (h)", "Elapsed (h)", "% of target", "Time left (h)", "Breach at", "Status", "Breach by (h)", "Paused (h)",
    ]);
    expect(catalog.SLASTATUS.dateColumns).toEqual(["Breach at"]);
  });

  it.each<[string, number, number, string, string, number | ""]>([
    // ticket, target, elapsed, breach at, status, breach by
    ["T1", 8, 1.5, "2025-03-31 16:30", "met", ""],
    ["T2", 8, 6, "2025-03-31 17:00", "at risk", ""],
    ["T3", 8, 13, "2025-03-31 10:00", "breached", 5],
    ["T4", 24, 11, "2025-04-01 17:00", "met", ""],
    ["T5", 4, 5, "2025-03-31 02:00", "breached", 1],
    ["T6", 40, 1, "2025-04-07 14:00", "open", ""],
    ["T7", 24, 25, "2025-03-26 17:00", "breached", 1],
  ])("%s: target %d h, elapsed %d h, breach at %s, %s", (ticket, target, elapsed, at, status, by) => {
    const r = out().find((x) => x.Ticket === ticket)!;
    expect(r["Target (h)"]).toBe(target);
    expect(r["Elapsed (h)"]).toBeCloseTo(elapsed, 9);
    expect(r["% of target"]).toBeCloseTo(elapsed / target, 9);
    expect(r["Time left (h)"]).toBeCloseTo(target - elapsed, 9);
    expect(r["Breach at"]).toBeCloseTo(serial(at), 8);
    expect(r.Status).toBe(status);
    if (by === "") expect(r["Breach by (h)"]).toBe("");
    else expect(r["Breach by (h)"]).toBeCloseTo(by, 9);
  });

  it("gives the same table for Excel serials, Sheets Date objects and date text", () => {
    const text = catalog.SLASTATUS.fn(TICKETS, null, null, AS_OF);
    expect(catalog.SLASTATUS.fn(withDates(TICKETS, "serial"), null, null, serial(AS_OF))).toEqual(text);
    expect(catalog.SLASTATUS.fn(withDates(TICKETS, "Date"), null, null, new Date(2025, 2, 31, 15))).toEqual(text);
  });

  it("an at_risk threshold of 0.8 leaves a ticket at 75% of its target open", () => {
    const r = rows(catalog.SLASTATUS.fn(TICKETS, null, null, AS_OF, 0.8)).find((x) => x.Ticket === "T2")!;
    expect(r.Status).toBe("open");
    expect(rows(catalog.SLASTATUS.fn(TICKETS, null, null, AS_OF, "50%")).find((x) => x.Ticket === "T6")!.Status).toBe("open");
  });

  it("rejects an at_risk threshold outside 0..1", () => {
    expect(catalog.SLASTATUS.fn(TICKETS, null, null, AS_OF, 75)).toBeCoreError("#VALUE!", "at_risk");
  });

  it("judges a ticket resolved after as-of as still open at as-of", () => {
    const r = rows(catalog.SLASTATUS.fn(TICKETS, null, null, "2025-03-31 09:30")).find((x) => x.Ticket === "T1")!;
    expect(r.Status).toBe("open");
    expect(r["Elapsed (h)"]).toBeCloseTo(1, 9);
  });

  it("counts business hours under a given calendar (Monday a holiday)", () => {
    const r = rows(catalog.SLASTATUS.fn(TICKETS, null, [["holiday", "2025-03-31"]], AS_OF)).find((x) => x.Ticket === "T3")!;
    expect(r["Elapsed (h)"]).toBeCloseTo(7, 9);
    expect(r.Status).toBe("at risk"); // 7 of 8 h instead of breached
    expect(r["Breach at"]).toBeCloseTo(serial("2025-04-01 10:00"), 8);
  });

  it("returns empty cells as \"\", never null or undefined", () => {
    for (const row of table(catalog.SLASTATUS.fn(TICKETS, null, null, AS_OF))) for (const c of row) expect(c === null || c === undefined).toBe(false);
  });
});

describe("SLACOMPLIANCE and SLABREACHES", () => {
  it("Acme met 1 of 3 concluded tickets (T2 at risk and T6 open do not count)", () => {
    expect(catalog.SLACOMPLIANCE.fn(TICKETS, "Acme", null, null, AS_OF)).toBeCloseTo(1 / 3, 12);
    expect(catalog.SLABREACHES.fn(TICKETS, "acme", null, null, AS_OF)).toBe(2);
  });

  it("Globex met 1 of 2", () => {
    expect(catalog.SLACOMPLIANCE.fn(TICKETS, "Globex", null, null, AS_OF)).toBe(0.5);
    expect(catalog.SLABREACHES.fn(TICKETS, "Globex", null, null, AS_OF)).toBe(1);
  });

  it("is #N/A for a vendor with nothing met or breached", () => {
    const only = [HEAD, ["T9", "Initech", "P4", "2025-03-31 14:00", ""]];
    expect(catalog.SLACOMPLIANCE.fn(only, "Initech", null, null, AS_OF)).toBeCoreError("#N/A", "Initech");
    expect(catalog.SLABREACHES.fn(only, "Initech", null, null, AS_OF)).toBe(0);
  });

  it("is #N/A for an unknown vendor, listing the vendors seen", () => {
    expect(catalog.SLACOMPLIANCE.fn(TICKETS, "Hooli", null, null, AS_OF)).toBeCoreError("#N/A", "Hooli", "Acme", "Globex");
  });
});

describe("response SLA", () => {
  const RESP: Range = [
    ["Ticket", "Vendor", "Priority", "Opened", "First response", "Resolved"],
    ["R1", "Acme", "P2", "2025-03-31 09:00", "2025-03-31 09:30", ""], // 0.5 h of 1: met
    ["R2", "Acme", "P2", "2025-03-31 09:00", "", ""], // no response by 15:00: breached
    ["R3", "Acme", "P2", "2025-03-31 09:00", "", "2025-03-31 09:45"], // resolving answers it: 0.75 h met
    ["R4", "Acme", "P3", "2025-03-31 12:00", "", ""], // 3 h of 4: at risk
  ];

  it("adds Response target (h), Response (h) and Response status when the data has a responded column", () => {
    const [head] = table(catalog.SLASTATUS.fn(RESP, null, null, AS_OF));
    expect(head!.slice(-4)).toEqual(["Response target (h)", "Response (h)", "Response status", "Paused (h)"]);
    expect(table(catalog.SLASTATUS.fn(TICKETS, null, null, AS_OF))[0]).not.toContain("Response status");
  });

  it.each<[string, number, number, string]>([
    ["R1", 1, 0.5, "met"],
    ["R2", 1, 6, "breached"],
    ["R3", 1, 0.75, "met"],
    ["R4", 4, 3, "at risk"],
  ])("%s: response target %d h, response %d h, %s", (ticket, target, h, status) => {
    const r = rows(catalog.SLASTATUS.fn(RESP, null, null, AS_OF)).find((x) => x.Ticket === ticket)!;
    expect(r["Response target (h)"]).toBe(target);
    expect(r["Response (h)"]).toBeCloseTo(h, 9);
    expect(r["Response status"]).toBe(status);
  });

  it("leaves the response columns out when the policy has no response targets", () => {
    const [head] = table(catalog.SLASTATUS.fn(RESP, [["P2", 8], ["P3", 24]], null, AS_OF));
    expect(head).not.toContain("Response status");
  });
});

describe("ticket event logs: one row per ticket", () => {
  const LOG: Range = [
    ["Number", "Vendor", "Priority", "Opened at", "Resolved at", "Updated"],
    ["INC1", "Acme", "P2", "2025-03-31 09:00", "", "2025-03-31 09:00"],
    ["INC2", "Acme", "P2", "2025-03-31 10:00", "", "2025-03-31 10:00"],
    ["INC1", "Acme", "P2", "2025-03-31 09:00", "2025-03-31 11:00", "2025-03-31 11:00"],
    ["INC1", "Acme", "P2", "2025-03-31 09:00", "", "2025-03-31 10:00"], // an older event listed last
  ];

  it("takes the row with the latest updated time as the ticket's state, in order of first appearance", () => {
    const out = rows(catalog.SLASTATUS.fn(LOG, null, null, AS_OF));
    expect(out.map((r) => r.Ticket)).toEqual(["INC1", "INC2"]);
    expect(out[0]!.Status).toBe("met");
    expect(out[0]!["Elapsed (h)"]).toBeCloseTo(2, 9);
  });

  it("takes the last row when there is no updated column", () => {
    const noUpdated = LOG.map((r) => r.slice(0, 5));
    const out = rows(catalog.SLASTATUS.fn(noUpdated, null, null, AS_OF));
    expect(out).toHaveLength(2);
    expect(out[0]!.Status).toBe("at risk"); // the last INC1 row is unresolved: 6 of 8 h at 15:00
  });

  it("reports an updated cell that is not a date-time on its ticket", () => {
    const bad = [...LOG, ["INC2", "Acme", "P2", "2025-03-31 10:00", "", "31/31/2025 10:00"]];
    const out = rows(catalog.SLASTATUS.fn(bad, null, null, AS_OF));
    expect(out[1]!.Status).toMatch(/^#VALUE! .*"Updated", row 6 .*31\/31\/2025/);
    expect(out[0]!.Status).toBe("met");
  });
});

describe("a row that cannot be judged is a #VALUE! naming its row and column", () => {
  it.each<[string, (string | number)[], string[]]>([
    ["resolved before opened", ["X", "Acme", "P2", "2025-03-31 10:00", "2025-03-31 09:00"], ['"Resolved"', "row 9", "before opened"]],
    ["an unknown priority", ["X", "Acme", "P7", "2025-03-31 10:00", ""], ['"Priority"', "row 9", '"P7"', "P1, P2, P3, P4"]],
    ["a blank priority", ["X", "Acme", "", "2025-03-31 10:00", ""], ['"Priority"', "row 9", "blank"]],
    ["an opened time that is not a date", ["X", "Acme", "P2", "soon", ""], ['"Opened"', "row 9", '"soon"']],
    ["a blank opened time", ["X", "Acme", "P2", "", ""], ['"Opened"', "row 9", "blank"]],
    ["a resolved time that does not parse", ["X", "Acme", "P2", "2025-03-31 10:00", "31/31/2025"], ['"Resolved"', "row 9", "31/31/2025"]],
  ])("%s", (_what, bad, mentions) => {
    const range = [...TICKETS, bad];
    const out = rows(catalog.SLASTATUS.fn(range, null, null, AS_OF));
    // SLASTATUS marks that one row and still judges the others.
    const marked = out.find((r) => r.Ticket === "X")!;
    expect(String(marked.Status).startsWith("#VALUE! ")).toBe(true);
    for (const m of mentions) expect(marked.Status).toContain(m);
    expect(marked["Elapsed (h)"]).toBe("");
    expect(out.find((r) => r.Ticket === "T3")!.Status).toBe("breached");
    // A vendor figure cannot silently skip it.
    expect(catalog.SLACOMPLIANCE.fn(range, "Acme", null, null, AS_OF)).toBeCoreError("#VALUE!", ...mentions);
    expect(catalog.SLABREACHES.fn(range, "Acme", null, null, AS_OF)).toBeCoreError("#VALUE!", ...mentions);
    // Another vendor's figures are unaffected.
    expect(catalog.SLACOMPLIANCE.fn(range, "Globex", null, null, AS_OF)).toBe(0.5);
  });

  it("reads a placeholder such as ? in resolved as not yet resolved", () => {
    const out = rows(catalog.SLASTATUS.fn([...TICKETS, ["X", "Acme", "P2", "2025-03-31 14:00", "?"]], null, null, AS_OF));
    expect(out.find((r) => r.Ticket === "X")!.Status).toBe("open");
  });

  it("fails the whole table only for a missing required column", () => {
    const noOpened = TICKETS.map((r) => r.slice(0, 3));
    expect(catalog.SLASTATUS.fn(noOpened, null, null, AS_OF)).toBeCoreError("#VALUE!", "opened");
  });

  it("names each ticket by its row when the range has no ticket column", () => {
    const out = rows(catalog.SLASTATUS.fn(TICKETS.map((r) => r.slice(1)), null, null, AS_OF));
    expect(out[0]!.Ticket).toBe("row 2");
  });
});

describe("policy ranges", () => {
  const NUMBERED: Range = [
    ["Number", "Vendor", "Priority", "Opened", "Resolved"],
    ["A", "Acme", "1 - Critical", "2025-03-30 22:00", "2025-03-31 01:00"],
    ["B", "Acme", "2 - High", "2025-03-28 16:00", "2025-03-31 12:00"],
    ["C", "Acme", "Critical", "2025-03-30 22:00", "2025-03-31 01:00"],
  ];

  it.each<[string, Range, Record<string, number | string>]>([
    ["P1 matches 1 - Critical by number", [["P1", 2, "", "24x7"], ["P2", 8]], { A: 2, B: 8 }],
    ["a header row is skipped; the clock may follow the resolution target", [["Priority", "Resolution (h)"], ["P1", 4, "24x7"], ["P2", 5]], { A: 4, B: 5 }],
    ["bare numbers match too", [[1, 3, 0.5, "24x7"], [2, 6]], { A: 3, B: 6 }],
    ["a number beats a name: P2 - Critical does not match 1 - Critical", [["P2 - Critical", 8], ["P1", 1, "", "24x7"]], { A: 1, B: 8 }],
    ["text without a number matches by normalised text", [["critical", 2, "", "24/7"], ["P1", 4, "", "24x7"], ["P2", 8]], { C: 2 }],
  ])("%s", (_what, policy, expected) => {
    const out = rows(catalog.SLASTATUS.fn(NUMBERED, policy, null, AS_OF));
    for (const [ticket, target] of Object.entries(expected)) expect(out.find((r) => r.Ticket === ticket)!["Target (h)"]).toBe(target);
  });

  it("counts business hours unless the row says 24x7", () => {
    const out = rows(catalog.SLASTATUS.fn(NUMBERED, [["P1", 4, "", "business"], ["P2", 8, "", "24x7"]], null, AS_OF));
    expect(out.find((r) => r.Ticket === "A")!["Elapsed (h)"]).toBe(0); // Sunday night: no business time
    expect(out.find((r) => r.Ticket === "B")!["Elapsed (h)"]).toBeCloseTo(68, 9); // Fri 16:00 to Mon 12:00 on the clock
  });

  it("takes mapping rows for renamed ticket columns and a date_order row for day-first dates", () => {
    const odd: Range = [
      ["Case", "Assigned To", "Sev", "Logged", "Fixed"],
      ["K1", "Acme", "P2", "03/04/2025 10:00", "03/04/2025 12:00"],
    ];
    const policy = [["ticket", "Case"], ["vendor", "Assigned To"], ["priority", "Sev"], ["opened", "Logged"], ["resolved", "Fixed"], ["date_order", "DMY"], ["P2", 8]];
    const r = rows(catalog.SLASTATUS.fn(odd, policy, null, "2025-05-01"))[0]!;
    expect(r.Ticket).toBe("K1");
    expect(r["Breach at"]).toBeCloseTo(serial("2025-04-04 10:00"), 8); // 3 April (a Thursday) + 8 business hours
    const mdy = rows(catalog.SLASTATUS.fn(odd, policy.filter((p) => p[0] !== "date_order"), null, "2025-05-01"))[0]!;
    expect(mdy["Breach at"]).toBeCloseTo(serial("2025-03-05 10:00"), 8); // read as 4 March
  });

  it("reads a header row placed below mapping rows as a header, not as a mapping of the priority column", () => {
    const policy = [["ticket", "Ticket"], ["Priority", "Resolution (h)", "Response (h)", "Clock"], ["P2", 5], ["P3", 20], ["P1", 4, "", "24x7"], ["P4", 30]];
    expect(rows(catalog.SLASTATUS.fn(TICKETS, policy, null, AS_OF)).find((x) => x.Ticket === "T2")!["Target (h)"]).toBe(5);
  });

  it("keeps the default targets when the range only maps columns", () => {
    const r = rows(catalog.SLASTATUS.fn(TICKETS, [["ticket", "Ticket"]], null, AS_OF));
    expect(r.find((x) => x.Ticket === "T4")!["Target (h)"]).toBe(24);
  });

  it.each<[string, Range, string[]]>([
    ["a resolution target that is not a number", [["P1", "fast"]], ["row 1", "fast"]],
    ["a negative target", [["Priority", "Hours"], ["P1", -4]], ["row 2", "above 0"]],
    ["an unknown clock", [["P1", 4, 1, "weekdays"]], ["row 1", "weekdays"]],
    ["two rows for one priority number", [["P1", 4], ["1 - Critical", 2]], ["rows 1 and 2"]],
    ["a bad date order", [["date_order", "DDMM"]], ["date_order", "DDMM"]],
    ["a mapping to a missing header", [["updated", "sys_updated_at"]], ["sys_updated_at", "Headers seen"]],
  ])("rejects %s", (_what, policy, mentions) => {
    expect(catalog.SLASTATUS.fn(TICKETS, policy, null, AS_OF)).toBeCoreError("#VALUE!", ...mentions);
  });
});

describe("SLACREDIT: the credit of the lowest band the compliance falls under", () => {
  const CREDITS: Range = [["Compliance below", "Credit %"], [0.99, "5%"], [0.95, "10%"]];

  /** A vendor with `met` tickets resolved in 1 h and `late` resolved in 9 h, all P2. */
  function tickets(met: number, late: number): Range {
    const range: Range = [HEAD];
    for (let i = 0; i < met + late; i++) range.push([`T${i}`, "Acme", "P2", "2025-03-31 09:00", i < met ? "2025-03-31 10:00" : "2025-04-01 10:00"]);
    return range;
  }

  it.each<[number, number, number]>([
    [100, 0, 0], // 100%
    [99, 1, 0], // exactly 0.99 is not below 0.99
    [98, 2, 0.05],
    [95, 5, 0.05], // exactly 0.95 is not below 0.95
    [94, 6, 0.1],
    [0, 3, 0.1],
  ])("%d met and %d breached earns a credit of %d", (met, late, credit) => {
    expect(catalog.SLACREDIT.fn(tickets(met, late), "Acme", CREDITS, null, null, "2025-05-01")).toBeCloseTo(credit, 12);
  });

  it("reads bands in any order and credits as plain numbers", () => {
    expect(catalog.SLACREDIT.fn(tickets(94, 6), "Acme", [[0.95, 0.1], [0.99, 0.05]], null, null, "2025-05-01")).toBe(0.1);
  });

  it("is #N/A when nothing is met or breached yet", () => {
    expect(catalog.SLACREDIT.fn([HEAD, ["T1", "Acme", "P4", "2025-03-31 14:00", ""]], "Acme", CREDITS, null, null, AS_OF)).toBeCoreError("#N/A", "Acme");
  });

  it.each<[string, Range | null, string[]]>([
    ["a missing credit table", null, ["credit_table"]],
    ["a threshold above 1", [[99, "5%"]], ["row 1", "between 0 and 1"]],
    ["a credit that is not a number", [[0.99, "five"]], ["row 1", "five"]],
  ])("rejects %s", (_what, credits, mentions) => {
    expect(catalog.SLACREDIT.fn(tickets(1, 1), "Acme", credits, null, null, AS_OF)).toBeCoreError("#VALUE!", ...mentions);
  });
});

const at = (grid: unknown, ticket: string) => spilled(grid).row(ticket);
/** The judgement columns of SLASTATUS, from the target to the breach margin. */
const JUDGED = ["Target (h)", "Elapsed (h)", "% of target", "Time left (h)", "Breach at", "Status", "Breach by (h)"];

describe("SLASTATUS against the default policy", () => {
  const tickets: Range = [
    HEAD,
    ["T1", "Acme", "P1", "2025-03-31 22:00", "2025-04-01 01:30"],
    ["T2", "Acme", "p 2", "2025-03-29 10:00", ""],
    ["T3", "Acme", "3 - Moderate", "2025-03-31 09:00", ""],
    ["T4", "Acme", "Priority 4", "2025-03-31 09:00", "?"],
  ];
  const grid = catalog.SLASTATUS.fn(tickets, undefined, undefined, "2025-04-01 12:00");

  it("counts a P1 around the clock across midnight: 3.5 of 4 hours, met", () => {
    expect(at(grid, "T1").pick(...JUDGED)).toEqual([4, 3.5, 0.875, 0.5, expect.closeTo(45748.083333, 5), "met", ""]);
  });

  it("starts the clock of a ticket opened on Saturday at Monday's opening: P2 at 8 + 3 hours is breached by 3", () => {
    const row = at(grid, "T2");
    expect(row.pick("Target (h)", "Elapsed (h)", "% of target", "Time left (h)")).toEqual([8, 11, 11 / 8, -3]);
    expect(row.pick("Status", "Breach by (h)")).toEqual(["breached", 3]);
    // Breach at Monday 17:00.
    expect(row.get("Breach at")).toBeCloseTo(45747 + 17 / 24, 8);
  });

  it("matches priorities by their leading number: 3 - Moderate is P3 (24 business hours), open at 11 hours", () => {
    expect(at(grid, "T3").pick(...JUDGED)).toEqual([24, 11, 11 / 24, 13, expect.any(Number), "open", ""]);
  });

  it("reads a placeholder resolved time as not resolved yet", () => {
    expect(at(grid, "T4").pick(...JUDGED)).toEqual([40, 11, 11 / 40, 29, expect.any(Number), "open", ""]);
  });

  it("marks at risk from 75% of the target, and from a threshold given as a percentage", () => {
    const open: Range = [HEAD, ["T1", "Acme", "P2", "2025-03-31 09:00", ""]];
    expect(at(catalog.SLASTATUS.fn(open, undefined, undefined, "2025-03-31 15:00"), "T1").get("Status")).toBe("at risk");
    expect(at(catalog.SLASTATUS.fn(open, undefined, undefined, "2025-03-31 14:59"), "T1").get("Status")).toBe("open");
    expect(at(catalog.SLASTATUS.fn(open, undefined, undefined, "2025-03-31 14:59", "50%"), "T1").get("Status")).toBe("at risk");
  });

  it("judges a ticket resolved after as_of as still open at as_of", () => {
    const later: Range = [HEAD, ["T1", "Acme", "P2", "2025-03-31 09:00", "2025-04-02 09:00"]];
    expect(at(catalog.SLASTATUS.fn(later, undefined, undefined, "2025-03-31 12:00"), "T1").pick("Elapsed (h)", "% of target", "Time left (h)", "Breach at", "Status")).toEqual([3, 3 / 8, 5, expect.any(Number), "open"]);
  });
});

describe("what a ticket range without tickets says", () => {
  it.each<[string, unknown]>([
    ["a blank cell", [[null]]],
    ["blank rows", [["", ""], ["", ""]]],
  ])("answers %s with the empty-range problem", (_what, range) => {
    expect(catalog.SLASTATUS.fn(range, null, null, AS_OF)).toBeCoreError("#N/A", "The range is empty");
  });

  it("says the first row is blank when no row holds a vendor header", () => {
    expect(catalog.SLASTATUS.fn([["", "", ""], ["Acme", "P1", "2025-03-31 09:00"]], null, null, AS_OF)).toBeCoreError("#VALUE!", "The first row of the range is blank");
  });

  it("knows a ticket's vendor by its latest event: a vendor named only before a reassignment has no ticket", () => {
    const log: Range = [
      ["Ticket", "Vendor", "Priority", "Opened", "Updated"],
      ["INC1", "Acme", "P1", "2025-03-31 09:00", "2025-03-31 09:05"],
      ["INC1", "Beta", "P1", "2025-03-31 09:00", "2025-03-31 10:00"],
    ];
    expect(catalog.SLABREACHES.fn(log, "Beta", null, null, AS_OF)).toBe(1); // P1, 4 h round the clock, open 6 h at as-of
    expect(catalog.SLABREACHES.fn(log, "Acme", null, null, AS_OF)).toBeCoreError("#N/A", 'No ticket has vendor "Acme"', '"Beta"');
  });
});
