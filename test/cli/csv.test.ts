import fc from "fast-check";
import Papa from "papaparse";
import { parseCsv, guessDelimiter } from "../../cli/csv";

// The command line's CSV reader: RFC 4180 quoting, any line breaks, chunk boundaries anywhere,
// the delimiter found from the first lines, and errors that name the file line.

const read = async (chunks: string[], headerRow?: number) => {
  const t = await parseCsv(chunks, { name: "f.csv", headerRow });
  return Array.from(t.range(), (r) => [...r]);
};

describe("parseCsv", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks", async () => {
    const text = 'Vendor,Note,Qty\r\n"Señor Ñandú, S.A.","said ""no""",3\r\n"Acme","two\nlines",4.5\r\n';
    expect(await read([text])).toEqual([
      ["Vendor", "Note", "Qty"],
      ["Señor Ñandú, S.A.", 'said "no"', "3"],
      ["Acme", "two\nlines", "4.5"],
    ]);
  });

  it("leaves blank lines out, keeps rows of empty fields, reads LF, CRLF and CR line breaks", async () => {
    expect(await read(["Vendor,Qty\n\nAcme,1\r\n,\rBeta,2"])).toEqual([["Vendor", "Qty"], ["Acme", "1"], ["", ""], ["Beta", "2"]]);
  });

  it("gives the same rows wherever the text is cut into chunks", async () => {
    const text = 'Vendor;Price;Date\r\n"Müller; GmbH";"235,0";2025-03-31\r\nCafé;"1.234,56";31/12/2025\r\n"a ""q""";;\r\n';
    const whole = await read([text]);
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i, Math.min(text.length, i + 1), Math.min(text.length, i + 7)]) {
        expect(await read([text.slice(0, i), text.slice(i, j), text.slice(j)])).toEqual(whole);
      }
    }
  });

  it("agrees with papaparse on well-formed files", async () => {
    const field = fc.oneof(fc.constantFrom("", "Acme", "12", "731.17", "2025-03-31", "a,b", 'say "hi"', "x\ny", "0050-03-01"), fc.string({ maxLength: 5 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (rows) => {
        const all = [["Vendor", "Qty", "Date"], ...rows];
        const text = Papa.unparse(all, { quotes: false, newline: "\r\n" });
        const expected = Papa.parse<string[]>(text, { delimiter: "," }).data.filter((r) => !(r.length === 1 && r[0] === ""));
        expect(await read([text])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it.each<[string, string, RegExp]>([
    ["a quote never closed", 'Vendor,Qty\nAcme,1\n"Beta,2\nCarol,3\n', /f\.csv, line 3: a quoted field is never closed/],
    ["text after a closing quote", 'Vendor,Qty\nAcme,1\n"Beta"x,2\n', /f\.csv, line 3: a quoted field has text after its closing quote/],
    ["an unquoted delimiter in a value", 'Vendor,Qty\n"a\nb",1\nAcme,1,5\n', /f\.csv, line 4: 3 fields where the header has 2/],
  ])("stops at %s, naming the file line", async (_what, text, message) => {
    await expect(read([text])).rejects.toThrow(message);
  });

  it("takes the --header-row row as the header when checking row widths", async () => {
    await expect(read(["Export,of,2025\nVendor,Qty\nAcme,1,x\n"], 2)).rejects.toThrow(/line 3: 3 fields where the header has 2/);
    expect(await read(["Procurement KPI export\nVendor,Qty\nAcme,1\n"])).toEqual([["Procurement KPI export"], ["Vendor", "Qty"], ["Acme", "1"]]);
  });
});

describe("guessDelimiter", () => {
  it.each([
    ["Vendor,Qty,Price\nAcme,1,2.5\n", ","],
    ["Vendor;Qty;Price\nAcme;1;2,5\nBeta;2;3,75\n", ";"],
    ["Vendor\tQty\nAcme\t1\n", "\t"],
    ["Procurement KPI export\nRun on 2025-03-31\nVendor;Price;Date\nAcme;235,0;31/12/2025\nBeta;1,5;01/01/2025\n", ";"],
    ['Vendor,Note\n"Acme; Ltd","a; b; c"\n', ","],
    ["Vendor|Qty\nAcme|1\n", "|"],
  ])("finds the delimiter of %j", (text, d) => {
    expect(guessDelimiter(text)).toBe(d);
  });
});
