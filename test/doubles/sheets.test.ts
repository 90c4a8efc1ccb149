import { MAX_CELL_CHARS, PROPERTY_STORE_BYTES, PROPERTY_VALUE_BYTES } from "../../doubles/sheets/limits";
import { FakeProperties, World } from "../../doubles/sheets/services";
import { FakeSpreadsheet, NOT_CALCULATED } from "../../doubles/sheets/spreadsheet";

/**
 * The Apps Script fakes refuse what Apps Script and Sheets refuse, with the message they give:
 * each limit has a case just under it (taken) and just over it (refused).
 */
function attempt(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe("PropertiesService's 9 KB per value", () => {
  it.each([
    ["9,216 bytes of ASCII", "x".repeat(PROPERTY_VALUE_BYTES), null],
    ["9,217 bytes of ASCII", "x".repeat(PROPERTY_VALUE_BYTES + 1), /^Argument too large: value/],
    ["4,608 two-byte characters (9,216 bytes)", "é".repeat(PROPERTY_VALUE_BYTES / 2), null],
    ["4,609 two-byte characters (9,218 bytes), fewer than 9,216 characters", "é".repeat(PROPERTY_VALUE_BYTES / 2 + 1), /^Argument too large: value/],
  ])("a value of %s", (_, value, refused) => {
    const p = new FakeProperties();
    const message = attempt(() => p.setProperty("a-long-key-does-not-count-against-the-value", value));
    if (refused) {
      expect(message).toMatch(refused);
      expect(p.getProperty("a-long-key-does-not-count-against-the-value")).toBeNull();
    } else {
      expect(message).toBeNull();
      expect(p.getProperty("a-long-key-does-not-count-against-the-value")).toBe(value);
    }
  });
});

describe("PropertiesService's 500 KB per store", () => {
  /** Fills a store to `bytes` of keys and values: keys k000..k055 with 9,000-byte values, then one to land on the figure. */
  function filledTo(bytes: number): FakeProperties {
    const p = new FakeProperties();
    let left = bytes, i = 0;
    while (left > 0) {
      const key = `k${String(i++).padStart(3, "0")}`;
      const size = Math.min(9_000, left - key.length);
      p.setProperty(key, "x".repeat(size));
      left -= key.length + size;
    }
    return p;
  }

  it.each([
    ["exactly 512,000 bytes", PROPERTY_STORE_BYTES, null],
    ["512,001 bytes", PROPERTY_STORE_BYTES + 1, /^You have exceeded the property storage quota/],
  ])("a store of %s", (_, bytes, refused) => {
    const p = filledTo(bytes - 1);
    const message = attempt(() => p.setProperty("z", ""));
    if (refused) {
      expect(message).toMatch(refused);
      expect(p.getProperty("z")).toBeNull();
      expect(p._bytes()).toBe(bytes - 1);
    } else {
      expect(message).toBeNull();
      expect(p._bytes()).toBe(bytes);
    }
  });

  it("stores none of a setProperties call that would go over", () => {
    const p = new FakeProperties();
    expect(attempt(() => p.setProperties({ small: "ok", big: "x".repeat(PROPERTY_VALUE_BYTES + 1) }))).toMatch(/^Argument too large/);
    expect(p.getKeys()).toEqual([]);
  });
});

describe("Sheets' 50,000 characters in a cell", () => {
  it.each([
    ["50,000 characters", "x".repeat(MAX_CELL_CHARS), null],
    ["50,001 characters", "x".repeat(MAX_CELL_CHARS + 1), "Your input contains more than the maximum of 50000 characters in a single cell."],
    ["50,000 characters after an apostrophe", "'" + "x".repeat(MAX_CELL_CHARS), null],
  ])("%s", (_, text, refused) => {
    const sheet = new FakeSpreadsheet("s", "Etc/UTC").insertSheet("Data");
    const message = attempt(() => sheet.getRange(1, 1, 1, 2).setValues([["before", text]]));
    expect(message).toBe(refused);
    expect(sheet._values.length).toBe(refused ? 0 : 1); // the whole write is refused
  });
});

describe("the sheet-name rules the fakes share with Excel", () => {
  it.each<[string, string, RegExp | null]>([
    ["31 characters", "x".repeat(31), null],
    ["32 characters", "x".repeat(32), /longer than 31 characters/],
    ["an empty name", "", /cannot be blank/],
    ...["[", "]", ":", "*", "?", "/", "\\"].map((ch): [string, string, RegExp] => [`a name with ${ch}`, `Q1 ${ch} scores`, /cannot hold/]),
    ["the name of another sheet in another case", "DATA", /already exists/],
  ])("a new sheet: %s", (_, name, refused) => {
    const ss = new FakeSpreadsheet("s", "Etc/UTC");
    ss.insertSheet("Data");
    const message = attempt(() => ss.insertSheet(name));
    if (refused) expect(message).toMatch(refused);
    else expect(message).toBeNull();
    expect(ss.getSheets().length).toBe(refused ? 1 : 2);
  });

  it.each<[string, string, RegExp | null]>([
    ["31 characters", "x".repeat(31), null],
    ["32 characters", "x".repeat(32), /longer than 31 characters/],
    ["a name with :", "Q1: scores", /cannot hold/],
    ["its own name in another case", "DATA", null],
    ["the name of another sheet in another case", "OTHER", /already exists/],
  ])("a renamed sheet: %s", (_, name, refused) => {
    const ss = new FakeSpreadsheet("s", "Etc/UTC");
    const data = ss.insertSheet("Data");
    ss.insertSheet("Other");
    const message = attempt(() => data.setName(name));
    if (refused) expect(message).toMatch(refused);
    else expect(message).toBeNull();
    expect(data.getName()).toBe(refused ? "Data" : name);
  });
});

describe("values that Sheets enters as formulas", () => {
  it.each([
    ["text starting with =", "=1+1", NOT_CALCULATED, "=1+1"],
    ["a formula from data", '=HYPERLINK("http://x","y")', NOT_CALCULATED, '=HYPERLINK("http://x","y")'],
    ["text after an apostrophe, which is not part of the value", "'=1+1", "=1+1", ""],
    ["an apostrophe after an apostrophe", "''quoted", "'quoted", ""],
    ["a negative number", -2.5, -2.5, ""],
    ["plain text", "Acme", "Acme", ""],
  ])("%s: %j", (_, written, value, formula) => {
    const range = new FakeSpreadsheet("s", "Etc/UTC").insertSheet("Data").getRange(1, 1);
    range.setValues([[written]]);
    expect([range.getValue(), range.getFormula()]).toEqual([value, formula]);
  });

  it("forgets a formula when the cell is written again or the sheet cleared", () => {
    const sheet = new FakeSpreadsheet("s", "Etc/UTC").insertSheet("Data");
    sheet.getRange(1, 1, 1, 2).setValues([["=1", "=2"]]);
    sheet.getRange(1, 1).setValue("plain");
    expect(sheet.getRange(1, 1, 1, 2).getFormulas()).toEqual([["", "=2"]]);
    sheet.clear();
    expect(sheet.getRange(1, 1, 1, 2).getFormulas()).toEqual([["", ""]]);
  });
});

describe("the service counts a test can assert", () => {
  it("counts each call on a service, a spreadsheet, a range or a property store", () => {
    const world = new World("/nonexistent");
    world.open("sheet-1", "Etc/UTC").insertSheet("Data");
    const g = world.globals() as { SpreadsheetApp: { getActive(): FakeSpreadsheet }; PropertiesService: { getDocumentProperties(): FakeProperties } };
    g.SpreadsheetApp.getActive().getSheetByName("Data")!.getRange(1, 1).setValues([["Acme"]]);
    g.PropertiesService.getDocumentProperties().setProperty("k", "v");
    expect(world.calls.log).toEqual([
      "SpreadsheetApp.getActive", "SpreadsheetApp.getSheetByName", "SpreadsheetApp.getRange", "SpreadsheetApp.setValues",
      "PropertiesService.getDocumentProperties", "PropertiesService.setProperty",
    ]);
    expect(world.calls.count).toBe(6);
  });
});
