import { bind, createCatalog, CoreError, defineFunction, ParseCache, serialOf, type Context } from "../../../core";
import { asOf, config, date, number, optionalConfig, optionalNumber, optionalRange, range, text } from "../../../core/catalog/params";
import { problem } from "../../../core/cell/error";
import "../../helpers/sheet";

const TODAY = serialOf(2025, 3, 31, 14, 30);
const cx: Context = { today: () => TODAY, cache: new ParseCache() };
const read = (p: { read: (v: unknown, cx: Context) => unknown }, v: unknown) => p.read(v, cx);

describe("parameter conversions", () => {
  it.each([
    ["a 2D range as it is", [["Vendor"], ["Acme"]], [["Vendor"], ["Acme"]]],
    ["a Sheets one-cell range (a scalar) as a 1x1 range", "Acme", [["Acme"]]],
    ["a row of cells as a column of rows", ["a", "b"], [["a"], ["b"]]],
  ])("range: reads %s", (_, v, expected) => {
    expect(read(range("data", "d"), v)).toEqual(expected);
  });

  it.each([null, undefined, ""])("optionalRange: reads %p as left out", (v) => {
    expect(read(optionalRange("risk", "d"), v)).toBeUndefined();
  });

  it.each([
    ["a value", "Acme", "Acme"],
    ["a one-cell range", [["Acme"]], "Acme"],
    ["a number", 42, "42"],
    ["text with spaces, trimmed", "  Acme ", "Acme"],
  ])("text: reads %s", (_, v, expected) => {
    expect(read(text("vendor", "d"), v)).toBe(expected);
  });

  it.each([null, undefined, "", "   "])("text: refuses %p as empty", (v) => {
    expect(read(text("vendor", "d"), v)).toBeCoreError("#VALUE!", "vendor is empty");
  });

  it.each([
    ["left out (null)", null, 0.75],
    ["left out (undefined)", undefined, 0.75],
    ["0, an older Excel build's blank", 0, 0.75],
    ["a number", 0.5, 0.5],
    ["percent text", "80%", 0.8],
    ["a one-cell range", [[0.9]], 0.9],
  ])("number with a default: reads %s", (_, v, expected) => {
    expect(read(number("at_risk", "d", 0.75), v)).toBe(expected);
  });

  it.each(["abc", "1e309", Infinity, NaN])("number: refuses %p, naming the parameter", (v) => {
    expect(read(number("at_risk", "d", 0.75), v)).toBeCoreError("#VALUE!", "at_risk");
  });

  it("optionalNumber: left out is undefined, a number is itself", () => {
    expect(read(optionalNumber("risk_threshold", "d"), null)).toBeUndefined();
    expect(read(optionalNumber("risk_threshold", "d"), "3")).toBe(3);
  });

  it.each([
    ["a serial", 45747.5, 45747.5],
    ["ISO text with a time", "2025-03-31 12:00", 45747.5],
    ["a Date read by its wall-clock fields", new Date(2025, 2, 31, 12), 45747.5],
  ])("date: reads %s", (_, v, expected) => {
    expect(read(date("start", "d"), v)).toBe(expected);
  });

  it.each([null, 0, ""])("date: refuses %p as empty", (v) => {
    expect(read(date("start", "d"), v)).toBeCoreError("#VALUE!", "start is empty");
  });

  it("date: refuses text that is no date, quoting it", () => {
    expect(read(date("start", "d"), "soon")).toBeCoreError("#VALUE!", '"soon"');
  });

  it.each([null, undefined, 0, ""])("asOf: reads %p as the host's today", (v) => {
    expect(read(asOf("as_of", "d"), v)).toBe(TODAY);
  });

  it("asOf: reads a given date and refuses text that is none", () => {
    expect(read(asOf("as_of", "d"), "2025-01-02")).toBe(serialOf(2025, 1, 2));
    expect(read(asOf("as_of", "d"), "someday")).toBeCoreError("#VALUE!", "as_of");
  });

  it("config: hands the parser the rows, or no rows when left out, and returns its problem", () => {
    const parse = (rows: unknown[][]) => (rows.length > 1 ? problem("bad_config", "too many", { row: 2 }) : rows.length);
    expect(read(config("weights", "d", parse), null)).toBe(0);
    expect(read(config("weights", "d", parse), [["on_time", 1]])).toBe(1);
    expect(read(config("weights", "d", parse), [["a"], ["b"]])).toMatchObject({ kind: "bad_config", row: 2 });
  });

  it("config that must be given refuses a left-out range; optionalConfig reads it as undefined", () => {
    expect(read(config("credit_table", "Rows compliance below, credit %.", () => 1, false), null)).toBeCoreError("#VALUE!", "credit_table is empty: give rows compliance below");
    expect(read(optionalConfig("risk", "d", () => 1), null)).toBeUndefined();
  });
});

describe("the runner", () => {
  const PLUS = defineFunction({
    name: "PLUS",
    description: "a + b",
    example: "=PLUS(1, 2)",
    params: [number("a", "first", 0), number("b", "second", 0)],
    result: "number",
    impl: ({ a, b }) => a + b,
  });

  it("calls by position as hosts do and by parameter name as reports do", () => {
    const f = bind(PLUS, cx);
    expect(f.fn(1, 2)).toBe(3);
    expect(f.call({ b: 2, a: 1 })).toBe(3);
    expect(f.call({ a: 5 })).toBe(5);
  });

  it("converts a parameter that reads another after that one, whatever their positions", () => {
    const ORDER = config("settings", "d", (rows) => ({ read: rows.length ? { dateOrder: "DMY" as const } : {} }));
    const WHEN = defineFunction({
      name: "WHEN", description: "", example: "", params: [asOf("as_of", "d", ORDER), ORDER], result: "number",
      impl: ({ as_of }) => as_of,
    });
    expect(bind(WHEN, cx).fn("03/04/2025", [["date_order", "DMY"]])).toBe(serialOf(2025, 4, 3));
    expect(bind(WHEN, cx).fn("03/04/2025", null)).toBe(serialOf(2025, 3, 4));
  });

  it("refuses to bind a parameter that reads one the function does not have", () => {
    const ORDER = config("settings", "d", () => ({ read: {} }));
    const BAD = defineFunction({ name: "BAD", description: "", example: "", params: [asOf("as_of", "d", ORDER)], result: "number", impl: ({ as_of }) => as_of });
    expect(() => bind(BAD, cx)).toThrow("reads settings");
  });

  it("adds the parameter's name to a conversion's problem", () => {
    expect(bind(PLUS, cx).fn(1, "two")).toMatchObject({ kind: "bad_argument", arg: "b", code: "#VALUE!" });
  });

  it("turns an overflowing result into #NUM!, never Infinity or NaN", () => {
    expect(bind(PLUS, cx).fn(1e308, 1e308)).toBeCoreError("#NUM!", "overflowed");
    const GRID = defineFunction({
      name: "GRID", description: "", example: "", params: [number("x", "", 0)], result: "table",
      impl: ({ x }) => [["Vendor", "Score"], ["Acme", x * 10]],
    });
    const r = bind(GRID, cx).fn(1e308);
    expect(r).toBeCoreError("#NUM!", "Score");
    expect(r).toMatchObject({ kind: "overflow", row: 2, column: "Score" });
  });

  it("turns a problem raised deep in a parse loop into a value", () => {
    const DEEP = defineFunction({
      name: "DEEP", description: "", example: "", params: [], result: "number",
      impl: () => {
        throw new CoreError("not_a_number", "deep", { row: 7 });
      },
    });
    expect(bind(DEEP, cx).fn()).toMatchObject({ kind: "not_a_number", row: 7 });
  });

  it("passes a programmer's mistake on as an exception", () => {
    const BUG = defineFunction({ name: "BUG", description: "", example: "", params: [], result: "number", impl: () => { throw new TypeError("bug"); } });
    expect(() => bind(BUG, cx).fn()).toThrow(TypeError);
  });

  it("does not compile an implementation that reads a parameter it does not declare", () => {
    defineFunction({
      name: "TYPED", description: "", example: "", params: [text("vendor", "")], result: "string",
      // @ts-expect-error `weights` is not a parameter of this function
      impl: ({ vendor, weights }) => `${vendor}${String(weights)}`,
    });
    defineFunction({
      name: "TYPED2", description: "", example: "", params: [number("a", "", 0)], result: "number",
      // @ts-expect-error `a` is a number, not text
      impl: ({ a }) => a.toUpperCase(),
    });
  });
});

describe("problems as data", () => {
  it("keep messages short: a quoted cell at most ~60 characters, a message at most 300", () => {
    const r = createCatalog({ today: () => TODAY }).VENDORKPI.fn([["Vendor", "Amount"], ["Acme", "x".repeat(40_000)]], "Acme", "spend");
    expect(r).toBeInstanceOf(CoreError);
    expect((r as CoreError).message.length).toBeLessThanOrEqual(300);
  });

  it("place a bad weights row by its row, column and field, and name the argument", () => {
    const r = createCatalog({ today: () => TODAY }).VENDORSCORE.fn([["Vendor"], ["Acme"]], "Acme", [["kpi", "weight"], ["on_time", "abc"]]);
    expect(r).toMatchObject({ kind: "bad_config", arg: "weights", row: 2, column: "2", field: "on_time" });
  });

  it("each catalog keeps its own parse cache", () => {
    const a = createCatalog({ today: () => TODAY });
    const b = createCatalog({ today: () => TODAY });
    const data = [["Vendor", "Amount"], ["Acme", 5]];
    for (let i = 0; i < 3; i++) a.VENDORKPI.fn(data, "Acme", "spend");
    expect(a.context.cache.stats().hits).toBeGreaterThan(0);
    expect(b.context.cache.stats()).toMatchObject({ hits: 0, misses: 0 });
    expect(Object.keys(a)).not.toContain("context");
  });
});
