import { catalog } from "../helpers/sheet";
import { dataCsv } from "../helpers/csv";
import { table } from "../helpers/table";

// The public procurement export: PO_ID, Supplier, Order_Date, Delivery_Date, Item_Category, Order_Status,
// Quantity, Unit_Price, Negotiated_Price, Defective_Units, Compliance. It has no promised date and no
// received quantity; the promised_days setting gives a promise (order date + 14 days).
const RANGE = dataCsv("procurement_kpi_analysis_dataset.csv");
const AS_OF = "2025-01-01";
const SETTINGS = [["promised_days", 14]];

type Row = Record<string, string>;
const rows: Row[] = RANGE.slice(1).map((r) => Object.fromEntries(RANGE[0]!.map((h, i) => [h, r[i]!])));
const suppliers = [...new Set(rows.map((r) => r.Supplier!))];
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The KPIs computed independently from the CSV, in a few lines of plain code. */
function expected(supplier: string) {
  const lines = rows.filter((r) => r.Supplier === supplier && r.Order_Status !== "Cancelled");
  const delivered = lines.filter((r) => r.Delivery_Date !== "");
  const due = (r: Row) => day(r.Order_Date!) + 14;
  const evaluable = lines.filter((r) => r.Delivery_Date !== "" || due(r) < day(AS_OF));
  const onTime = evaluable.filter((r) => r.Delivery_Date !== "" && day(r.Delivery_Date!) <= due(r)).length / evaluable.length;
  const withDefects = delivered.filter((r) => r.Defective_Units !== "");
  const sum = (xs: Row[], f: (r: Row) => number) => xs.reduce((a, r) => a + f(r), 0);
  const defectRate = sum(withDefects, (r) => +r.Defective_Units!) / sum(withDefects, (r) => +r.Quantity!);
  const variance = sum(lines, (r) => (+r.Unit_Price! - +r.Negotiated_Price!) * +r.Quantity!) / sum(lines, (r) => +r.Negotiated_Price! * +r.Quantity!);
  const compliance = lines.filter((r) => r.Compliance === "Yes").length / lines.length;
  const spend = sum(lines, (r) => +r.Unit_Price! * +r.Quantity!);
  const leadTime = sum(delivered, (r) => day(r.Delivery_Date!) - day(r.Order_Date!)) / delivered.length;
  return { on_time: onTime, defect_rate: defectRate, price_variance: variance, compliance, spend, lead_time: leadTime, lines: lines.length };
}

describe("the public procurement export", () => {
  it("finds every column without mapping rows", () => {
    const dq = catalog.VENDORDATAQUALITY.fn(RANGE) as unknown[][];
    const found = Object.fromEntries(table(dq).pick("Field", "Header"));
    expect(found).toMatchObject({
      vendor: "Supplier",
      order_date: "Order_Date",
      delivered: "Delivery_Date",
      status: "Order_Status",
      ordered_qty: "Quantity",
      unit_price: "Unit_Price",
      contract_price: "Negotiated_Price",
      rejected_qty: "Defective_Units",
      compliance: "Compliance",
      promised: "not found",
      received_qty: "not found",
    });
    expect(table(dq).row("skipped: cancelled").get("Values")).toBe(63);
    expect(table(dq).row("rejected_qty").get("Blank")).toBe(RANGE.slice(1).filter((r) => r[9] === "" && r[5] !== "Cancelled").length);
  });

  it("has the five suppliers", () => {
    expect(suppliers.sort()).toEqual(["Alpha_Inc", "Beta_Supplies", "Delta_Logistics", "Epsilon_Group", "Gamma_Co"]);
  });

  describe.each(suppliers)("%s", (supplier) => {
    const want = expected(supplier);
    it.each(Object.keys(want))("has the %s computed independently from the CSV", (kpi) => {
      expect(catalog.VENDORKPI.fn(RANGE, supplier, kpi, AS_OF, SETTINGS)).toBeCloseTo(want[kpi as keyof typeof want], 10);
    });
  });

  it("says the defect rate is over ordered quantity, the export having no received quantity", () => {
    const grid = catalog.VENDORBREAKDOWN.fn(RANGE, "Alpha_Inc", null, AS_OF) as unknown[][];
    expect(table(grid).row("Defect rate").get("Note")).toMatch(/ordered qty/);
  });

  it("gives the same scorecard when the cancelled lines are deleted", () => {
    const withoutCancelled = RANGE.filter((r, i) => i === 0 || r[5] !== "Cancelled");
    expect(withoutCancelled.length).toBe(RANGE.length - 63);
    expect(catalog.VENDORSCORECARD.fn(withoutCancelled, SETTINGS, AS_OF)).toEqual(catalog.VENDORSCORECARD.fn(RANGE, SETTINGS, AS_OF));
  });

  it("has no on-time rate without the promised_days setting, the export having no promised date", () => {
    expect(catalog.VENDORKPI.fn(RANGE, "Alpha_Inc", "on_time", AS_OF)).toBeCoreError("#N/A", "on_time");
  });

  it("scores compliance when the weights name it", () => {
    const score = catalog.VENDORSCORE.fn(RANGE, "Gamma_Co", [["compliance", 1, 1, 0]], AS_OF);
    expect(score).toBeCloseTo(expected("Gamma_Co").compliance * 100, 10);
  });
});
