import { CoreError, type SheetError } from "../../core/cell/error";
import { toExcel, toExcelError } from "../../excel-addin/convert";

/** Excel's runtime objects, as the custom-functions runtime defines them (convert.ts reads them at call time). */
class FakeCfError {
  constructor(readonly code: string, readonly message?: string) {}
}
const ERROR_CODE = { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" };
beforeAll(() => {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: FakeCfError, ErrorCode: ERROR_CODE };
});
afterAll(() => {
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
});

/** A core error carrying a given sheet code (the code follows the kind; #NUM! has no kind yet). */
function errorWithCode(code: SheetError, message: string): CoreError {
  const e = new CoreError("bad_argument", message);
  Object.defineProperty(e, "code", { value: code });
  return e;
}

describe("Excel custom-function results", () => {
  it.each([
    ["#VALUE!", "#VALUE!", "Column \"Unit price\", row 4: \"abc\" is not a number."],
    ["#N/A", "#N/A", "No lines for vendor \"Zed\"."],
  ] as const)("maps a core %s to CustomFunctions.Error %s carrying the core's message", (code, excel, message) => {
    const e = toExcelError(errorWithCode(code, message)) as unknown as FakeCfError;
    expect(e).toBeInstanceOf(FakeCfError);
    expect({ code: e.code, message: e.message }).toEqual({ code: excel, message });
  });

  it("maps a core #NUM! to ErrorCode.invalidNumber without a message (Excel shows none on #NUM!)", () => {
    const e = toExcelError(errorWithCode("#NUM!", "out of range")) as unknown as FakeCfError;
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBeUndefined();
  });

  it("returns a core error value (never throws it) so the cell shows the error", () => {
    expect(() => toExcel(new CoreError("unknown_vendor", "No lines."))).not.toThrow();
    expect((toExcel(new CoreError("unknown_vendor", "No lines.")) as FakeCfError).code).toBe("#N/A");
  });

  it("spills \"\" for every empty-looking cell: null, undefined, NaN and infinities never reach Excel (null would show 0)", () => {
    const spilled = toExcel([
      ["Vendor", "Score", "Grade"],
      ["Acme", null as never, undefined as never],
      ["Birch", Number.NaN, Number.POSITIVE_INFINITY],
      ["Cedar", 0, false],
    ]) as unknown[][];
    expect(spilled).toEqual([
      ["Vendor", "Score", "Grade"],
      ["Acme", "", ""],
      ["Birch", "", ""],
      ["Cedar", 0, false],
    ]);
  });

  it("turns a scalar NaN into \"\" and keeps a real 0 as 0", () => {
    expect(toExcel(Number.NaN)).toBe("");
    expect(toExcel(0)).toBe(0);
  });
});
