import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";

// The command line on files as they come: encodings, broken CSV, closed pipes, failed writes,
// number noise, formatted XLSX, sparse and multi-sheet workbooks, date order. Each runs the real CLI.
const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "cli", "vendorscore.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vendorscore-files-"));
fs.chmodSync(tmp, 0o755);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], options: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: "utf8", timeout: 60_000, ...options });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const at = (name: string) => path.join(tmp, name);
const write = (name: string, data: string | Buffer) => {
  fs.writeFileSync(at(name), data);
  return at(name);
};
const rows = (csv: string) => Papa.parse<string[]>(csv.trim()).data;
/** A failure is one line on standard error and no stack trace. */
const oneLine = (stderr: string) => {
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

const HEADER = "Vendor,PO Date,Promised Date,Delivered Date,Ordered Qty,Received Qty,Unit Price,Contract Price";
const LINES = [
  "Müller GmbH,2025-01-02,2025-01-10,2025-01-09,100,100,9.5,9.5",
  "Müller GmbH,2025-01-05,2025-01-12,2025-01-15,50,45,10.2,9.5",
  "Café Noir,2025-01-03,2025-01-08,2025-01-08,20,20,4,4",
  "Åkesson & Fils,2025-01-04,2025-01-20,2025-01-21,10,10,101.1,100",
  '"Señor Ñandú, S.A.",2025-01-06,2025-01-09,2025-01-09,7,7,3.3,3.3',
];
const CLEAN = [HEADER, ...LINES].join("\r\n") + "\r\n";
const AS_OF = ["--as-of", "2025-03-31"];

describe("encodings", () => {
  const clean = run(["scorecard", write("clean.csv", CLEAN), ...AS_OF]);

  it("reads the UTF-8 file with accented vendor names", () => {
    expect(clean.code).toBe(0);
    expect(clean.stderr).toBe("");
    expect(rows(clean.stdout).map((r) => r[0]).sort()).toEqual(["Vendor", "Café Noir", "Müller GmbH", "Señor Ñandú, S.A.", "Åkesson & Fils"].sort());
  });

  it.each<[string, Buffer, RegExp | null]>([
    ["UTF-8 with a byte-order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLEAN, "utf8")]), null],
    ["UTF-16 LE with a byte-order mark", Buffer.from("\ufeff" + CLEAN, "utf16le"), null],
    ["UTF-16 BE with a byte-order mark", iconv.encode("\ufeff" + CLEAN, "utf-16be", { addBOM: false }), null],
    ["Windows-1252 (not valid UTF-8), with a note", iconv.encode(CLEAN, "windows-1252"), /note: .*is not valid UTF-8: read as WINDOWS-1252/],
  ])("gives the UTF-8 file's scorecard value for value from %s", (_what, bytes, note) => {
    const r = run(["scorecard", write("encoded.csv", bytes), ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(clean.stdout);
    if (note) {
      expect(r.stderr).toMatch(note);
      oneLine(r.stderr);
    } else expect(r.stderr).toBe("");
  });

  it("reads the encoding --encoding names, with no note", () => {
    const r = run(["scorecard", write("latin.csv", iconv.encode(CLEAN, "latin1")), "--encoding", "latin1", ...AS_OF]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(clean.stdout);
  });

  it("refuses an unknown --encoding with exit 2", () => {
    const r = run(["scorecard", at("clean.csv"), "--encoding", "klingon"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--encoding klingon: unknown encoding/);
  });
});

describe("malformed CSV", () => {
  it.each<[string, string, RegExp]>([
    ["a quote never closed", [HEADER, LINES[0], '"Open Quote Ltd,2025-01-02,2025-01-10,2025-01-09,1,1,1,1', LINES[2]].join("\n"), /unclosed\.csv, line 3: a quoted field is never closed/],
    ["an unquoted delimiter in a value", [HEADER, LINES[0], LINES[1], "Acme, Inc,2025-01-02,2025-01-10,2025-01-09,1,1,1,1"].join("\n"), /unclosed\.csv, line 4: 9 fields where the header has 8/],
    ["a line break inside a quoted field before the broken line", [HEADER, '"Two\nLines Ltd",2025-01-02,2025-01-10,2025-01-09,1,1,1,1', '"Bad,1'].join("\n"), /unclosed\.csv, line 4: a quoted field is never closed/],
  ])("fails with exit 2 naming the line for %s", (_what, text, message) => {
    const r = run(["scorecard", write("unclosed.csv", text), ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    oneLine(r.stderr);
  });

  it("fails with exit 2 for a header with no data lines", () => {
    const r = run(["scorecard", write("header-only.csv", HEADER + "\n\n"), ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has a header row but no data lines/);
    oneLine(r.stderr);
  });

  it("still reads short rows and blank lines", () => {
    const r = run(["scorecard", write("short.csv", [HEADER, "", LINES[0], "Café Noir,2025-01-03"].join("\n")), ...AS_OF]);
    expect(r.code).toBe(0);
  });
});

describe("output", () => {
  it("ends quietly with exit 0 when the reader closes the pipe early (| head -1)", async () => {
    const many = [HEADER, ...Array.from({ length: 20_000 }, (_, i) => `Vendor ${i},2025-01-02,2025-01-10,2025-01-09,100,100,9.5,9.5`)].join("\n");
    const file = write("many.csv", many);
    const child = spawn(process.execPath, [BIN, "scorecard", file, ...AS_OF], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("fails with exit 3 and leaves the old output as it was when the folder cannot be written", () => {
    const dir = at("locked");
    fs.mkdirSync(dir);
    const out = path.join(dir, "scorecard.csv");
    fs.writeFileSync(out, "the previous good report\n");
    fs.chmodSync(dir, 0o555);
    // root writes anywhere: run the CLI as nobody then.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = run(["scorecard", write("clean2.csv", CLEAN), ...AS_OF, "--out", out], asNobody);
    fs.chmodSync(dir, 0o755);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot write .*scorecard\.csv: permission denied; nothing was changed/);
    oneLine(r.stderr);
    expect(fs.readFileSync(out, "utf8")).toBe("the previous good report\n");
    expect(fs.readdirSync(dir)).toEqual(["scorecard.csv"]);
  });

  it("fails with exit 3 for a missing output folder", () => {
    const r = run(["scorecard", write("clean3.csv", CLEAN), ...AS_OF, "--out", at("no/such/folder/out.csv")]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no such folder/);
    oneLine(r.stderr);
  });

  it("replaces an existing output only once the new one is complete", () => {
    const out = at("replace.json");
    fs.writeFileSync(out, "old");
    expect(run(["scorecard", write("clean4.csv", CLEAN), ...AS_OF, "--out", out]).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, "utf8"))).toHaveLength(4);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes numbers with at most 15 significant digits in CSV and JSON", () => {
    // 0.1 + 0.2 spend sums to 0.30000000000000004 in floating point.
    const text = ["Vendor,Ordered Qty,Received Qty,Amount", "Noise,1,1,0.1", "Noise,1,1,0.2", "Big,1,1,7672039.36", "Big,1,1,0.01"].join("\n");
    const file = write("noise.csv", text);
    const csv = run(["scorecard", file, ...AS_OF]);
    const json = run(["scorecard", file, ...AS_OF, "--format", "json"]);
    for (const out of [csv.stdout, json.stdout]) {
      const digits = (out.match(/\d+\.\d+(e-?\d+)?/g) ?? []).map((n) => n.split("e")[0]!.replace(".", "").replace(/^0+/, "").length);
      expect(Math.max(...digits)).toBeLessThanOrEqual(15);
    }
    const spend = rows(csv.stdout)[0]!.indexOf("Spend");
    expect(rows(csv.stdout).find((r) => r[0] === "Noise")![spend]).toBe("0.3");
    expect(rows(csv.stdout).find((r) => r[0] === "Big")![spend]).toBe("7672039.37");
    expect((JSON.parse(json.stdout) as Record<string, unknown>[]).find((r) => r.Vendor === "Noise")!.Spend).toBe(0.3);
  });
});

describe("XLSX output", () => {
  const conditional = (ws: ExcelJS.Worksheet) =>
    ((ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] }[] }).conditionalFormattings ?? []);

  it("draws a trend's heat map over every period column, and fills contracts rows by status in notice-date order", async () => {
    const trends = at("trends.xlsx");
    expect(run(["trends", path.join(ROOT, "samples", "po-lines.csv"), ...AS_OF, "--out", trends]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(trends);
    const ws = wb.worksheets[0]!;
    const periods = (ws.getRow(1).values as unknown[]).slice(2).length;
    expect(periods).toBe(12);
    const scale = conditional(ws).find((cf) => cf.rules.some((r) => r.type === "colorScale"))!;
    expect(scale.ref).toBe(`B2:M${ws.rowCount}`);

    const contracts = at("contracts.xlsx");
    expect(run(["contracts", path.join(ROOT, "samples", "contracts.csv"), "--as-of", "2025-02-20", "--out", contracts]).code).toBe(0);
    const cb = new ExcelJS.Workbook();
    await cb.xlsx.readFile(contracts);
    const cs = cb.worksheets[0]!;
    const noticeBy: number[] = [];
    cs.eachRow((row, n) => n > 1 && noticeBy.push((row.getCell(5).value as Date).getTime()));
    expect(noticeBy).toEqual([...noticeBy].sort((a, b) => a - b));
    const fills = conditional(cs).flatMap((cf) => cf.rules.filter((r) => r.type === "expression").map((r) => [r.formulae?.[0], r.style?.fill?.bgColor?.argb]));
    expect(fills).toEqual(expect.arrayContaining([['$G2="notice due"', expect.stringMatching(/^FF/)], ['$G2="expired"', expect.stringMatching(/^FF/)]]));
  });

  it("is formatted like the add-in's report sheet: formats, widths, frozen filled header, colour scale, red rows, real empty cells, text as typed", async () => {
    const text = [HEADER, ...LINES, "=cmd|' /C calc'!A0,2025-01-02,2025-01-10,,5,,1,1", "Late Ltd,2025-01-02,2025-01-03,2025-02-28,10,2,5,4"].join("\n");
    const out = at("formatted.xlsx");
    const r = run(["scorecard", write("for-xlsx.csv", text), ...AS_OF, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const col = (h: string) => header.indexOf(h) + 1;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect((ws.getCell(1, 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF1F4E78");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell(2, col("Spend")).numFmt).toBe("#,##0.00");
    expect(ws.getCell(2, col("On time")).numFmt).toBe("0.0%");
    expect(ws.getColumn(col("Vendor")).width).toBeGreaterThanOrEqual("Señor Ñandú, S.A.".length);
    // exceljs reads conditional formats back but does not type them on Worksheet.
    const formats = (ws as unknown as { conditionalFormattings?: { rules: { type: string }[] }[] }).conditionalFormattings ?? [];
    const rules = formats.flatMap((cf) => cf.rules.map((rule) => rule.type));
    expect(rules).toEqual(expect.arrayContaining(["colorScale", "expression"]));
    const values: unknown[] = [];
    ws.eachRow((row, n) => n > 1 && row.eachCell({ includeEmpty: true }, (c) => values.push(c.value)));
    // Empty cells are real empty cells, never "" text; text is written as it is, with no leading '.
    expect(values).not.toContain("");
    const evil: unknown[] = [];
    ws.eachRow((row) => evil.push(row.getCell(1).value));
    expect(evil).toContain("=cmd|' /C calc'!A0");
    expect(evil.filter((v) => typeof v === "string" && v.startsWith("'"))).toEqual([]);
    const evilRow = evil.indexOf("=cmd|' /C calc'!A0") + 1;
    expect(ws.getCell(evilRow, col("In full")).type).toBe(ExcelJS.ValueType.Null);
  });
});

describe("XLSX input", () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const lines = (ws: ExcelJS.Worksheet) => {
    ws.addRow(["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty"]);
    ws.addRow(["Acme", d("2025-03-10"), d("2025-03-10"), 100, 100]);
    ws.addRow(["Beta", d("2025-03-15"), d("2025-03-18"), 200, 150]);
  };

  it("reads a sheet with one cell at XFD1048576 in a 48 MB heap, allocating only the cells present", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Lines");
    lines(ws);
    ws.getCell("XFD1048576").value = "far away";
    const file = at("sparse.xlsx");
    await wb.xlsx.writeFile(file);
    // Rows x dimension columns would be 17 billion cells, and even one array per empty row a million arrays: either runs out of this heap.
    const r = run(["scorecard", file, ...AS_OF], { env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=48" } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(rows(r.stdout).map((x) => x[0])).toEqual(["Vendor", "Acme", "Beta"]);
  });

  describe("a workbook with a cover sheet first", () => {
    const file = at("cover.xlsx");
    beforeAll(async () => {
      const wb = new ExcelJS.Workbook();
      const cover = wb.addWorksheet("Cover");
      cover.addRow(["Procurement KPI export", "Q1 2025"]);
      cover.addRow(["Prepared by", "Purchasing"]);
      lines(wb.addWorksheet("PO Lines"));
      await wb.xlsx.writeFile(file);
    });

    it("reads the sheet --sheet names, in any case", () => {
      const r = run(["scorecard", file, "--sheet", "po LINES", ...AS_OF]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(rows(r.stdout).map((x) => x[0])).toEqual(["Vendor", "Acme", "Beta"]);
    });

    it("lists the workbook's sheets when the sheet read has no vendor column", () => {
      const r = run(["scorecard", file, ...AS_OF]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/No vendor column.*sheet "Cover" was read; the workbook's sheets are "Cover", "PO Lines": pick one with --sheet/);
      oneLine(r.stderr);
    });

    it("lists the sheets for a --sheet it does not have", () => {
      const r = run(["scorecard", file, "--sheet", "Data", ...AS_OF]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/has no sheet "Data"; its sheets are "Cover", "PO Lines"/);
    });
  });
});

describe("settings flags", () => {
  // Day-first dates whose days are all 12 or less: read month-first unless told.
  const dmy = ["Vendor,PO Date,Promised Date,Delivered Date,Ordered Qty,Received Qty", "Acme,01/03/2025,02/03/2025,04/03/2025,10,10", "Acme,01/02/2025,05/03/2025,03/03/2025,10,10", "Beta,09/03/2025,10/03/2025,11/03/2025,5,5"].join("\n");
  const iso = ["Vendor,PO Date,Promised Date,Delivered Date,Ordered Qty,Received Qty", "Acme,2025-03-01,2025-03-02,2025-03-04,10,10", "Acme,2025-02-01,2025-03-05,2025-03-03,10,10", "Beta,2025-03-09,2025-03-10,2025-03-11,5,5"].join("\n");

  it("reads day-first dates with --date-order DMY as the ISO file reads", () => {
    const want = run(["scorecard", write("iso.csv", iso), "--as-of", "2025-12-31"]);
    const got = run(["scorecard", write("dmy.csv", dmy), "--date-order", "DMY", "--as-of", "31/12/2025"]);
    expect(got.stderr).toBe("");
    expect(got.code).toBe(0);
    expect(got.stdout).toBe(want.stdout);
    const monthFirst = run(["scorecard", at("dmy.csv"), "--as-of", "2025-12-31"]);
    expect(monthFirst.stdout).not.toBe(want.stdout); // read month-first by default: the flag changed the lead times
  });

  it("adds the date_order row to a weights file's rows", () => {
    const weights = write("weights.csv", "kpi,weight\non_time,50\nin_full,50\n");
    const want = run(["scorecard", at("iso.csv"), "--weights", weights, "--as-of", "2025-12-31"]);
    const got = run(["scorecard", at("dmy.csv"), "--weights", weights, "--date-order", "dmy", "--as-of", "2025-12-31"]);
    expect(got.code).toBe(0);
    expect(got.stdout).toBe(want.stdout);
  });

  it.each<[string, string[], RegExp]>([
    ["an ambiguous --as-of without --date-order", ["--as-of", "03/04/2025"], /--as-of 03\/04\/2025 is ambiguous/],
    ["an impossible day-first --as-of", ["--date-order", "DMY", "--as-of", "31/02/2025"], /--as-of 31\/02\/2025 is not a date in DMY order/],
    ["an unknown --date-order", ["--date-order", "DYM"], /--date-order DYM: use DMY, MDY or YMD/],
    ["a --header-row that is no row", ["--header-row", "0"], /--header-row 0: give the header's row number/],
    ["an unknown --decimal", ["--decimal", "dot"], /--decimal dot: use comma/],
  ])("refuses %s with exit 2", (_what, args, message) => {
    const r = run(["scorecard", at("iso.csv"), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    oneLine(r.stderr);
  });

  it("takes an unambiguous day-first --as-of without --date-order", () => {
    const a = run(["scorecard", at("iso.csv"), "--as-of", "31/12/2025"]);
    const b = run(["scorecard", at("iso.csv"), "--as-of", "2025-12-31"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it("reads decimal commas with --decimal comma", () => {
    const eu = write("eu.csv", ["Vendor;Ordered Qty;Received Qty;Unit Price;Contract Price", "Acme;10;10;1.234,56;1.200,00", "Beta;5;5;235,0;235,0"].join("\n"));
    const us = write("us.csv", ["Vendor,Ordered Qty,Received Qty,Unit Price,Contract Price", "Acme,10,10,1234.56,1200.00", "Beta,5,5,235.0,235.0"].join("\n"));
    const got = run(["scorecard", eu, "--decimal", "comma", ...AS_OF]);
    expect(got.code).toBe(0);
    expect(got.stdout).toBe(run(["scorecard", us, ...AS_OF]).stdout);
  });

  it("reads the header from --header-row", () => {
    const titled = write("titled.csv", ["Procurement KPI export", "Q1 2025", iso].join("\n"));
    const got = run(["scorecard", titled, "--header-row", "3", "--as-of", "2025-12-31"]);
    expect(got.code).toBe(0);
    expect(got.stdout).toBe(run(["scorecard", at("iso.csv"), "--as-of", "2025-12-31"]).stdout);
  });
});
