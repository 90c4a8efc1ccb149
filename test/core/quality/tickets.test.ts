import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { CellValue, Range } from "../../../core";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const { SLADATAQUALITY } = catalog;
const COUNTS = ["Field", "Header", "Matched by", "Values", "Blank", "Placeholders", "Unparseable"];
const row = (grid: unknown, field: string) => table(grid).row(field);

describe("SLADATAQUALITY: which column each ticket field matched, and what its cells hold", () => {
  const TICKETS: Range = [
    ["Incident", "Supplier", "Severity", "Created At", "Resolved", "Last Updated", "Team"],
    ["T1", "Acme", "P1", "2025-03-31 09:00", "2025-03-31 10:00", "2025-03-31 10:00", "Ops"],
    ["T1", "Acme", "P1", "2025-03-31 09:00", "?", "2025-03-31 11:00", "Ops"],
    ["T2", "Bolt", "P2", "?", "31/31/2025", "", "Ops"],
    ["T3", "", "P3", "2025-04-01 09:00", "", "", "Ops"],
    ["", "", "", "", "", "", ""],
  ];
  const grid = SLADATAQUALITY.fn(TICKETS);

  it("spills the documented columns", () => {
    expect(table(grid).header).toEqual([...COUNTS, "Note"]);
  });

  it.each<[string, CellValue[]]>([
    ["vendor", ["vendor", "Supplier", "alias", 3, 1, 0, 0]],
    ["ticket", ["ticket", "Incident", "alias", 4, 0, 0, 0]],
    ["priority", ["priority", "Severity", "alias", 4, 0, 0, 0]],
    // `?` in the required opened column is a ticket that cannot be judged: unparseable, not blank.
    ["opened", ["opened", "Created At", "alias", 3, 0, 0, 1]],
    ["resolved", ["resolved", "Resolved", "alias", 1, 1, 1, 1]],
    ["updated", ["updated", "Last Updated", "alias", 2, 2, 0, 0]],
    ["responded", ["responded", "not found", "", 0, 0, 0, 0]],
  ])("counts the %s field over the rows that hold anything", (field, want) => {
    expect(row(grid, field).pick(...COUNTS)).toEqual(want);
  });

  it("says what to do about a field it did not find, and an opened time it cannot read", () => {
    expect(row(grid, "responded").get("Note")).toContain('add a policy row "responded, <header>"');
    expect(row(grid, "opened").get("Note")).toContain("1 rows cannot be judged");
  });

  it("counts rows, distinct tickets and vendors", () => {
    expect(row(grid, "rows").get("Values")).toBe(4);
    expect(row(grid, "tickets").get("Values")).toBe(3);
    expect(row(grid, "vendors").get("Values")).toBe(2);
  });

  it("shows a field matched by a policy mapping row as such", () => {
    const mapped = SLADATAQUALITY.fn(TICKETS, [["vendor", "Team"]]);
    expect(row(mapped, "vendor").pick(...COUNTS)).toEqual(["vendor", "Team", "mapping row", 4, 0, 0, 0]);
  });

  it("shows a required field it did not find as not found instead of failing, saying it is required", () => {
    const noOpened = SLADATAQUALITY.fn(TICKETS.map((r) => r.slice(0, 3)));
    expect(row(noOpened, "opened").pick("Header", "Note")).toEqual(["not found", expect.stringContaining("required")]);
  });

  it("still fails without a vendor column, naming the headers it saw", () => {
    expect(SLADATAQUALITY.fn([["Incident", "Severity"], ["T1", "P1"]])).toBeCoreError("#VALUE!", "No vendor column", "Incident");
  });
});

describe("SLADATAQUALITY flags a vendor column that cannot tell vendors apart", () => {
  const HEAD = ["Number", "Vendor", "Priority", "Opened", "Assignment Group"];

  it.each<[string, CellValue[], string]>([
    ["one value on every row", ["?", "?", "?"], 'column "Vendor" holds one value, "?", on all 3 rows'],
    ["one value in different cases and spaces", ["Acme", " ACME", "acme "], 'holds one value, "Acme"'],
    ["blanks only", ["", "", ""], 'column "Vendor" is blank on every row'],
  ])("flags %s, saying to map the column that names them", (_what, vendors, says) => {
    const range: Range = [HEAD, ...vendors.map((v, i) => [`INC${i}`, v, "P2", "2025-03-31 09:00", `Group ${i}`])];
    const note = row(SLADATAQUALITY.fn(range), "vendor").get("Note");
    expect(note).toContain(says);
    expect(note).toContain('map the column that names them with a policy row "vendor, Assignment Group"');
  });

  it.each<[string, Range]>([
    ["two vendors", [HEAD, ["INC1", "Acme", "P2", "2025-03-31", "G"], ["INC2", "Bolt", "P2", "2025-03-31", "G"]]],
    ["a single ticket", [HEAD, ["INC1", "Acme", "P2", "2025-03-31", "G"]]],
  ])("does not flag %s", (_what, range) => {
    expect(row(SLADATAQUALITY.fn(range), "vendor").get("Note")).toBe("");
  });

  describe("on the public incident event log (its literal vendor column is all `?`)", () => {
    const FILE = join(__dirname, "..", "..", "data", "uci_incident_event_log_first5998.csv");
    const RANGE = Papa.parse<string[]>(readFileSync(FILE, "utf8"), { skipEmptyLines: true }).data as Range;

    it("flags the vendor column with default settings and names assignment_group as the column to map", () => {
      const grid = SLADATAQUALITY.fn(RANGE);
      const vendor = row(grid, "vendor");
      expect(vendor.pick("Header", "Matched by", "Values")).toEqual(["vendor", "alias", 5998]);
      expect(vendor.get("Note")).toContain('holds one value, "?", on all 5998 rows');
      expect(vendor.get("Note")).toContain('policy row "vendor, assignment_group"');
      expect(row(grid, "tickets").get("Values")).toBe(890);
      expect(row(grid, "vendors").get("Values")).toBe(1);
    });

    it("is quiet once a policy row maps vendor to assignment_group", () => {
      const grid = SLADATAQUALITY.fn(RANGE, [["vendor", "assignment_group"], ["updated", "sys_updated_at"], ["date_order", "DMY"]]);
      expect(row(grid, "vendor").pick("Header", "Matched by", "Note")).toEqual(["assignment_group", "mapping row", ""]);
      expect(row(grid, "updated").pick("Header", "Matched by")).toEqual(["sys_updated_at", "mapping row"]);
      expect(row(grid, "vendors").get("Values")).toBeGreaterThan(1);
    });
  });
});
