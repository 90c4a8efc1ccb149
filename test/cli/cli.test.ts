import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { createCatalog, formatSerial, serialOf, type Range, type ResultGrid } from "../../core";

// End to end: the CLI runs as a child process, exactly as `npx vendorscore` does.
const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "cli", "vendorscore.js");
const catalog = createCatalog({ today: () => serialOf(2025, 4, 10) });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vendorscore-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const csvRange = (text: string): Range => Papa.parse<string[]>(text.trim(), { skipEmptyLines: "greedy" }).data;
const sample = (name: string) => path.join(ROOT, "samples", name);
const file = (name: string, text: string) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
};

/** A number as CSV and JSON carry it: at most 15 significant digits. */
const fifteen = (v: unknown) => (typeof v === "number" ? Number(v.toPrecision(15)) : v);
/** A result grid as CSV text reads it back: numbers to 15 significant digits, in their shortest form. */
const asText = (grid: ResultGrid): string[][] => grid.map((row) => row.map((v) => String(fifteen(v))));

describe("vendorscore CLI", () => {
  it("reads config rows of any width: a policy row with a vendor in its fifth cell needs no header row", () => {
    const tickets = file("per-vendor.csv", "Ticket,Vendor,Priority,Opened,Resolved\nT1,Acme,P1,2025-03-03 09:00,2025-03-03 12:00\nT2,Beta,P1,2025-03-03 09:00,2025-03-03 12:00\n");
    const policy = file("per-vendor-policy.csv", "P1,4,,business\nP1,2,,business,Acme\n");
    const r = run("sla", tickets, "--policy", policy, "--as-of", "2025-03-10", "--format", "json");
    expect(r.stderr).toBe("");
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((x) => [x.Vendor, x["Target (h)"], x.Status])).toEqual([["Acme", 2, "breached"], ["Beta", 4, "met"]]);
  });

  it("fills CONTRACTSTATUS's data from --lines and the scorecard's survey from --survey, as the functions take them", () => {
    const read = (name: string) => csvRange(fs.readFileSync(sample(name), "utf8"));
    const contracts = run("contracts", sample("contracts.csv"), "--lines", sample("po-lines.csv"), "--as-of", "2025-02-20", "--format", "json");
    expect(contracts.stderr).toBe("");
    const expected = catalog.CONTRACTSTATUS.call({ contracts: read("contracts.csv"), data: read("po-lines.csv"), as_of: "2025-02-20" }) as ResultGrid;
    const spend = expected[0]!.indexOf("Spend in term");
    const rows = JSON.parse(contracts.stdout) as Record<string, unknown>[];
    expect(rows.map((r) => r["Spend in term"])).toEqual(expected.slice(1).map((r) => fifteen(r[spend])));
    expect(rows.some((r) => typeof r["Spend in term"] === "number" && r["Spend in term"] > 0)).toBe(true);

    const weights = file("survey-weights.csv", "kpi,weight\non_time,1\nResponsiveness,1\n");
    const card = run("scorecard", sample("po-lines.csv"), "--survey", sample("survey.csv"), "--weights", weights, "--as-of", "2025-03-31");
    expect(card.stderr).toBe("");
    const scored = catalog.VENDORSCORECARD.call({ data: read("po-lines.csv"), weights: csvRange(fs.readFileSync(weights, "utf8")), as_of: "2025-03-31", survey: read("survey.csv") }) as ResultGrid;
    expect(csvRange(card.stdout)).toEqual(asText(scored));
    expect(run("sla", sample("tickets.csv"), "--survey", sample("survey.csv")).stderr).toMatch(/--survey does not apply to the sla report/);
  });

  it("writes the same scorecard as VENDORSCORECARD for a CSV file, as CSV on standard output", () => {
    const { code, stdout, stderr } = run("scorecard", sample("po-lines.csv"), "--as-of", "2025-04-10");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const expected = catalog.VENDORSCORECARD.fn(csvRange(fs.readFileSync(sample("po-lines.csv"), "utf8")), undefined, "2025-04-10") as ResultGrid;
    expect(csvRange(stdout)).toEqual(asText(expected));
    expect(expected.length).toBeGreaterThan(3);
  });

  it("writes SLA status as JSON objects keyed by the header, the breach moment as date text", () => {
    const out = path.join(tmp, "sla.json");
    const { code } = run("sla", sample("tickets.csv"), "--as-of", "2025-04-01 12:00", "--out", out);
    expect(code).toBe(0);
    const rows = JSON.parse(fs.readFileSync(out, "utf8")) as Record<string, unknown>[];
    const expected = catalog.SLASTATUS.fn(csvRange(fs.readFileSync(sample("tickets.csv"), "utf8")), undefined, undefined, "2025-04-01 12:00") as ResultGrid;
    expect(rows).toHaveLength(expected.length - 1);
    const header = expected[0]!.map(String);
    expected.slice(1).forEach((row, i) => {
      header.forEach((h, c) => {
        const v = row[c]!;
        const want = v === "" ? null : h === "Breach at" && typeof v === "number" ? formatSerial(v) : fifteen(v);
        expect(rows[i]![h]).toEqual(want);
      });
    });
  });

  it("reads an XLSX file with date cells and writes an XLSX scorecard that reads back with the catalog's numbers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Lines");
    ws.addRow(["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Unit Price", "Contract Price"]);
    // exceljs writes a Date as the wall-clock time it holds in UTC.
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    ws.addRow(["Acme", d("2025-03-10"), d("2025-03-10"), 100, 100, 10, 10]);
    ws.addRow(["Acme", d("2025-03-10"), d("2025-03-12"), 50, 40, 11, 10]);
    ws.addRow(["Beta", d("2025-03-15"), d("2025-03-14"), 200, 200, 5, 5]);
    const input = path.join(tmp, "lines.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(tmp, "scorecard.xlsx");
    const { code, stderr } = run("scorecard", input, "--as-of", "2025-04-10", "--out", out);
    expect(stderr).toBe("");
    expect(code).toBe(0);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const sheet = back.worksheets[0]!;
    expect(sheet.name).toBe("Scorecard");
    const got: unknown[][] = [];
    sheet.eachRow((row) => got.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? "")));
    const expected = catalog.VENDORSCORECARD.fn(
      [
        ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Unit Price", "Contract Price"],
        ["Acme", "2025-03-10", "2025-03-10", 100, 100, 10, 10],
        ["Acme", "2025-03-10", "2025-03-12", 50, 40, 11, 10],
        ["Beta", "2025-03-15", "2025-03-14", 200, 200, 5, 5],
      ],
      undefined,
      "2025-04-10",
    ) as ResultGrid;
    expect(got.map((row) => row.slice(0, expected[0]!.length))).toEqual(expected.map((row) => row.map((v) => v)));
  });

  it("escapes text that a spreadsheet would run as a formula in CSV, writes it as plain text in XLSX, and leaves negative numbers as numbers", async () => {
    const input = file(
      "evil.csv",
      [
        "Vendor,Ordered Qty,Received Qty,Unit Price,Contract Price",
        '"=HYPERLINK(""http://x"",""y"")",10,10,9,10',
        "+cmd,10,10,10,10",
        "-2+3,10,10,10,10",
        "@SUM(A1),10,10,10,10",
      ].join("\n"),
    );
    const csv = run("scorecard", input, "--as-of", "2025-04-10");
    expect(csv.code).toBe(0);
    const rows = csvRange(csv.stdout);
    const vendors = rows.slice(1).map((r) => r[0]);
    expect(vendors.sort()).toEqual(["'+cmd", "'-2+3", "'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(A1)"]);
    const pv = rows[0]!.indexOf("Price variance");
    const hyperlinkRow = rows.find((r) => String(r[0]).startsWith("'=HYPERLINK"))!;
    expect(hyperlinkRow[pv]).toBe("-0.1");

    const out = path.join(tmp, "evil.xlsx");
    expect(run("scorecard", input, "--as-of", "2025-04-10", "--out", out).code).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const sheet = back.worksheets[0]!;
    const cells: unknown[] = [];
    sheet.eachRow((row, n) => n > 1 && cells.push(row.getCell(1).value, row.getCell(pv + 1).value));
    // An XLSX string cell is never a formula: the text is written as it is, with no visible quote.
    expect(cells.filter((v) => typeof v === "string").sort()).toEqual(["+cmd", "-2+3", '=HYPERLINK("http://x","y")', "@SUM(A1)"]);
    expect(cells).toContain(-0.1);
    expect(cells.some((v) => typeof v === "object" && v !== null)).toBe(false); // no formula cells
  });

  it.each<[string, string[], RegExp]>([
    ["a missing data file", ["scorecard", "no-such-file.csv"], /no-such-file\.csv: no such file/],
    ["a data file without a vendor column", ["scorecard", "bad-header.csv"], /#VALUE! No vendor column.*Headers seen: "Supplier ID", "Qty"/],
    ["a weights file naming an unknown KPI", ["scorecard", "po.csv", "--weights", "bad-weights.csv"], /#VALUE! Weights row 2: "speed" is not a KPI/],
    ["a missing config file", ["sla", "po.csv", "--policy", "nope.xlsx"], /--policy nope\.xlsx: no such file/],
    ["an unknown report", ["scorecards", "po.csv"], /unknown report "scorecards": use one of scorecard, breakdown, sla, segments, quality/],
    ["a breakdown without a vendor", ["breakdown", "po.csv"], /needs --vendor/],
    ["an unknown vendor", ["breakdown", "po.csv", "--vendor", "Zed"], /#N\/A No lines for vendor "Zed"/],
    ["an output file of unknown type", ["scorecard", "po.csv", "--out", "x.pdf"], /name a \.csv, \.xlsx or \.json file/],
    ["an unparseable as-of date", ["scorecard", "po.csv", "--as-of", "someday"], /as_of "someday" is not a date/],
  ])("exits with code 2 and says what is wrong for %s", (_what, args, message) => {
    file("bad-header.csv", "Supplier ID,Qty\nA1,3\n");
    file("po.csv", "Vendor,Ordered Qty,Received Qty\nAcme,10,10\n");
    file("bad-weights.csv", "kpi,weight\nspeed,10\n");
    const { code, stdout, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });

  it("prints usage with --help and exits 0", () => {
    const { code, stdout } = run("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: vendorscore <report> <data file>/);
    expect(stdout).toMatch(/--as-of DATE/);
  });
});

describe("vendorscore review: the whole review sheet the panes write", () => {
  const weights = () => file("review-weights.csv", "period,month\nhistory,3\n");
  const review = (...extra: string[]) => run("review", sample("po-lines.csv"), "--vendor", "Acme Metals", "--as-of", "2025-03-31", "--weights", weights(), ...extra);

  it("prints every block as CSV, titles above their tables, dates as text, a blank line between blocks", () => {
    const r = review();
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual(["Business review: Acme Metals", "Vendor,Acme Metals", "Period,2025-03"]);
    for (const title of ["Score and KPIs by period", '"Breakdown, 2025-03"', "Needs attention"]) {
      const at = lines.indexOf(title);
      expect(at).toBeGreaterThan(0);
      expect(lines[at - 1]).toBe("");
    }
    // The trend block's March row, with its start and end as dates; the score as the core gives it.
    const trend = catalog.VENDORTREND.call({ data: csvRange(fs.readFileSync(sample("po-lines.csv"), "utf8")), vendor: "Acme Metals", weights: [["period", "month"], ["history", 3]], as_of: "2025-03-31" }) as ResultGrid;
    const march = trend.find((row) => row[0] === "2025-03")!;
    // VENDORTREND's row (Lines to Change), then the review's arrow: the score fell from February.
    expect(lines).toContain(`2025-03,2025-03-01,2025-03-31,${march.slice(3).map(fifteen).join(",")},▼`);
  });

  it("gives one JSON object per block: label and value pairs, or rows keyed by the block's header", () => {
    const blocks = JSON.parse(review("--format", "json").stdout) as { title: string; values?: Record<string, unknown>; rows?: Record<string, unknown>[] }[];
    expect(blocks.map((b) => b.title)).toEqual(["Business review: Acme Metals", "Score and KPIs by period", "Breakdown, 2025-03", "Needs attention"]);
    expect(blocks[0]!.values).toMatchObject({ Vendor: "Acme Metals", Period: "2025-03" });
    expect(blocks[1]!.rows!.map((row) => [row.Period, row.Start])).toEqual([["2025-01", "2025-01-01"], ["2025-02", "2025-02-01"], ["2025-03", "2025-03-01"]]);
    expect(blocks[3]!.rows![0]).toMatchObject({ KPI: "On time", Misses: "target" });
  });

  it("writes the sheet to XLSX with each block's number formats and its title and header in bold", async () => {
    const out = path.join(tmp, "review.xlsx");
    expect(review("--out", out).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A1").value).toBe("Business review: Acme Metals");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    let header = -1;
    ws.eachRow((row, r) => {
      if (header < 0 && row.getCell(1).value === "Period" && row.getCell(2).value === "Start") header = r;
    });
    expect(header).toBeGreaterThan(1);
    expect(ws.getRow(header).font?.bold).toBe(true);
    expect(ws.getRow(header + 1).getCell(2).numFmt).toBe("yyyy-mm-dd");
  });

  it("names the vendor it cannot find", () => {
    const r = run("review", sample("po-lines.csv"), "--vendor", "Nobody", "--as-of", "2025-03-31");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No lines for vendor "Nobody"/);
  });
});
