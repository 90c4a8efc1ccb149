import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";
import type { CellValue, Range } from "../../../core";
import { catalog } from "../../helpers/sheet";

/**
 * The shipped purchase-order lines as exports really come: each variant must give the clean
 * range's VENDORSCORECARD value for value.
 */
const AS_OF = "2025-04-10";
const CSV = readFileSync(join(__dirname, "..", "..", "..", "samples", "po-lines.csv"), "utf8");

/** A CSV as a sheet holds it once pasted: numbers typed, dates and everything else as text. */
function sheetOf(text: string): Range {
  const rows = Papa.parse<CellValue[]>(text, { dynamicTyping: true, skipEmptyLines: true }).data;
  return rows.map((row) => row.map((v) => (v === null ? "" : v)));
}

const CLEAN = sheetOf(CSV);
const HEADER = CLEAN[0] as string[];
const WIDTH = HEADER.length;
const scorecard = (range: Range, settings: Range | null = null) => catalog.VENDORSCORECARD.fn(range, settings, AS_OF);
const EXPECTED = scorecard(CLEAN);
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2638.5 -> "2.638,5": a European export's number text; whole numbers stay as they are. */
function european(x: number): string | number {
  if (Number.isInteger(x)) return x;
  const [int, frac] = String(x).split(".");
  return `${int!.replace(/\B(?=(\d{3})+$)/g, ".")},${frac}`;
}

/** The clean lines as a European export writes them, semicolon-separated, read back as a sheet reads a CSV. */
function europeanCsv(): Range {
  const text = CLEAN.map((row, i) =>
    row
      .map((v) => {
        if (i === 0) return String(v);
        if (typeof v === "number") return String(european(v));
        const m = typeof v === "string" ? ISO.exec(v) : null;
        return m ? `${m[3]}/${m[2]}/${m[1]}` : String(v);
      })
      .join(";"),
  ).join("\n");
  return sheetOf(text);
}

const vendorColumn = HEADER.indexOf("Vendor");
const withVendors = (range: Range, rename: (name: string, row: number) => string): Range =>
  range.map((row, i) => (i === 0 ? row : row.map((v, c) => (c === vendorColumn ? rename(String(v), i) : v))));
const pad = (...cells: CellValue[]) => [...cells, ...Array<CellValue>(WIDTH - cells.length).fill("")];
const sum = (header: string) => CLEAN.slice(1).reduce((s, row) => s + (Number(row[HEADER.indexOf(header)]) || 0), 0);

describe("the sample lines as real exports come give the clean scorecard, value for value", () => {
  const EU = europeanCsv();

  it("starts from a clean scorecard of the five sample vendors", () => {
    expect((EXPECTED as CellValue[][]).map((row) => row[0])).toEqual(["Vendor", expect.any(String), expect.any(String), expect.any(String), expect.any(String), expect.any(String)]);
  });

  it("holds European text: decimal commas and day-first dates", () => {
    expect(EU[1]).toContain("26/01/2025");
    expect(EU[1]).toContain("52,77");
    expect(EU.slice(1).some((row) => row.some((v) => typeof v === "string" && /^\d{1,3}(\.\d{3})+,\d+$/.test(v)))).toBe(true);
  });

  it.each<[string, Range | null]>([
    ["with decimal, comma and date_order, DMY", [["decimal", "comma"], ["date_order", "DMY"]]],
    ["with decimal, comma only (the dates show DMY)", [["decimal", "comma"]]],
    ["with date_order, DMY only (the numbers show their decimal commas)", [["date_order", "DMY"]]],
    ["with no setting row", null],
  ])("a European export (semicolons, decimal commas, DMY dates) %s", (_what, settings) => {
    expect(scorecard(EU, settings)).toEqual(EXPECTED);
  });

  it("two title rows above the header", () => {
    expect(scorecard([pad("Procurement KPI export"), pad("Generated 2025-04-01 by ERP"), ...CLEAN])).toEqual(EXPECTED);
  });

  it.each([["Total"], ["Grand total:"]])("a %s row at the end", (label) => {
    const total = HEADER.map((h) => (h === "Vendor" ? label : ["Ordered Qty", "Received Qty", "Amount"].includes(h) ? sum(h) : ""));
    expect(scorecard([...CLEAN, total])).toEqual(EXPECTED);
  });

  it("accented vendor names typed precomposed (NFC) on some lines and decomposed (NFD) on others", () => {
    const accented = (name: string) => name.replace("Acme", "Acmé").replace("Delta", "Deltà");
    const nfc = withVendors(CLEAN, (n) => accented(n).normalize("NFC"));
    const mixed = withVendors(CLEAN, (n, i) => accented(n).normalize(i % 2 ? "NFD" : "NFC"));
    const expected = (EXPECTED as CellValue[][]).map((row, i) => (i === 0 ? row : [accented(String(row[0])), ...row.slice(1)]));
    expect(scorecard(nfc)).toEqual(expected);
    expect(scorecard(mixed)).toEqual(expected);
  });

  it("vendor names with zero-width characters and no-break spaces", () => {
    const noisy = withVendors(CLEAN, (n, i) => (i % 3 === 0 ? `\u200b${n.replace(" ", "\u00a0")}` : i % 3 === 1 ? `${n}\ufeff` : n));
    expect(scorecard(noisy)).toEqual(EXPECTED);
  });

  it("unused extra columns of bad text (Notes and a ServiceNow-style Impact)", () => {
    const extra = CLEAN.map((row, i) => [...row, i === 0 ? "Notes" : "2 - Medium, call back", i === 0 ? "Impact" : `${1 + (i % 3)} - Medium`]);
    expect(scorecard(extra)).toEqual(EXPECTED);
  });

  it("all of it at once", () => {
    const eu = europeanCsv();
    const all = [pad("Procurement KPI export"), pad(""), ...eu.map((row, i) => [...row, i === 0 ? "Impact" : "2 - Medium"]), [...pad("", "Total"), ""]];
    expect(scorecard(all)).toEqual(EXPECTED);
  });
});
