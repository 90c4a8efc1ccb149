import type { CellValue, Range } from "../../../core";
import { ParseCache } from "../../../core";
import { fieldsFor } from "../../../core/kpi/fields";
import { readLines } from "../../../core/table/lines";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const AS_OF = "2025-04-10";
const HEADER = ["Vendor", "Status", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price", "Amount", "Order Date", "Compliance", "Supply Risk", "Impact", "Notes"];
const LINES: CellValue[][] = [
  ["Acme", "Delivered", "2025-03-01", "2025-03-01", 10, 10, 0, 5, 5, 50, "2025-02-20", "Yes", 4, 4, "ok"],
  ["Birch", "Delivered", "2025-03-01", "2025-03-03", 10, 8, 1, 2, 2, 20, "2025-02-25", "No", 2, 2, ""],
  ["Cobalt", "Open", "2025-03-10", "", 5, "", "", 3, 3, 15, "2025-03-01", "Yes", 1, 1, ""],
];
const CLEAN: Range = [HEADER, ...LINES];
/** The clean range with one cell of a column replaced by text that is no number or date. */
function spoiled(header: string, text = "2 - Medium"): Range {
  const c = HEADER.indexOf(header);
  return [HEADER, ...LINES.map((row, i) => (i === 1 ? row.map((v, j) => (j === c ? text : v)) : row))];
}

describe("a report reads only the columns its computation uses", () => {
  it.each<[string, string, (r: Range) => unknown]>([
    ["VENDORSCORECARD", "Impact", (r) => catalog.VENDORSCORECARD.fn(r, null, AS_OF)],
    ["VENDORSCORECARD", "Supply Risk", (r) => catalog.VENDORSCORECARD.fn(r, null, AS_OF)],
    ["VENDORSCORECARD", "Notes", (r) => catalog.VENDORSCORECARD.fn(r, null, AS_OF)],
    ["VENDORSCORE", "Impact", (r) => catalog.VENDORSCORE.fn(r, "Acme", null, AS_OF)],
    ["VENDORSCORE (default weights)", "Order Date", (r) => catalog.VENDORSCORE.fn(r, "Acme", null, AS_OF)],
    ["VENDORSCORE (default weights)", "Amount", (r) => catalog.VENDORSCORE.fn(r, "Acme", null, AS_OF)],
    ["VENDORGRADE", "Impact", (r) => catalog.VENDORGRADE.fn(r, "Acme", null, AS_OF)],
    ["VENDORBREAKDOWN", "Impact", (r) => catalog.VENDORBREAKDOWN.fn(r, "Acme", null, AS_OF)],
    ["VENDORKPI on_time", "Amount", (r) => catalog.VENDORKPI.fn(r, "Birch", "on_time", AS_OF)],
    ["VENDORKPI spend", "Promised Date", (r) => catalog.VENDORKPI.fn(r, "Birch", "spend", AS_OF)],
    ["VENDORKPI lines", "Received Qty", (r) => catalog.VENDORKPI.fn(r, "Birch", "lines", AS_OF)],
    ["VENDORABC", "Delivered Date", (r) => catalog.VENDORABC.fn(r, "Acme")],
    ["VENDORABC", "Impact", (r) => catalog.VENDORABC.fn(r, "Acme")],
    ["VENDORKRALJIC", "Contract Price", (r) => catalog.VENDORKRALJIC.fn(r, "Acme")],
    ["VENDORKRALJIC with a risk range", "Supply Risk", (r) => catalog.VENDORKRALJIC.fn(r, "Acme", [["Acme", 4], ["Birch", 2], ["Cobalt", 1]])],
    ["VENDORSEGMENTS", "Order Date", (r) => catalog.VENDORSEGMENTS.fn(r, null, null, AS_OF)],
  ])("%s is not failed by a bad cell in the %s column", (_fn, column, run) => {
    expect(run(spoiled(column))).toEqual(run(CLEAN));
  });

  it.each<[string, string, string, (r: Range) => unknown]>([
    ["VENDORSCORECARD", "Amount", "Amount", (r) => catalog.VENDORSCORECARD.fn(r, null, AS_OF)],
    ["VENDORSCORECARD", "Order Date", "Order Date", (r) => catalog.VENDORSCORECARD.fn(r, null, AS_OF)],
    ["VENDORSCORECARD scoring compliance", "Compliance", "", (r) => catalog.VENDORSCORECARD.fn(r, [["compliance", 1]], AS_OF)],
    ["VENDORSCORE", "Rejected Qty", "Rejected Qty", (r) => catalog.VENDORSCORE.fn(r, "Acme", null, AS_OF)],
    ["VENDORSCORE with promised_days", "Order Date", "Order Date", (r) => catalog.VENDORSCORE.fn(r, "Acme", [["promised_days", 7], ["on_time", 1]], AS_OF)],
    ["VENDORKPI lead_time", "Order Date", "Order Date", (r) => catalog.VENDORKPI.fn(r, "Acme", "lead_time", AS_OF)],
    ["VENDORABC", "Amount", "Amount", (r) => catalog.VENDORABC.fn(r, "Acme")],
    ["VENDORKRALJIC", "Impact", "Impact", (r) => catalog.VENDORKRALJIC.fn(r, "Acme")],
    ["VENDORKRALJIC", "Supply Risk", "Supply Risk", (r) => catalog.VENDORKRALJIC.fn(r, "Acme")],
    ["VENDORSEGMENTS", "Impact", "Impact", (r) => catalog.VENDORSEGMENTS.fn(r, null, null, AS_OF)],
  ])("%s still fails on a bad cell in the %s column it uses", (_fn, column, mention, run) => {
    const bad = column === "Compliance" ? undefined : "2 - Medium";
    if (bad === undefined) {
      // A compliance cell is yes or anything else: it cannot be bad, but it is read when scored.
      expect(run(spoiled(column, "Yes"))).not.toEqual(run(CLEAN));
      return;
    }
    expect(run(spoiled(column, bad))).toBeCoreError("#VALUE!", `"${mention}"`, "row 3", "2 - Medium");
  });

  it("VENDORDATAQUALITY still counts the bad cell of an unused column", () => {
    const dq = table(catalog.VENDORDATAQUALITY.fn(spoiled("Impact")));
    expect(dq.row("profit_impact").pick("Header", "Values", "Unparseable")).toEqual(["Impact", 2, 1]);
  });
});

describe("the parse cache and the fields read", () => {
  const all = fieldsFor(["on_time", "in_full", "spend"]);
  const few = fieldsFor(["spend"]);

  it("serves a table read for more fields to a caller that needs fewer", () => {
    const cache = new ParseCache({ entries: 4, cells: 1e6, keepFrom: 1 });
    const big = readLines(CLEAN, { fields: all }, cache);
    expect(readLines(CLEAN.map((r) => [...r]), { fields: few }, cache)).toBe(big);
    expect(cache.stats().hits).toBe(1);
  });

  it("never serves a table read for fewer fields to a caller that needs more", () => {
    const cache = new ParseCache({ entries: 4, cells: 1e6, keepFrom: 1 });
    const small = readLines(CLEAN, { fields: few }, cache);
    expect(small.num("promised")).toBeUndefined();
    const big = readLines(CLEAN, { fields: all }, cache);
    expect(big).not.toBe(small);
    expect(big.num("promised")).toBeInstanceOf(Float64Array);
    expect(readLines(CLEAN, {}, cache).num("supply_risk")).toBeInstanceOf(Float64Array);
  });

  it("gives the same results whichever function parses the range first", () => {
    const order1 = [catalog.VENDORABC.fn(CLEAN, "Acme"), catalog.VENDORSCORECARD.fn(CLEAN, null, AS_OF), catalog.VENDORKPI.fn(CLEAN, "Birch", "in_full", AS_OF)];
    catalog.context.cache.clear();
    const order2 = [catalog.VENDORSCORECARD.fn(CLEAN, null, AS_OF), catalog.VENDORKPI.fn(CLEAN, "Birch", "in_full", AS_OF), catalog.VENDORABC.fn(CLEAN, "Acme")];
    expect([order2[2], order2[0], order2[1]]).toEqual(order1);
  });
});
