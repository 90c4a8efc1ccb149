import type { Range } from "../../../core";
import { catalog, serial } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const { CONTRACTSTATUS } = catalog;
const HEAD = ["Contract", "Vendor", "Start", "End", "Notice days", "Auto renew"];

/** The one row of CONTRACTSTATUS for a single contract judged at `asOf`. */
function one(row: (string | number)[], asOf: string, warnDays: number | null = null) {
  return table(CONTRACTSTATUS.fn([HEAD, row], null, asOf, warnDays)).rows[0]!;
}

describe("CONTRACTSTATUS: statuses at every boundary of a year's term", () => {
  // Term 2025-01-01 to 2025-12-31, 30 days' notice: notice by 2025-12-01; with warn_days 90
  // the notice is due from 2025-09-02 (1 Dec - 30 Nov days - 31 Oct - 29 Sep = 2 Sep).
  const K1 = ["K1", "Acme", "2025-01-01", "2025-12-31", 30, "no"];

  it("spills exactly the documented columns, with Start, End and Notice by as dates", () => {
    expect(table(CONTRACTSTATUS.fn([HEAD, K1], null, "2025-06-01")).header).toEqual([
      "Contract", "Vendor", "Start", "End", "Notice by", "Days to notice", "Status", "Auto renew", "Value", "Spend in term", "Utilisation",
    ]);
    expect(CONTRACTSTATUS.dateColumns).toEqual(["Start", "End", "Notice by"]);
  });

  it.each([
    ["2024-12-31", "not started", 335], // the day before the first day of the term
    ["2025-01-01", "active", 334], // the first day of the term
    ["2025-09-01", "active", 91], // the day before the warn window opens
    ["2025-09-02", "notice due", 90], // the first day of the warn window: notice date minus warn_days
    ["2025-12-01", "notice due", 0], // the day of the notice date itself
    ["2025-12-02", "notice passed", -1], // the day after the notice date
    ["2025-12-31", "notice passed", -30], // the last day of the term
    ["2026-01-01", "expired", -31], // the day after the end of a contract that does not renew
  ])("at %s it is %s, %i days to notice", (asOf, status, days) => {
    const r = one(K1, asOf);
    expect(r.pick("Status", "Days to notice")).toEqual([status, days]);
    expect(r.pick("Start", "End", "Notice by", "Auto renew")).toEqual([serial("2025-01-01"), serial("2025-12-31"), serial("2025-12-01"), "no"]);
  });

  it("moves the warn window with warn_days: 10 days makes 2025-11-20 active and 2025-11-21 notice due", () => {
    expect(one(K1, "2025-11-20", 10).get("Status")).toBe("active");
    expect(one(K1, "2025-11-21", 10).get("Status")).toBe("notice due");
    expect(one(K1, "2025-11-29", 1).get("Status")).toBe("active");
    expect(one(K1, "2025-11-30", 1).get("Status")).toBe("notice due");
  });

  it("reads warn_days 0 as left out, as every optional number (older Excel builds pass 0 for a blank cell)", () => {
    expect(one(K1, "2025-09-02", 0).get("Status")).toBe("notice due");
  });

  it("reads a blank notice period as 0: the notice date is the end itself", () => {
    const r = one(["K2", "Acme", "2025-01-01", "2025-12-31", "", "no"], "2025-12-31");
    expect(r.pick("Notice by", "Days to notice", "Status")).toEqual([serial("2025-12-31"), 0, "notice due"]);
  });

  it("judges the day of a date-time as-of, not its hour", () => {
    expect(CONTRACTSTATUS.fn([HEAD, K1], null, serial("2025-12-01") + 0.99)).toEqual(CONTRACTSTATUS.fn([HEAD, K1], null, "2025-12-01"));
  });

  it("takes today when as_of is left out (the test catalog's today is 2025-04-10)", () => {
    expect(table(CONTRACTSTATUS.fn([HEAD, K1])).rows[0]!.get("Days to notice")).toBe(serial("2025-12-01") - serial("2025-04-10"));
  });

  it("rejects a negative warn_days", () => {
    expect(CONTRACTSTATUS.fn([HEAD, K1], null, "2025-06-01", -1)).toBeCoreError("#VALUE!", "warn_days");
  });
});

describe("CONTRACTSTATUS: auto-renewing contracts roll forward", () => {
  it("rolls a year's term by anniversary: from 2026-01-01 the current term is 2026", () => {
    const r = one(["K1", "Acme", "2025-01-01", "2025-12-31", 30, "yes"], "2026-01-01");
    expect(r.pick("Start", "End", "Notice by", "Days to notice", "Status", "Auto renew")).toEqual([serial("2026-01-01"), serial("2026-12-31"), serial("2026-12-01"), 334, "active", "yes"]);
  });

  it("is notice passed, not expired, on the last day of its written term", () => {
    expect(one(["K1", "Acme", "2025-01-01", "2025-12-31", 30, "yes"], "2025-12-31").get("Status")).toBe("notice passed");
  });

  it("rolls over several terms by anniversary months, a start on the 31st landing on shorter months' last day", () => {
    // Two-month terms from 2024-01-31 (the day after end, 2024-03-31, is the 31st too): terms start
    // Mar 31, May 31, Jul 31, Sep 30 (no Sep 31), Nov 30; each ends the day before the next.
    const k = ["K3", "Acme", "2024-01-31", "2024-03-30", 0, "Yes"];
    expect(one(k, "2024-10-15").pick("Start", "End")).toEqual([serial("2024-09-30"), serial("2024-11-29")]);
    expect(one(k, "2024-07-30").pick("Start", "End")).toEqual([serial("2024-05-31"), serial("2024-07-30")]);
    expect(one(k, "2024-07-31").pick("Start", "End")).toEqual([serial("2024-07-31"), serial("2024-09-29")]);
    expect(one(k, "2025-01-30").pick("Start", "End")).toEqual([serial("2024-11-30"), serial("2025-01-30")]);
    // Anniversaries count from the original start, so the 31st comes back after a 30th.
    expect(one(k, "2025-02-01").pick("Start", "End")).toEqual([serial("2025-01-31"), serial("2025-03-30")]);
  });

  it("counts a term that spans a leap day in months: 2023-03-01 to 2024-02-29 renews 2024-03-01 to 2025-02-28", () => {
    const r = one(["K4", "Acme", "2023-03-01", "2024-02-29", 30, "true"], "2025-01-10");
    expect(r.pick("Start", "End", "Notice by", "Days to notice", "Status")).toEqual([serial("2024-03-01"), serial("2025-02-28"), serial("2025-01-29"), 19, "notice due"]);
  });

  it("rolls a term that is not whole months by its length in days, leap day included", () => {
    // 2024-02-01 to 2024-03-01 is 30 days (February 2024 has 29); the day after end is the 2nd, the start the 1st.
    const k = ["K5", "Acme", "2024-02-01", "2024-03-01", 0, "y"];
    expect(one(k, "2024-03-02").pick("Start", "End")).toEqual([serial("2024-03-02"), serial("2024-03-31")]);
    expect(one(k, "2024-04-20").pick("Start", "End")).toEqual([serial("2024-04-01"), serial("2024-04-30")]);
    expect(one(k, "2024-05-01").pick("Start", "End")).toEqual([serial("2024-05-01"), serial("2024-05-30")]);
  });

  it("follows the day-of-month rule to the letter: a term from 2024-02-29 to 2025-02-28 rolls by its 366 days", () => {
    // The day after end is 1 March, not the 29th: the term is not whole months.
    expect(one(["K6", "Acme", "2024-02-29", "2025-02-28", 0, 1], "2025-06-01").pick("Start", "End")).toEqual([serial("2025-03-01"), serial("2026-03-01")]);
  });

  it.each([["yes"], ["Y"], ["TRUE"], [1], [" yes "]])("reads %p in the auto renew column as yes", (v) => {
    expect(one(["K", "Acme", "2025-01-01", "2025-12-31", 0, v], "2026-02-01").pick("Status", "Auto renew")).toEqual(["active", "yes"]);
  });

  it.each([["no"], [""], ["maybe"], [0], ["evergreen"]])("reads %p in the auto renew column as no", (v) => {
    expect(one(["K", "Acme", "2025-01-01", "2025-12-31", 0, v], "2026-02-01").pick("Status", "Auto renew")).toEqual(["expired", "no"]);
  });

  it("reads a TRUE cell as yes", () => {
    expect(table(CONTRACTSTATUS.fn([HEAD, ["K", "Acme", "2025-01-01", "2025-12-31", 0, true]], null, "2026-02-01")).rows[0]!.get("Status")).toBe("active");
  });
});

describe("CONTRACTSTATUS: contracts without a start, without an id, and rows with problems", () => {
  it("gives a contract without a start a term with no first day", () => {
    const r = one(["K7", "Acme", "", "2025-06-30", 0, "no"], "2020-01-01");
    expect(r.pick("Start", "End", "Status")).toEqual(["", serial("2025-06-30"), "active"]);
  });

  it("names a contract without an id by its row of the range", () => {
    const range: Range = [["Supplier", "Expiry date"], ["Acme", "2025-12-31"], ["Bolt", "2026-12-31"]];
    expect(table(CONTRACTSTATUS.fn(range, null, "2025-06-01")).column("Contract")).toEqual(["row 2", "row 3"]);
  });

  it("finds the header below a title row and answers to the other header names", () => {
    const range: Range = [
      ["Contract register"],
      ["Agreement", "Supplier name", "Effective date", "Expiration date", "Notice period (days)", "Committed value", "Evergreen"],
      ["A-1", "Acme", "2025-01-01", "2025-12-31", 30, 1000, "no"],
    ];
    expect(table(CONTRACTSTATUS.fn(range, null, "2025-06-01")).rows[0]!.pick("Contract", "Vendor", "Notice by", "Value", "Spend in term")).toEqual(["A-1", "Acme", serial("2025-12-01"), 1000, ""]);
  });

  const BAD: Range = [
    HEAD,
    ["G1", "Acme", "2025-01-01", "2025-12-31", 30, "no"],
    ["B1", "Acme", "2025-01-01", "", 30, "no"],
    ["B2", "Acme", "2025-01-01", "31/31/2025", 30, "no"],
    ["B3", "Acme", "2025-06-01", "2025-05-31", 30, "no"],
    ["B4", "Acme", "soon", "2025-12-31", 30, "no"],
    ["B5", "Acme", "2025-01-01", "2025-12-31", -5, "no"],
    ["B6", "Acme", "", "2025-01-31", 0, "yes"],
    ["G2", "Bolt", "2025-01-01", "2025-03-31", 0, "no"],
  ];

  it.each([
    ["B1", "row 3", "end date is blank"],
    ["B2", "row 4", "31/31/2025"],
    ["B3", "row 5", "end is before the start"],
    ["B4", "row 6", "soon"],
    ["B5", "row 7", "negative"],
    ["B6", "Row 8", "no start date"],
  ])("writes the problem of %s in its Status cell, naming %s (%s)", (id, where, what) => {
    const r = table(CONTRACTSTATUS.fn(BAD, null, "2025-06-01")).row(id);
    expect(r.get("Status")).toMatch(/^#VALUE! /);
    expect(r.get("Status")).toContain(where);
    expect(r.get("Status")).toContain(what);
    expect(r.pick("Start", "End", "Notice by", "Days to notice")).toEqual(["", "", "", ""]);
  });

  it("judges the other rows beside rows with problems", () => {
    const t = table(CONTRACTSTATUS.fn(BAD, null, "2025-06-01"));
    expect(t.column("Contract")).toEqual(["G1", "B1", "B2", "B3", "B4", "B5", "B6", "G2"]);
    expect(t.row("G1").get("Status")).toBe("active");
    expect(t.row("G2").get("Status")).toBe("expired");
  });

  it("is fine with an auto-renewing contract without a start while it needs no roll", () => {
    expect(one(["K8", "Acme", "", "2025-12-31", 30, "yes"], "2025-06-01").get("Status")).toBe("active");
  });

  it("fails without an end column, naming the headers it takes", () => {
    expect(CONTRACTSTATUS.fn([["Vendor", "Start"], ["Acme", "2025-01-01"]])).toBeCoreError("#VALUE!", "No end column", "expiry date");
  });

  it("follows the settings' date_order for numeric date text in the contracts", () => {
    const r = table(CONTRACTSTATUS.fn([HEAD, ["K", "Acme", "01/02/2025", "31/12/2025", 0, "no"]], null, "2025-06-01", null, [["date_order", "DMY"]])).rows[0]!;
    expect(r.pick("Start", "End")).toEqual([serial("2025-02-01"), serial("2025-12-31")]);
  });

  it("reads columns named by mapping rows in the settings, the vendor's for contracts and data alike", () => {
    const range: Range = [["Counterparty", "From", "Expiry", "Rolls over"], ["Acme", "2025-01-01", "2025-01-31", "yes"]];
    const settings = [["setting", "value"], ["vendor", "Counterparty"], ["start", "From"], ["end", "Expiry"], ["auto_renew", "Rolls over"], ["grace_days", 2]];
    const data: Range = [["Counterparty", "Order Date", "Amount"], ["Acme", "2025-03-02", 10], ["Acme", "2025-02-27", 5]];
    // Monthly terms rolled to March: the 10 ordered on 03-02 is in it, the 5 of February is not.
    const r = table(CONTRACTSTATUS.fn(range, data, "2025-03-10", null, settings)).rows[0]!;
    expect(r.pick("Vendor", "Start", "End", "Auto renew", "Spend in term")).toEqual(["Acme", serial("2025-03-01"), serial("2025-03-31"), "yes", 10]);
    expect(CONTRACTSTATUS.fn(range, null, "2025-03-10", null, [["vendor", "Counterparty"], ["end", "Nope"]])).toBeCoreError("#VALUE!", "Nope");
  });

  it("accepts a settings range that also holds the risk register's weights", () => {
    const settings = [["date_order", "DMY"], ["risk_weight", "Cyber", 2]];
    expect(table(CONTRACTSTATUS.fn([HEAD, ["K", "Acme", "01/02/2025", "31/12/2025", 0, "no"]], null, "2025-06-01", null, settings)).rows[0]!.get("Start")).toBe(serial("2025-02-01"));
  });
});
