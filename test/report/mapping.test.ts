/**
 * The pure parts behind the panes' column form and data-quality summary: a `(not used)`
 * mapping row, the form's choices turned into mapping rows, and the summary's lines.
 */
import { CoreError } from "../../core/cell/error";
import { buildReport, mappingForm, sourceSummary, splitMapping } from "../../core/report";
import { catalog } from "../helpers/sheet";
import { NOT_USED, matchColumns } from "../../core/table/match";
import { PO_SCHEMA } from "../../core/table/schema";

const cx = catalog.context;

const HEADER = ["Supplier", "Due Date", "Ship By", "Delivered", "Qty"];

describe("a (not used) mapping row", () => {
  it("leaves out a column the automatic match would pick", () => {
    const m = matchColumns(HEADER, PO_SCHEMA, new Map([["delivered", NOT_USED]]));
    expect(m.has("delivered")).toBe(false);
    expect(m.get("promised")!.header).toBe("Due Date");
  });

  it("cannot leave out the vendor column", () => {
    expect(() => matchColumns(HEADER, PO_SCHEMA, new Map([["vendor", "(Not Used)"]]))).toThrow(/No vendor column/);
  });

  it("makes the scorecard read the field as absent: a line delivered early counts as undelivered and late", () => {
    const data = [["Vendor", "Promised", "Delivered"], ["Acme", 45010, 45000]];
    const onTime = (weights: unknown[][]) => {
      const r = buildReport({ kind: "scorecard", source: data, config: weights as never, asOf: 45100 }, cx);
      if (r instanceof CoreError) throw r;
      return r.values[1]![r.values[0]!.indexOf("On time")];
    };
    expect(onTime([["kpi", "weight"], ["on_time", 1]])).toBe(1);
    expect(onTime([["kpi", "weight"], ["on_time", 1], ["delivered", "(not used)"]])).toBe(0);
  });
});

describe("the mapping form", () => {
  it.each([
    ["no choices", [], []],
    ["a choice equal to the detected column", [], [["promised", "Due Date"]]],
    ["a different column", [["promised", "Ship By"]], [["promised", "Ship By"]]],
    ["(not used) on a detected field", [["delivered", NOT_USED]], [["delivered", NOT_USED]]],
    ["(not used) on a field with no column", [], [["amount", NOT_USED]]],
    ["a header the source does not have", [], [["promised", "Gone"]]],
  ])("%s gives mapping rows %j", (_, rows, choices) => {
    expect(mappingForm("scorecard", HEADER, new Map(choices as [string, string][])).rows).toEqual(rows);
  });

  it("shows each field's detected column and the one read once the choices apply", () => {
    const f = mappingForm("scorecard", HEADER, new Map([["promised", "Ship By"]]));
    expect(f.headers).toEqual(HEADER);
    expect(f.fields.find((x) => x.field === "promised")).toEqual({ field: "promised", label: "Promised date", required: false, detected: "Due Date", chosen: "Ship By" });
    expect(f.fields.find((x) => x.field === "vendor")).toEqual({ field: "vendor", label: "Vendor", required: true, detected: "Supplier", chosen: "Supplier" });
    expect(f.fields.find((x) => x.field === "amount")!.chosen).toBe("");
  });

  it("lists ticket fields for SLA and still shows a source without the required columns", () => {
    const f = mappingForm("sla", ["Item", "Created"]);
    expect(f.fields.map((x) => [x.field, x.chosen])).toEqual([["vendor", ""], ["ticket", ""], ["priority", ""], ["opened", "Created"], ["responded", ""], ["resolved", ""], ["updated", ""], ["status", ""], ["paused_hours", ""]]);
    expect(f.problem).toBe("");
  });

  it("rows appended to the weights range are what the report reads", () => {
    const data = [["Supplier", "Due Date", "Ship By", "Delivered", "Qty"], ["Acme", 45000, 45020, 45010, 1]];
    const rows = mappingForm("scorecard", data[0]!, new Map([["promised", "Ship By"]])).rows;
    const r = buildReport({ kind: "scorecard", source: data, config: [["kpi", "weight"], ["on_time", 1], ...rows], asOf: 45100 }, cx);
    if (r instanceof CoreError) throw r;
    expect(r.values[1]![r.values[0]!.indexOf("On time")]).toBe(1);
  });
});

describe("the data-quality summary", () => {
  const DATA = [
    ["Supplier", "Promised Date", "Delivered Date", "Status"],
    ["Acme", "2025-03-01", "Date Not Captured", "Delivered"],
    ["Acme", "2025-03-01", "2025-03-02", "Cancelled"],
    ["Birch", "2025-03-01", "3/x/2025", "Delivered"],
    ["", "2025-03-01", "2025-03-02", "Delivered"],
  ];

  it("counts lines, skipped lines, fields not found and bad cells", () => {
    const s = sourceSummary("scorecard", DATA, [], cx);
    expect(s.problem).toBe("");
    expect(s.lines).toEqual([
      "Counted: 2 of 4 lines (2 vendors)",
      "Skipped: 1 cancelled, 1 blank vendor",
      "Not found: Ordered qty, Received qty, Rejected qty, Unit price, Contract price, Amount, Order date, Compliance, Supply risk, Profit impact, Tier",
      "Delivered date: 1 placeholder read as blank, 1 unparseable",
    ]);
  });

  it("gives the reason instead when the source cannot be read", () => {
    expect(sourceSummary("scorecard", [["Item"], ["Bolts"]], [], cx).problem).toMatch(/No vendor column/);
    expect(sourceSummary("scorecard", DATA, [["kpi", "weight"], ["on_time", "lots"]], cx).problem).toMatch(/not a number/);
  });

  it("for SLA flags a vendor column of one value before Generate, and is quiet once the policy maps another", () => {
    const log = [["Number", "Vendor", "Priority", "Opened", "Assignment Group"], ["INC1", "?", "P1", 45000, "Ops"], ["INC2", "?", "P2", 45000, "Net"]];
    expect(sourceSummary("sla", log, [], cx).lines).toContain('vendor: column "Vendor" holds one value, "?", on all 2 rows, so it cannot tell vendors apart: map the column that names them with a policy row "vendor, Assignment Group" (columns that might: "Assignment Group")');
    expect(sourceSummary("sla", log, [["vendor", "Assignment Group"]], cx).lines.join("\n")).not.toContain("cannot tell vendors apart");
  });

  it("for SLA counts rows and names the ticket fields not found", () => {
    expect(sourceSummary("sla", [["Vendor", "Priority", "Opened"], ["Acme", "P1", 45000]], [], cx).lines).toEqual(["1 row under the header", "Not found: Ticket, Responded, Resolved, Updated, Status, Paused hours"]);
  });
});

describe("splitMapping", () => {
  it("gives the column form a stored report's mapping rows and the table editor the rest", () => {
    const r = splitMapping("scorecard", [["kpi", "weight"], ["on_time", 1], ["promised", "Ship By"], ["compliance", 10], ["grace_days", 2]]);
    expect([...r.choices]).toEqual([["promised", "Ship By"]]);
    expect(r.config).toEqual([["kpi", "weight"], ["on_time", 1], ["compliance", 10], ["grace_days", 2]]);
  });

  it("keeps a policy's header row, though priority is a ticket field", () => {
    const r = splitMapping("sla", [["priority", "resolution target (h)"], ["P1", 4], ["updated", "sys_updated_at"]]);
    expect([...r.choices]).toEqual([["updated", "sys_updated_at"]]);
    expect(r.config).toEqual([["priority", "resolution target (h)"], ["P1", 4]]);
  });
});
