import type { Range } from "../../../core";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const { CONTRACTSTATUS, VENDOROFFCONTRACT } = catalog;

describe("CONTRACTSTATUS: spend in term and utilisation", () => {
  // As of 2025-04-10. Acme's counted lines ordered in 2025 up to that day: 200 + 50 (10 x 5, no
  // amount) + 300 + 50 = 600; the 400 line is cancelled, the 1000 line is after as-of, the 70
  // line has no order date, the 100 line was ordered in 2024.
  const DATA: Range = [
    ["Vendor", "Order Date", "Amount", "Unit Price", "Received Qty", "Status"],
    ["Acme", "2024-12-15", 100, "", "", ""],
    ["Acme", "2025-01-01", 200, "", "", ""],
    ["Acme", "2025-02-01", 400, "", "", "Cancelled"],
    ["Acme", "2025-02-15", "", 10, 5, ""],
    ["ACME ", "2025-03-10", 300, "", "", ""],
    ["Acme", "2025-04-10", 50, "", "", ""],
    ["Acme", "2025-04-11", 1000, "", "", ""],
    ["Acme", "", 70, "", "", ""],
    ["Bolt", "2025-02-01", 500, "", "", ""],
  ];
  const CONTRACTS: Range = [
    ["Contract", "Vendor", "Start", "End", "Value", "Auto renew"],
    ["A1", "Acme", "2025-01-01", "2025-12-31", 1200, "no"], // 600 of 1200
    ["A2", "Acme", "2025-03-01", "2025-03-31", 0, "no"], // expired: its last term holds the 300 line; value 0
    ["A3", "Acme", "2025-05-01", "2025-12-31", 1000, "no"], // not started: 0
    ["B1", "Bolt", "2025-01-01", "2025-06-30", "", "no"], // no value
    ["Z1", "Zeta", "2025-01-01", "2025-12-31", 100, "no"], // a vendor without lines
    ["A4", "Acme", "", "2025-01-31", 0, "no"], // no first day: 2024 and January 2025 up to its end
    ["A5", "Acme", "2024-12-01", "2024-12-31", 100, "yes"], // monthly, rolled to 2025-04-01..04-30: the 50 line
  ];
  const t = () => table(CONTRACTSTATUS.fn(CONTRACTS, DATA, "2025-04-10"));

  it.each([
    ["A1", 600, 0.5],
    ["A2", 300, ""],
    ["A3", 0, 0],
    ["B1", 500, ""],
    ["Z1", 0, 0],
    ["A4", 300, ""],
    ["A5", 50, 0.5],
  ])("gives %s a spend in term of %p and a utilisation of %p", (id, spend, use) => {
    expect(t().row(id).pick("Spend in term", "Utilisation")).toEqual([spend, use]);
  });

  it("leaves both columns blank without data", () => {
    const r = table(CONTRACTSTATUS.fn(CONTRACTS, null, "2025-04-10"));
    expect(r.column("Spend in term").every((x) => x === "")).toBe(true);
    expect(r.column("Utilisation").every((x) => x === "")).toBe(true);
    expect(r.row("A1").get("Value")).toBe(1200);
  });

  it("follows the data's mapping rows in settings, as VENDORKPI does", () => {
    const renamed = DATA.map((row, i) => (i === 0 ? ["Vendor", "Raised", "Amount", "Unit Price", "Received Qty", "Status"] : row));
    const r = table(CONTRACTSTATUS.fn(CONTRACTS, renamed, "2025-04-10", null, [["order_date", "Raised"]]));
    expect(r.row("A1").get("Spend in term")).toBe(600);
  });

  it("needs an order date and a spend in the data, saying which column to add", () => {
    expect(CONTRACTSTATUS.fn(CONTRACTS, [["Vendor", "Amount"], ["Acme", 5]], "2025-04-10")).toBeCoreError("#VALUE!", "order date");
    expect(CONTRACTSTATUS.fn(CONTRACTS, [["Vendor", "Order Date"], ["Acme", "2025-01-01"]], "2025-04-10")).toBeCoreError("#VALUE!", "no spend");
  });
});

describe("VENDOROFFCONTRACT: the share of spend ordered outside every term", () => {
  // As of 2025-05-01. Acme's dated lines up to then: 100 + 200 + 300 + 400 + 500 + 600 = 2100.
  // K1 covers January, K2 March, K3 2025-03-15..04-30 (overlapping K2); the 2024 line and the
  // February line (a gap between terms) are off contract: (100 + 300) / 2100.
  const DATA: Range = [
    ["Vendor", "PO Date", "Amount"],
    ["Acme", "2024-06-15", 100],
    ["Acme", "2025-01-10", 200],
    ["Acme", "2025-02-10", 300],
    ["Acme", "2025-03-05", 400],
    ["Acme", "2025-03-20", 500],
    ["Acme", "2025-04-20", 600],
    ["Acme", "2025-05-10", 700],
    ["Acme", "", 800],
    ["Bolt", "2025-01-10", 50],
    ["Core", "2025-01-10", 0],
  ];
  const CONTRACTS: Range = [
    ["Vendor", "Start date", "End date", "Auto-renew"],
    ["Acme", "2025-01-01", "2025-01-31", ""],
    ["Acme", "2025-03-01", "2025-03-31", ""],
    ["Acme", "2025-03-15", "2025-04-30", ""],
    ["Dyn", "not a date", "2025-04-30", ""],
  ];

  it("counts spend in gaps between terms and before the first term as off contract, overlaps once", () => {
    expect(VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Acme", "2025-05-01")).toBeCloseTo(400 / 2100, 12);
  });

  it("counts every past and current term of an auto-renewing contract as on contract", () => {
    // Monthly from 2025-01-01, rolled to May: everything from January on; the 2024 line is off.
    const rolling: Range = [["Vendor", "Start", "End", "Auto renew"], ["Acme", "2025-01-01", "2025-01-31", "yes"]];
    expect(VENDOROFFCONTRACT.fn(DATA, rolling, "acme", "2025-05-01")).toBeCloseTo(100 / 2100, 12);
  });

  it("moves with as_of: lines ordered after it are left out of both sums", () => {
    // As of 2025-02-28: 100 + 200 + 300 = 600, off 100 + 300.
    expect(VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Acme", "2025-02-28")).toBeCloseTo(400 / 600, 12);
  });

  it("answers each vendor from one split of the lines, made again when the contracts change", () => {
    expect(VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Acme", "2025-05-01")).toBeCloseTo(400 / 2100, 12);
    expect(VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Bolt", "2025-05-01")).toBe(1);
    const february: Range = [...CONTRACTS, ["Acme", "2025-02-01", "2025-02-28", ""], ["Bolt", "2025-01-01", "2025-01-31", ""]];
    expect(VENDOROFFCONTRACT.fn(DATA, february, "Acme", "2025-05-01")).toBeCloseTo(100 / 2100, 12);
    expect(VENDOROFFCONTRACT.fn(DATA, february, "Bolt", "2025-05-01")).toBe(0);
    expect(VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Acme", "2025-05-01")).toBeCloseTo(400 / 2100, 12);
  });

  it("is 1 for a vendor with no contract at all", () => {
    expect(VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Bolt", "2025-05-01")).toBe(1);
  });

  it("is #N/A for a vendor with no line, and for spend that adds up to 0", () => {
    expect(VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Zeta", "2025-05-01")).toBeCoreError("#N/A", "Zeta");
    expect(VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Core", "2025-05-01")).toBeCoreError("#N/A", "adds up to 0");
    expect(VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Acme", "2024-01-01")).toBeCoreError("#N/A", "no line");
  });

  it("reports a problem in the vendor's own contract rows first, naming the row, and does not read other vendors' rows", () => {
    const bad: Range = [...CONTRACTS, ["Zeta", "2025-01-01", "", ""]];
    expect(VENDOROFFCONTRACT.fn(DATA, bad, "Zeta", "2025-05-01")).toBeCoreError("#VALUE!", "row 6", "blank");
    // Dyn's unreadable start (row 5) does not concern Acme.
    expect(VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Acme", "2025-05-01")).toBeCloseTo(400 / 2100, 12);
    expect(VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Dyn", "2025-05-01")).toBeCoreError("#VALUE!", "row 5", "not a date");
  });

  it("reports an auto-renewing contract that must roll without a start as a problem of its row", () => {
    const noStart: Range = [["Vendor", "End", "Evergreen"], ["Acme", "2025-01-31", "yes"]];
    expect(VENDOROFFCONTRACT.fn(DATA, noStart, "Acme", "2025-05-01")).toBeCoreError("#VALUE!", "Row 2", "start");
  });
});
