/// <reference types="office-js" />
import { officeGlobals } from "../../doubles/excel/api";
import { MAX_CELL_CHARS, PAYLOAD_LIMIT_BYTES, jsonBytes } from "../../doubles/excel/limits";
import { NOT_CALCULATED, addSheet, createWorkbook, findSheet, setCell, type WorkbookModel } from "../../doubles/excel/model";

/**
 * The in-memory Excel workbook refuses what Excel on the web refuses, with the error Office.js
 * gives: each limit has a case just under it (taken) and just over it (refused).
 */
type Batch = (ctx: Excel.RequestContext) => Promise<unknown>;

function workbook(): { wb: WorkbookModel; run: (b: Batch) => Promise<unknown> } {
  const wb = createWorkbook();
  addSheet(wb, "Data");
  const { Excel } = officeGlobals(wb);
  return { wb, run: (b) => Excel.run(b as never) };
}

/**
 * One column of ASCII text whose JSON (`[["...."],["...."]]`) is exactly `bytes` long: rows of
 * 30,000 characters (under the cell limit), the last one trimmed to land on the figure.
 */
function columnOfBytes(bytes: number): string[][] {
  const rows: string[][] = [];
  let left = bytes - 2; // the outer brackets
  while (left > 0) {
    const comma = rows.length > 0 ? 1 : 0;
    const text = Math.min(30_000, left - comma - 4); // a row is ["text"]: 4 bytes around the text
    rows.push(["x".repeat(text)]);
    left -= comma + 4 + text;
  }
  expect(JSON.stringify(rows).length).toBe(bytes);
  return rows;
}

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string } | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
}

describe("the size estimate of a payload", () => {
  it.each([
    [[["ab", 12, true]]],
    [[["Acme", -3.5, false], ["", 0, 1e21]]],
    [[[]]],
    [["items/name", "values"]],
  ])("is the length of the JSON Excel sends for %j", (v) => {
    expect(jsonBytes(v)).toBe(JSON.stringify(v).length);
  });

  it("counts text as UTF-8 bytes", () => {
    expect(jsonBytes("Müller")).toBe(9);
    expect(jsonBytes("東京")).toBe(8);
  });
});

describe("Excel on the web's 5 MB request limit", () => {
  it.each([
    ["a write of exactly 5 MB", PAYLOAD_LIMIT_BYTES, null],
    ["a write one byte over 5 MB", PAYLOAD_LIMIT_BYTES + 1, "RequestPayloadSizeLimitExceeded"],
  ])("%s: %i bytes", async (_, bytes, code) => {
    const { wb, run } = workbook();
    const grid = columnOfBytes(bytes);
    const err = await rejection(run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange(`A1:A${grid.length}`).values = grid;
      await ctx.sync();
    }));
    expect(err?.code ?? null).toBe(code);
    expect(wb.largestRequestBytes).toBe(bytes);
    // A refused request changes nothing.
    expect(findSheet(wb, "Data")!.values.length).toBe(code ? 0 : grid.length);
    if (code) expect(err!.message).toMatch(/request payload size has exceeded the limit.*5\.00 MB \(5,242,881 bytes\)/);
  });

  it("counts number formats with the values of the same sync", async () => {
    const { run } = workbook();
    const half = columnOfBytes(Math.ceil(PAYLOAD_LIMIT_BYTES / 2) + 1);
    const err = await rejection(run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange(`A1:A${half.length}`);
      range.values = half;
      range.numberFormat = half;
      await ctx.sync();
    }));
    expect(err?.code).toBe("RequestPayloadSizeLimitExceeded");
  });
});

describe("Excel on the web's 5 MB response limit", () => {
  it.each([
    ["reading exactly 5 MB of values", PAYLOAD_LIMIT_BYTES, null],
    ["reading one byte over 5 MB", PAYLOAD_LIMIT_BYTES + 1, "ResponsePayloadSizeLimitExceeded"],
  ])("%s: %i bytes", async (_, bytes, code) => {
    const { wb, run } = workbook();
    const grid = columnOfBytes(bytes);
    const sheet = findSheet(wb, "Data")!;
    grid.forEach((row, r) => setCell(sheet.values, r, 0, row[0]!, ""));
    const err = await rejection(run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange(`A1:A${grid.length}`).load("values");
      await ctx.sync();
      return range.values;
    }));
    expect(err?.code ?? null).toBe(code);
    expect(wb.largestResponseBytes).toBe(bytes);
  });
});

describe("the counters a test can assert", () => {
  it("counts syncs and keeps the largest request and response", async () => {
    const { wb, run } = workbook();
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
      range.values = [["Acme", 12]];
      await ctx.sync();
      range.load("values");
      await ctx.sync();
    });
    expect(wb.syncCount).toBe(2);
    expect(wb.runSyncs).toEqual([2]);
    expect(wb.largestRequestBytes).toBe(JSON.stringify([["Acme", 12]]).length);
    expect(wb.largestResponseBytes).toBe(JSON.stringify([["Acme", 12]]).length);
  });
});

describe("Excel's 32,767-character cell limit", () => {
  it.each([
    ["text of 32,767 characters", "x".repeat(MAX_CELL_CHARS), null],
    ["text of 32,768 characters", "x".repeat(MAX_CELL_CHARS + 1), "InvalidArgument"],
    ["32,767 characters after a quote prefix", "'" + "x".repeat(MAX_CELL_CHARS), null],
  ])("%s", async (_, text, code) => {
    const { wb, run } = workbook();
    const err = await rejection(run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [["before", text]];
    }));
    expect(err?.code ?? null).toBe(code);
    if (code) {
      expect(err!.message).toMatch(/at most 32,767 characters/);
      expect(findSheet(wb, "Data")!.values).toEqual([]); // the whole write is refused
    }
  });
});

describe("Excel's sheet-name rules", () => {
  const add = (name: string) => async (ctx: Excel.RequestContext) => {
    ctx.workbook.worksheets.add(name);
    await ctx.sync();
  };
  const rename = (name: string) => async (ctx: Excel.RequestContext) => {
    ctx.workbook.worksheets.getItem("Data").name = name;
    await ctx.sync();
  };
  it.each<[string, string, string | null]>([
    ["31 characters", "x".repeat(31), null],
    ["32 characters", "x".repeat(32), "InvalidArgument"],
    ["an empty name", "", "InvalidArgument"],
    ...["[", "]", ":", "*", "?", "/", "\\"].map((ch): [string, string, string] => [`a name with ${ch}`, `Q1 ${ch} scores`, "InvalidArgument"]),
    ["a name starting with an apostrophe", "'Q1", "InvalidArgument"],
    ["History", "history", "InvalidArgument"],
    ["an apostrophe inside", "O'Brien's lines", null],
    ["the name of another sheet in another case", "DATA", "ItemAlreadyExists"],
  ])("a new sheet: %s", async (_, name, code) => {
    const { wb, run } = workbook();
    const err = await rejection(run(add(name)));
    expect(err?.code ?? null).toBe(code);
    expect(wb.sheets.length).toBe(code ? 1 : 2);
  });

  it.each([
    ["31 characters", "x".repeat(31), null],
    ["32 characters", "x".repeat(32), "InvalidArgument"],
    ["a name with /", "Q1/Q2", "InvalidArgument"],
    ["its own name in another case", "DATA", null],
    ["the name of another sheet in another case", "OTHER", "ItemAlreadyExists"],
  ])("a renamed sheet: %s", async (_, name, code) => {
    const { wb, run } = workbook();
    addSheet(wb, "Other");
    const err = await rejection(run(rename(name)));
    expect(err?.code ?? null).toBe(code);
    expect(wb.sheets[0]!.name).toBe(code ? "Data" : name);
  });
});

describe("values that Excel enters as formulas", () => {
  it.each([
    ["text starting with =", "=1+1", NOT_CALCULATED, "=1+1"],
    ["a formula from data", '=HYPERLINK("http://x","y")', NOT_CALCULATED, '=HYPERLINK("http://x","y")'],
    ["text starting with - that is not a number", "-x", NOT_CALCULATED, "=-x"],
    ["text starting with + that is not a number", "+A1", NOT_CALCULATED, "=+A1"],
    ["+1, which Excel takes as the number 1", "+1", 1, 1],
    ["a negative number as text", "-2.5", -2.5, -2.5],
    ["a negative number", -2.5, -2.5, -2.5],
    ["text after a quote prefix, which is not part of the value", "'=1+1", "=1+1", "=1+1"],
    ["a quote prefix before an apostrophe", "''quoted", "'quoted", "'quoted"],
    ["plain text", "Acme", "Acme", "Acme"],
    ["a lone minus sign", "-", "-", "-"],
  ])("%s: %j", async (_, written, value, formula) => {
    const { run } = workbook();
    const read = (await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      range.values = [[written]];
      range.load("values,formulas");
      await ctx.sync();
      return [range.values[0]![0], range.formulas[0]![0]];
    })) as unknown[];
    expect(read).toEqual([value, formula]);
  });

  it("forgets a formula when the cell is written again or cleared", async () => {
    const { wb, run } = workbook();
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
      range.values = [["=1", "=2"]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["plain"]];
      ctx.workbook.worksheets.getItem("Data").getRange("B1").clear("Contents");
    });
    const s = findSheet(wb, "Data")!;
    expect(s.values[0]).toEqual(["plain", ""]);
    expect(s.formulas[0]?.filter(Boolean) ?? []).toEqual([]);
  });
});
