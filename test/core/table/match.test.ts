import type { CellValue, Range } from "../../../core";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const AS_OF = "2025-04-10";

// Every header the issues list must find its column, whatever the case, spacing or punctuation.
const PO_ALIASES: [field: string, header: string][] = [
  ...["vendor", "supplier", "vendor name", "supplier name"].map((h) => ["vendor", h] as [string, string]),
  ...["promised date", "due date", "expected date", "promised delivery date", "need by date", "scheduled delivery date", "scheduled date", "promise date", "requested date", "target date"].map((h) => ["promised", h] as [string, string]),
  ...["delivered date", "delivery date", "received date", "actual delivery date", "receipt date", "actual date", "arrival date", "date received"].map((h) => ["delivered", h] as [string, string]),
  ...["ordered qty", "quantity", "qty", "order quantity", "qty ordered", "order qty", "po qty", "line item quantity"].map((h) => ["ordered_qty", h] as [string, string]),
  ...["received qty", "qty received", "delivered qty"].map((h) => ["received_qty", h] as [string, string]),
  ...["rejected qty", "defective units", "defects", "qty rejected", "returned qty"].map((h) => ["rejected_qty", h] as [string, string]),
  ...["unit price", "price"].map((h) => ["unit_price", h] as [string, string]),
  ...["contract price", "negotiated price", "agreed price"].map((h) => ["contract_price", h] as [string, string]),
  ...["amount", "spend", "line total", "total", "line value", "line item value", "extended price", "net amount"].map((h) => ["amount", h] as [string, string]),
  ...["order date", "po date"].map((h) => ["order_date", h] as [string, string]),
  ...["status", "order status", "line status"].map((h) => ["status", h] as [string, string]),
  ...["compliance", "compliant"].map((h) => ["compliance", h] as [string, string]),
];

/** How an export might spell a header: upper case with underscores, as in `NEED_BY_DATE`. */
const shout = (h: string) => h.toUpperCase().replace(/ /g, "_");

function qualityRow(range: Range, field: string): CellValue[] {
  const grid = catalog.VENDORDATAQUALITY.fn(range) as CellValue[][];
  return table(grid).row(field).pick("Field", "Header", "Matched by");
}

describe("purchase-order headers listed in the issues", () => {
  it.each(PO_ALIASES)("matches %s under the header %j written in any case and punctuation", (field, header) => {
    const h = shout(header);
    const range: Range = field === "vendor" ? [[h], ["Acme"]] : [["Vendor", h], ["Acme", ""]];
    const row = qualityRow(range, field);
    expect(row).toEqual([field, h, "alias"]);
  });
});

const TICKET_ALIASES: [field: string, header: string][] = [
  ...["vendor", "supplier", "vendor name", "supplier name"].map((h) => ["vendor", h] as [string, string]),
  ...["ticket", "ticket id", "incident", "id", "number"].map((h) => ["ticket", h] as [string, string]),
  ...["priority", "severity"].map((h) => ["priority", h] as [string, string]),
  ...["opened", "opened at", "created", "created at", "reported"].map((h) => ["opened", h] as [string, string]),
  ...["resolved", "resolved at", "closed", "closed at"].map((h) => ["resolved", h] as [string, string]),
];

describe("ticket headers listed in the SLA issue", () => {
  const base: Record<string, [string, CellValue]> = {
    vendor: ["Vendor", "Acme"],
    ticket: ["Ticket", "T-1"],
    priority: ["Priority", "P2"],
    opened: ["Opened", "2025-03-31 09:00"],
    resolved: ["Resolved", "2025-03-31 11:00"],
  };
  it.each(TICKET_ALIASES)("reads %s from a column headed %j", (field, header) => {
    const cols = Object.entries(base).map(([f, [h, v]]) => [f === field ? shout(header) : h, v] as const);
    const range: Range = [cols.map((c) => c[0]), cols.map((c) => c[1])];
    const out = table(catalog.SLASTATUS.fn(range, undefined, undefined, "2025-04-01 09:00"));
    expect(out.header.slice(0, 3)).toEqual(["Ticket", "Vendor", "Priority"]);
    // T-1, Acme, P2 (8 business hours), 2 hours elapsed, met: each cell proves its column was read.
    expect(out.rows[0]!.pick("Ticket", "Vendor", "Priority", "Target (h)", "Elapsed (h)")).toEqual(["T-1", "Acme", "P2", 8, 2]);
    expect(out.rows[0]!.get("Status")).toBe("met");
  });
});

describe("more header names", () => {
  it.each([
    ["Promise Date", "Arrival Date", "Order Qty", "Extended Price"],
    ["Requested Date", "Date Received", "Line Item Quantity", "Line Item Value"],
    ["Target Date", "Actual Date", "PO Qty", "Net Amount"],
  ])("match %s, %s, %s, %s", (promised, delivered, qty, amount) => {
    const range = [["Supplier Name", promised, delivered, qty, amount], ["Acme", "2025-03-01", "2025-03-02", 4, 100]];
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF)).toBe(0);
    expect(catalog.VENDORKPI.fn(range, "Acme", "spend", AS_OF)).toBe(100);
  });
});
