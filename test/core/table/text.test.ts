import fc from "fast-check";
import { createCatalog, TextTable, textTableOf, type CellValue, type Range } from "../../../core";
import { serialOf } from "../../../core/cell/date";
import { canonicalNumber, daySerial } from "../../../core/table/text";

// The typed store of an all-text range (a CSV file's) must be a lossless copy of its texts, and
// every report over it must equal the same report over the plain array of strings.

const tableOf = (rows: readonly string[][]) => {
  const t = new TextTable();
  for (const r of rows) t.addRow(r);
  return t;
};

describe("canonicalNumber", () => {
  it.each([
    ["0", 0],
    ["731.17", 731.17],
    ["-12.5", -12.5],
    ["171093.78", 171093.78],
    ["0.000001", 0.000001],
    ["123456789012345", 123456789012345],
    ["-0.5", -0.5],
  ])("reads %s as %s, the number JavaScript writes back as the same text", (text, value) => {
    expect(canonicalNumber(text, 0, text.length)).toBe(value);
    expect(String(value)).toBe(text);
  });

  it.each(["", "-", "-0", "00", "007", "1.50", "1.", ".5", "1e3", "0.0000001", "1234567890123456", "1,5", " 1", "1 ", "+1", "98%", "1.2.3"])(
    "leaves %j as text: it is not written as JavaScript writes a number",
    (text) => {
      expect(canonicalNumber(text, 0, text.length)).toBeNaN();
    },
  );

  it("is exact: any text it reads is String(value) and Number(text)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,17}(\.\d{1,8})?$/), (text) => {
        const v = canonicalNumber(text, 0, text.length);
        if (v === v) {
          expect(String(v)).toBe(text);
          expect(v).toBe(Number(text));
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads the text of every double of at most 15 digits", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e14, max: 1e14 }), (x) => {
        const text = String(Number(x.toPrecision(12)));
        if (/e/.test(text)) return;
        expect(canonicalNumber(text, 0, text.length)).toBe(Number(text));
      }),
      { numRuns: 20_000 },
    );
  });
});

it("daySerial equals serialOf for every day from 1900 to 9999", () => {
  for (let y = 1900; y <= 9999; y += y < 2100 ? 1 : 37) {
    for (let m = 1; m <= 12; m++) {
      for (const d of [1, 15, 28, 29, 30, 31]) {
        const s = serialOf(y, m, d);
        if (new Date(Date.UTC(y, m - 1, d)).getUTCMonth() !== m - 1) continue;
        expect(daySerial(y, m, d)).toBe(s);
      }
    }
  }
});

/** Cell texts as exports hold them: plain and non-plain numbers, dates good and bad, text, blanks. */
const cellText = fc.oneof(
  fc.constantFrom("", "0", "-0", "007", "1.50", "12", "731.17", "1e3", "98%", "$1,234.50", "235,0", "1.234,56", "1,234", "n/a", "Total", " Acme ", "=1+1"),
  fc.constantFrom("2025-03-31", "2024-02-29", "2023-02-29", "2025-13-01", "0050-03-01", "1899-12-31", "2025-3-31", "31/12/2025", "2025-03-31 14:30", "45640"),
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => String(Number(x.toFixed(2)))),
  fc.string({ maxLength: 6 }),
);

describe("TextTable", () => {
  it("gives back exactly the texts it was given, ragged rows included", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { maxLength: 6 }), { maxLength: 30 }), (rows) => {
        const view = tableOf(rows).range();
        expect(view.length).toBe(rows.length);
        expect(Array.from(view, (r) => [...r])).toEqual(rows);
        expect(textTableOf(view)).toBeDefined();
        expect(Array.isArray(view)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the same text of a column once", () => {
    const t = tableOf([["Vendor"], ["Acme Corp"], ["Acme Corp"]]);
    expect(t.row(1)[0]).toBe("Acme Corp");
    expect(t.column(0)!.tags[1]).toBe(3);
  });

  const header = ["Vendor", "Status", "PO Date", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price", "Amount"];
  const line = fc.tuple(
    fc.constantFrom("Acme", "Beta", "Total", "", "Café"),
    fc.constantFrom("", "open", "cancelled"),
    cellText,
    cellText,
    cellText,
    cellText,
    cellText,
    cellText,
    cellText,
    cellText,
    cellText,
  );

  it("gives every report the result the plain array of texts gives, errors included", () => {
    // A fresh catalog each run: a shared parse cache would hand the second run the first one's table.
    const run = (name: "VENDORSCORECARD" | "VENDORDATAQUALITY" | "VENDORSEGMENTS", data: Range, settings: CellValue[][]) => {
      const catalog = createCatalog({ today: () => 45_640 });
      try {
        if (name === "VENDORSCORECARD") return { value: catalog.VENDORSCORECARD.call({ data, weights: settings, as_of: 45_640 }) };
        if (name === "VENDORDATAQUALITY") return { value: catalog.VENDORDATAQUALITY.call({ data, settings }) };
        return { value: catalog.VENDORSEGMENTS.call({ data, weights: settings }) };
      } catch (e) {
        return { thrown: String(e) };
      }
    };
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), fc.constantFrom<CellValue[][]>([], [["decimal", "comma"]], [["date_order", "DMY"]]), (lines, settings) => {
        const rows = [header, ...lines.map((l) => [...l])];
        for (const name of ["VENDORSCORECARD", "VENDORDATAQUALITY", "VENDORSEGMENTS"] as const) {
          expect(run(name, tableOf(rows).range(), settings)).toEqual(run(name, rows, settings));
        }
      }),
      { numRuns: 300 },
    );
  });
});
