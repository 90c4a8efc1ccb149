import type { Range } from "../../../core";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const { VENDORRISK, VENDORRISKS, VENDORKRALJIC, VENDORSEGMENTS } = catalog;

// On 1-5: a score s is (s - 1) / 4 x 100. Acme's latest financial is 4 (75; the 2 of 2024 is
// older), its cyber 3 (50); Bolt's financial 5 (100), its cyber 1 (0, " cyber " matches Cyber);
// Core has continuity 3 (50) only.
const REGISTER: Range = [
  ["Vendor", "Dimension", "Score", "Date"],
  ["Acme", "Financial", 2, "2024-01-10"],
  ["Acme", "Financial", 4, "2025-01-10"],
  ["Acme", "Cyber", 3, "2024-06-01"],
  ["Bolt", "Financial", 5, "2025-02-01"],
  ["bolt", " cyber ", 1, "2025-02-01"],
  ["Core", "Continuity", 3, "2025-03-01"],
];

describe("VENDORRISK and VENDORRISKS: latest assessment by date, equal weights", () => {
  it.each([
    ["Acme", 62.5], // (75 + 50) / 2
    ["Bolt", 50], // (100 + 0) / 2
    ["core", 50], // its one dimension; the other dimensions are left out and the weights renormalise
  ])("gives %s a risk index of %p", (vendor, index) => {
    expect(VENDORRISK.fn(REGISTER, vendor)).toBe(index);
  });

  it("spills vendor, each dimension as first written, risk index; riskiest first, ties by name", () => {
    expect(VENDORRISKS.fn(REGISTER)).toEqual([
      ["Vendor", "Financial", "Cyber", "Continuity", "Risk index"],
      ["Acme", 75, 50, "", 62.5],
      ["Bolt", 100, 0, "", 50],
      ["Core", "", "", 50, 50],
    ]);
  });

  it("takes the latest assessment whatever the row order, and averages assessments of the same latest day", () => {
    const reordered: Range = [REGISTER[0]!, ...REGISTER.slice(1).reverse()];
    expect(VENDORRISK.fn(reordered, "Acme")).toBe(62.5);
    const sameDay: Range = [...REGISTER, ["Acme", "financial", 2, "2025-01-10"]];
    // Financial: the two 2025-01-10 scores 4 and 2 average to 3 (50): (50 + 50) / 2.
    expect(VENDORRISK.fn(sameDay, "Acme")).toBe(50);
  });

  it("takes the mean of a vendor's scores for a dimension without a date column", () => {
    const undated = REGISTER.map((r) => r.slice(0, 3));
    // Financial: (2 + 4) / 2 = 3 -> 50; cyber 50.
    expect(VENDORRISK.fn(undated, "Acme")).toBe(50);
  });

  it("is #N/A for a vendor without assessments, naming the vendors there are", () => {
    expect(VENDORRISK.fn(REGISTER, "Zeta")).toBeCoreError("#N/A", "Zeta", "Acme");
  });

  it("answers to the documented header names", () => {
    const aliased: Range = [["Supplier", "Risk area", "Rating", "Assessment date"], ["Acme", "ESG", 2, "2025-01-01"]];
    expect(VENDORRISK.fn(aliased, "Acme")).toBe(25);
    expect(VENDORRISK.fn([["Vendor", "Category", "Rating", "Assessed"], ["Acme", "ESG", 5, "2025-01-01"]], "Acme")).toBe(100);
  });
});

describe("risk scales over all the scores of the register", () => {
  const scored = (...scores: number[]): Range => [["Vendor", "Dimension", "Score"], ...scores.map((s, i) => [`V${i + 1}`, "Cyber", s])];
  const indexes = (r: Range) => table(VENDORRISKS.fn(r)).pick("Vendor", "Risk index");

  it("reads 1-5: (s - 1) / 4 x 100", () => {
    expect(indexes(scored(1, 2, 5))).toEqual([["V3", 100], ["V2", 25], ["V1", 0]]);
  });

  it("reads 0-1 when every score is within 0-1 and one lies strictly between: s x 100", () => {
    expect(indexes(scored(0, 0.3, 1))).toEqual([["V3", 100], ["V2", 30], ["V1", 0]]);
  });

  it("reads 0-100 when any score is above 5: a 1 there is 1, not the lowest of 1-5", () => {
    expect(indexes(scored(1, 40, 100, 0))).toEqual([["V3", 100], ["V2", 40], ["V1", 1], ["V4", 0]]);
  });

  it("reads 0s and 1s with nothing between as 1-5, where a 0 is a problem naming its row", () => {
    expect(VENDORRISKS.fn(scored(1, 0))).toBeCoreError("#VALUE!", "row 3", "below 1");
  });

  it("reads a score below 1 beside 1-5 scores as a problem naming its row", () => {
    expect(VENDORRISK.fn(scored(3, 4, 0.5, 2), "V1")).toBeCoreError("#VALUE!", "row 4", "below 1");
  });

  it("reads a score above 100 or below 0 on 0-100 as a problem naming its row", () => {
    expect(VENDORRISK.fn(scored(30, 120), "V1")).toBeCoreError("#VALUE!", "row 3", "0-100");
    expect(VENDORRISK.fn(scored(30, -1), "V1")).toBeCoreError("#VALUE!", "row 3", "0-100");
  });

  it("reads an unreadable score as a problem naming its cell", () => {
    expect(VENDORRISK.fn([["Vendor", "Dimension", "Score"], ["Acme", "Cyber", "high"]], "Acme")).toBeCoreError("#VALUE!", "row 2", "high");
  });

  it("leaves out rows with a blank score, and needs a dimension on every scored row", () => {
    expect(VENDORRISK.fn([["Vendor", "Dimension", "Score"], ["Acme", "Cyber", 3], ["Acme", "ESG", ""]], "Acme")).toBe(50);
    expect(VENDORRISK.fn([["Vendor", "Dimension", "Score"], ["Acme", "", 3]], "Acme")).toBeCoreError("#VALUE!", "row 2", "dimension is blank");
  });
});

describe("risk weights: settings rows, else the weight column, else equal", () => {
  const SETTINGS: Range = [["risk_weight", "Financial", 3], ["risk_weight", "cyber", 1], ["risk_weight", "Continuity", 1], ["grace_days", 2]];

  it("weighs dimensions by the settings' risk_weight rows", () => {
    // Acme (3 x 75 + 1 x 50) / 4 = 68.75; Bolt (3 x 100 + 0) / 4 = 75; Core 50.
    expect(VENDORRISK.fn(REGISTER, "Acme", SETTINGS)).toBe(68.75);
    expect(table(VENDORRISKS.fn(REGISTER, SETTINGS)).pick("Vendor", "Risk index")).toEqual([["Bolt", 75], ["Acme", 68.75], ["Core", 50]]);
  });

  it("weighs dimensions by the mean of the weight column over each dimension's rows", () => {
    const weighted: Range = [
      ["Vendor", "Dimension", "Score", "Weight"],
      ["Acme", "Financial", 4, 2],
      ["Bolt", "Financial", 5, 4],
      ["Acme", "Cyber", 3, 1],
      ["Bolt", "Cyber", 1, ""],
    ];
    // Financial weighs (2 + 4) / 2 = 3, cyber 1: Acme (3 x 75 + 50) / 4 = 68.75.
    expect(VENDORRISK.fn(weighted, "Acme")).toBe(68.75);
    // Every row of a dimension counts in its weight, scored or not: cyber (1 + 5) / 2 = 3, as financial.
    expect(VENDORRISK.fn([...weighted, ["Core", "Cyber", "", 5]], "Acme")).toBe(62.5);
    // The settings' rows come first.
    expect(VENDORRISK.fn(weighted, "Acme", [["risk_weight", "Financial", 1], ["risk_weight", "Cyber", 1]])).toBe(62.5);
  });

  it("reads register columns named by mapping rows in the settings", () => {
    const r: Range = [["Supplier", "Area", "Likelihood"], ["Acme", "Cyber", 3], ["Acme", "ESG", 5]];
    // "Area" and "Likelihood" are no usual header: the mapping rows name them. (50 + 100) / 2.
    expect(VENDORRISK.fn(r, "Acme", [["dimension", "Area"], ["score", "Likelihood"]])).toBe(75);
    expect(VENDORRISK.fn(r, "Acme")).toBeCoreError("#VALUE!", "No dimension column");
  });

  it("names a dimension the settings give no weight", () => {
    expect(VENDORRISK.fn(REGISTER, "Acme", [["risk_weight", "Financial", 3]])).toBeCoreError("#VALUE!", "Cyber", "risk_weight");
  });

  it("names a dimension the weight column gives no weight", () => {
    const r: Range = [["Vendor", "Dimension", "Score", "Weight"], ["Acme", "Financial", 4, 2], ["Acme", "Cyber", 3, ""]];
    expect(VENDORRISK.fn(r, "Acme")).toBeCoreError("#VALUE!", "Cyber");
  });

  it("rejects a negative or unreadable weight in the settings, naming its row", () => {
    expect(VENDORRISK.fn(REGISTER, "Acme", [["risk_weight", "Financial", -1]])).toBeCoreError("#VALUE!", "row 1");
    expect(VENDORRISK.fn(REGISTER, "Acme", [["grace_days", 2], ["risk_weight", "Financial", "heavy"]])).toBeCoreError("#VALUE!", "row 2");
  });

  it("is #N/A for a vendor assessed only on dimensions weighted 0", () => {
    const settings = [["risk_weight", "Financial", 1], ["risk_weight", "Cyber", 1], ["risk_weight", "Continuity", 0]];
    expect(VENDORRISK.fn(REGISTER, "Core", settings)).toBeCoreError("#N/A", "weighted 0");
  });
});

describe("the register as the risk argument of VENDORKRALJIC and VENDORSEGMENTS", () => {
  // Spend 800 / 150 / 50: Acme is class A (high impact), Bolt starts at 80% (B), Core C, Dyn C.
  const DATA: Range = [["Vendor", "Amount"], ["Acme", 800], ["Bolt", 150], ["Core", 40], ["Dyn", 10]];
  // Risk index / 100: Acme (4 -> 0.75), Bolt (2 -> 0.25), Core (5 -> 1); Dyn has no assessment.
  const RISK: Range = [
    ["Vendor", "Risk area", "Score", "Date"],
    ["Acme", "Financial", 4, "2025-01-01"],
    ["Bolt", "Financial", 2, "2025-01-01"],
    ["Core", "Financial", 5, "2025-01-01"],
  ];

  it.each([
    ["Acme", "Strategic"], // high impact, 0.75 >= 0.5
    ["Bolt", "Non-critical"], // low impact, 0.25
    ["Core", "Bottleneck"], // low impact, 1
  ])("places %s in %s", (vendor, quadrant) => {
    expect(VENDORKRALJIC.fn(DATA, vendor, RISK)).toBe(quadrant);
  });

  it("takes risk_threshold on 0-1: at 0.8 Acme's 0.75 is low risk", () => {
    expect(VENDORKRALJIC.fn(DATA, "Acme", RISK, null, 0.8)).toBe("Leverage");
    expect(VENDORKRALJIC.fn(DATA, "Acme", RISK, null, 0.75)).toBe("Strategic");
  });

  it("reads the index on 0-1 even when every vendor is at the top (all 1s would be lowest on 1-5)", () => {
    const top: Range = [["Vendor", "Dimension", "Score"], ["Acme", "Cyber", 5], ["Bolt", "Cyber", 5]];
    expect(VENDORKRALJIC.fn(DATA, "Acme", top)).toBe("Strategic");
    expect(VENDORKRALJIC.fn(DATA, "Bolt", top)).toBe("Bottleneck");
  });

  it("uses the register's weight column", () => {
    const weighted: Range = [
      ["Vendor", "Dimension", "Score", "Weight"],
      ["Bolt", "Financial", 5, 1],
      ["Bolt", "Cyber", 1, 3],
    ];
    // Bolt: (100 + 3 x 0) / 4 = 25 -> 0.25: low. Equal weights would make it 0.5: high.
    expect(VENDORKRALJIC.fn(DATA, "Bolt", weighted)).toBe("Non-critical");
    expect(VENDORKRALJIC.fn(DATA, "Bolt", weighted.map((r) => r.slice(0, 3)))).toBe("Bottleneck");
  });

  it("names the register when a vendor has no assessment", () => {
    expect(VENDORKRALJIC.fn(DATA, "Dyn", RISK)).toBeCoreError("#N/A", "Dyn", "risk register");
  });

  it("shows the index / 100 in VENDORSEGMENTS' Supply risk column, blank without assessments", () => {
    const t = table(VENDORSEGMENTS.fn(DATA, RISK));
    expect(t.pick("Vendor", "Supply risk", "Kraljic")).toEqual([
      ["Acme", 0.75, "Strategic"],
      ["Bolt", 0.25, "Non-critical"],
      ["Core", 1, "Bottleneck"],
      ["Dyn", "", ""],
    ]);
  });

  it("still reads the two columns vendor, risk as before", () => {
    expect(VENDORKRALJIC.fn(DATA, "Acme", [["Vendor", "Risk"], ["Acme", 4], ["Bolt", 2]])).toBe("Strategic");
  });
});
