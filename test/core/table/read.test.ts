import { serialOf, type Range } from "../../../core";
import { parseColumns, readColumnsAt } from "../../../core/table/read";
import { TICKET_SCHEMA } from "../../../core/table/schema";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const AS_OF = "2025-04-10";

describe("bad input gives a typed error that says what to fix", () => {
  it("lists the headers it saw when there is no vendor column", () => {
    const r = catalog.VENDORSCORE.fn([["Name", "Due Date"], ["Acme", "2025-01-01"]], "Acme");
    expect(r).toBeCoreError("#VALUE!", "vendor", '"Name"', '"Due Date"');
  });

  it.each([
    ["an empty range", []],
    ["a single blank cell", ""],
    ["a header of blanks", [["", null]]],
  ])("answers %s with #N/A", (_what, data) => {
    expect(catalog.VENDORSCORECARD.fn(data)).toBeCoreError("#N/A", "empty");
  });

  it("reads a one-cell range passed as a scalar (Sheets) as a header without a vendor column", () => {
    expect(catalog.VENDORSCORECARD.fn("Acme")).toBeCoreError("#VALUE!", "vendor");
  });

  it("keeps headers such as __proto__ and constructor away from object prototypes", () => {
    const range = [
      ["__proto__", "constructor", "Vendor", "toString", "hasOwnProperty", "Promised Date", "Delivered Date"],
      [1, 2, "Acme", 3, 4, "2025-03-01", "2025-03-01"],
      [{} as never, "x", "__proto__", "y", "z", "2025-03-01", "2025-03-05"],
    ];
    const grid = catalog.VENDORSCORECARD.fn(range, null, AS_OF) as unknown[][];
    expect(table(grid).column("Vendor")).toEqual(["Acme", "__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(catalog.VENDORKPI.fn(range, "__proto__", "on_time", AS_OF)).toBe(0);
    expect(catalog.VENDORKPI.fn(range, "constructor", "on_time", AS_OF)).toBeCoreError("#N/A", "constructor");
  });
});

describe("edge cases an analyst meets", () => {
  it("takes a blank first row above the header for a title row", () => {
    expect(catalog.VENDORSCORECARD.fn([["", ""], ["Vendor", "Amount"], ["A", 1]])).toEqual([expect.any(Array), ["A", 1, 1, "", "", "", "", "", "", "", "", ""]]);
  });

  it("says to start the selection at the header when the first row is blank and no row holds a vendor header", () => {
    expect(catalog.VENDORSCORECARD.fn([["", ""], ["Name", "Amount"], ["A", 1]])).toBeCoreError("#VALUE!", "first row", "header");
  });
});

describe("a column's day/month order", () => {
  const range = (dates: string[]): Range => [["Vendor", "Promised", "Delivered"], ...dates.map((d) => ["Acme", d, "01/03/2025"])];

  it("is DMY when a first part is over 12", () => {
    // 01/03/2025 is 1 March under DMY: delivered before every promise, all on time.
    const dq = catalog.VENDORDATAQUALITY.fn(range(["13/03/2025", "02/03/2025"])) as unknown[][];
    expect(table(dq).row("promised").get("Note")).toBe("numeric dates read as DMY (shown by the values)");
    expect(catalog.VENDORKPI.fn(range(["13/03/2025", "02/03/2025"]), "Acme", "on_time", AS_OF)).toBe(1);
  });

  it("is decided per column: an ambiguous column uses the date_order setting", () => {
    // Promised 02/03/2025: MDY = Feb 3 (delivered Jan 3: on time); DMY = Mar 2. Delivered 01/03/2025: MDY Jan 3; DMY Mar 1.
    const r = range(["02/03/2025"]);
    const dq = catalog.VENDORDATAQUALITY.fn(r) as unknown[][];
    expect(table(dq).row("delivered").get("Note")).toMatch(/ambiguous: read as MDY/);
    const dmy = catalog.VENDORDATAQUALITY.fn(r, [["date_order", "DMY"]]) as unknown[][];
    expect(table(dmy).row("delivered").get("Note")).toMatch(/ambiguous: read as DMY/);
    const lead = [["Vendor", "PO Date", "Delivered"], ["Acme", "01/02/2025", "01/03/2025"]];
    expect(catalog.VENDORKPI.fn(lead, "Acme", "lead_time", AS_OF)).toBe(1); // Jan 2 -> Jan 3
    expect(catalog.VENDORBREAKDOWN.fn(lead, "Acme", [["date_order", "DMY"], ["lead_time", 1]], AS_OF)).toEqual(
      expect.arrayContaining([expect.arrayContaining(["Lead time (days)", 28])]), // Feb 1 -> Mar 1
    );
  });

  it("is MDY when a second part is over 12, whatever the setting", () => {
    const dq = catalog.VENDORDATAQUALITY.fn(range(["03/13/2025"]), [["date_order", "DMY"]]) as unknown[][];
    expect(table(dq).row("promised").get("Note")).toBe("numeric dates read as MDY (shown by the values)");
  });
});

describe("reading chosen rows of a column", () => {
  const range: Range = [
    ["Ticket", "Vendor", "Priority", "Opened"],
    ["T1", "Acme", "P1", "not a date"],
    ["T1", "Acme", "P2", "2025-03-04 10:00"],
    ["T2", "Birch", "P3", "2025-03-05 11:00"],
  ];
  const deferred = new Set(["vendor", "priority", "opened"] as const);

  it("reads value i from data row rows[i] and leaves a bad cell in an unread row alone", () => {
    const t = parseColumns(range, TICKET_SCHEMA, {}, { deferred });
    expect([...t.columns.keys()]).toEqual(["ticket"]);
    const read = readColumnsAt(range, t, TICKET_SCHEMA, {}, deferred, Int32Array.of(2, 1));
    expect(read.get("vendor")).toEqual(["Birch", "Acme"]);
    expect(read.get("priority")).toEqual(["P3", "P2"]);
    expect([...(read.get("opened") as Float64Array)]).toEqual([serialOf(2025, 3, 5, 11), serialOf(2025, 3, 4, 10)]);
  });

  it("names the range row of a bad cell it reads", () => {
    const t = parseColumns(range, TICKET_SCHEMA, {}, { deferred });
    expect(() => readColumnsAt(range, t, TICKET_SCHEMA, {}, deferred, Int32Array.of(0))).toThrow(/Column "Opened", row 2 of the range: "not a date" is not a date/);
  });
});

describe("one pass over the rows, the messages of one column at a time", () => {
  it("names the first bad cell of the first column that has one, whatever the rows of the others", () => {
    // Delivered Date (read after Promised Date) is bad on row 3; Promised Date only on row 5.
    const range: Range = [
      ["Vendor", "Received Qty", "Delivered Date", "Promised Date"],
      ["Acme", 5, "2025-03-01", "2025-03-01"],
      ["Acme", "5 pcs", "2025-02-30", "2025-03-01"],
      ["Acme", 5, "2025-03-02", "2025-03-01"],
      ["Acme", 5, "2025-03-02", "2025-13-01"],
    ];
    expect(catalog.VENDORSCORECARD.fn(range, null, AS_OF)).toBeCoreError("#VALUE!", 'Column "Promised Date", row 5 of the range: "2025-13-01"');
    const noPromised = range.map((row) => row.slice(0, 3));
    expect(catalog.VENDORSCORECARD.fn(noPromised, null, AS_OF)).toBeCoreError("#VALUE!", 'Column "Delivered Date", row 3 of the range: "2025-02-30"');
    const onlyQty = range.map((row) => row.slice(0, 2));
    expect(catalog.VENDORSCORECARD.fn(onlyQty, null, AS_OF)).toBeCoreError("#VALUE!", 'Column "Received Qty", row 3 of the range: "5 pcs"');
  });
});
