import type { Range } from "../../../core";
import { catalog, serial } from "../../helpers/sheet";
import { table } from "../../helpers/table";

/** The worked example of the README's Contracts section. */
describe("README, Contracts: the worked example", () => {
  const CONTRACTS: Range = [
    ["Contract", "Vendor", "Start", "End", "Notice days", "Auto renew", "Value"],
    ["K1", "Acme", "2025-01-01", "2025-12-31", 30, "no", 1200],
    ["K2", "Bolt", "2024-02-01", "2024-03-01", 0, "yes", ""],
    ["K3", "Core", "2024-01-15", "2024-07-14", 60, "yes", ""],
  ];
  const DATA: Range = [
    ["Vendor", "Order Date", "Amount", "Unit Price", "Received Qty", "Status"],
    ["Acme", "2024-11-20", 100, "", "", ""],
    ["Acme", "2025-01-01", 200, "", "", ""],
    ["Acme", "2025-02-01", 400, "", "", "Cancelled"],
    ["Acme", "2025-02-15", "", 10, 5, ""],
    ["Acme", "2025-03-10", 300, "", "", ""],
    ["Acme", "2025-04-10", 50, "", "", ""],
  ];

  it("spills the terms, notice dates and statuses the README gives", () => {
    const t = table(catalog.CONTRACTSTATUS.fn(CONTRACTS, DATA, "2025-04-10"));
    const cols = ["Start", "End", "Notice by", "Days to notice", "Status"];
    expect(t.row("K1").pick(...cols, "Spend in term", "Utilisation")).toEqual([serial("2025-01-01"), serial("2025-12-31"), serial("2025-12-01"), 235, "active", 600, 0.5]);
    expect(t.row("K2").pick(...cols)).toEqual([serial("2025-03-27"), serial("2025-04-25"), serial("2025-04-25"), 15, "notice due"]);
    expect(t.row("K3").pick(...cols)).toEqual([serial("2025-01-15"), serial("2025-07-14"), serial("2025-05-15"), 35, "notice due"]);
  });

  it.each([
    ["2025-09-01", "active"],
    ["2025-09-02", "notice due"],
    ["2025-12-02", "notice passed"],
    ["2026-01-01", "expired"],
  ])("gives K1 on %s the status %s", (asOf, status) => {
    expect(table(catalog.CONTRACTSTATUS.fn(CONTRACTS, null, asOf)).row("K1").get("Status")).toBe(status);
  });

  it("puts 100 of Acme's 700 off contract", () => {
    expect(catalog.VENDOROFFCONTRACT.fn(DATA, CONTRACTS, "Acme", "2025-04-10")).toBeCloseTo(1 / 7, 12);
  });
});

/** The worked example of the README's Risk register section. */
describe("README, Risk register: the worked example", () => {
  const RISK: Range = [
    ["Vendor", "Dimension", "Score", "Date"],
    ["Acme", "Financial", 2, "2024-01-10"],
    ["Acme", "Financial", 4, "2025-01-10"],
    ["Acme", "Cyber", 3, "2024-06-01"],
    ["Bolt", "Financial", 5, "2025-02-01"],
    ["Bolt", "cyber", 1, "2025-02-01"],
    ["Core", "Continuity", 3, "2025-03-01"],
  ];

  it("gives the figures the README gives", () => {
    expect(catalog.VENDORRISK.fn(RISK, "Acme")).toBe(62.5);
    expect(catalog.VENDORRISKS.fn(RISK)).toEqual([
      ["Vendor", "Financial", "Cyber", "Continuity", "Risk index"],
      ["Acme", 75, 50, "", 62.5],
      ["Bolt", 100, 0, "", 50],
      ["Core", "", "", 50, 50],
    ]);
    const settings = [["risk_weight", "Financial", 3], ["risk_weight", "Cyber", 1], ["risk_weight", "Continuity", 1]];
    expect(table(catalog.VENDORRISKS.fn(RISK, settings)).pick("Vendor", "Risk index")).toEqual([["Bolt", 75], ["Acme", 68.75], ["Core", 50]]);
    const data: Range = [["Vendor", "Amount"], ["Acme", 900], ["Bolt", 100]];
    expect(table(catalog.VENDORSEGMENTS.fn(data, RISK)).row("Acme").pick("Supply risk", "Kraljic")).toEqual([0.625, "Strategic"]);
  });
});
