import type { Range } from "../../../core";
import { isTotalLabel, vendorName } from "../../../core/table/vendors";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const AS_OF = "2025-04-10";
const NFC = "Caf\u00e9 Supplies";
const NFD = "Cafe\u0301 Supplies";

const lines = (...names: string[]): Range => [["Vendor", "Amount"], ...names.map((n, i) => [n, 10 * (i + 1)])];
const vendors = (range: Range) => table(catalog.VENDORSCORECARD.fn(range, null, AS_OF)).column("Vendor");

describe("vendor names are compared after Unicode normalisation", () => {
  it.each<[string, string, string]>([
    ["a precomposed and a decomposed accent", NFC, NFD],
    ["a zero-width space inside the name", "Acme Metals", "Acme\u200b Metals"],
    ["a zero-width joiner and non-joiner", "Acme Metals", "\u200cAcme Metals\u200d"],
    ["a word joiner and a byte-order mark", "Acme Metals", "\ufeffAcme Metals\u2060"],
    ["a no-break space for a space", "Acme Metals", "Acme\u00a0Metals"],
    ["a narrow no-break space for a space", "Acme Metals", "Acme\u202fMetals"],
  ])("counts %s as one vendor", (_what, a, b) => {
    expect(vendors(lines(a, b))).toEqual([vendorName(a)]);
    expect(catalog.VENDORKPI.fn(lines(a, b), a, "spend", AS_OF)).toBe(30);
  });

  it("shows the first spelling in NFC form", () => {
    expect(vendors(lines(NFD, NFC))).toEqual([NFC]);
  });

  it.each([
    ["decomposed", NFD],
    ["with a zero-width space", `${NFC}\u200b`],
    ["with a no-break space", "Caf\u00e9\u00a0Supplies"],
  ])("finds a vendor argument typed %s", (_how, typed) => {
    expect(catalog.VENDORKPI.fn(lines(NFC, "Birch"), typed, "spend", AS_OF)).toBe(10);
    expect(catalog.VENDORSCORE.fn([["Vendor", "Ordered Qty", "Received Qty", "Delivered Date"], [NFC, 10, 10, "2025-03-01"]], typed, [["in_full", 1]], AS_OF)).toBe(100);
  });

  it.each([
    ["a zero-width space", "\u200b"],
    ["a byte-order mark and a no-break space", "\ufeff\u00a0"],
  ])("skips a line whose vendor cell holds only %s as a blank vendor", (_what, cell) => {
    const range = lines("Acme", cell);
    expect(vendors(range)).toEqual(["Acme"]);
    expect(table(catalog.VENDORDATAQUALITY.fn(range)).row("skipped: blank vendor").get("Values")).toBe(1);
  });

  it("matches a risk range's vendor names the same way", () => {
    const range: Range = [["Vendor", "Amount"], [NFC, 100], ["Birch", 1]];
    expect(catalog.VENDORKRALJIC.fn(range, NFC, [["Vendor", "Risk"], [NFD, 4], ["Birch", 1]])).toBe("Strategic");
  });
});

describe("total labels", () => {
  it.each(["Total", "TOTAL", " total ", "Totals", "Grand Total", "grand total:", "Subtotal", "SubTotal :", "Sum", "sum:"])("reads %j as a total label", (label) => {
    expect(isTotalLabel(vendorName(label))).toBe(true);
  });

  it.each(["Total Logistics", "Sum Corp", "Totally Fresh", "Grand", "Summit"])("reads %j as a vendor", (name) => {
    expect(isTotalLabel(vendorName(name))).toBe(false);
  });
});
