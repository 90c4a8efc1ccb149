import { DEFINITIONS } from "../../core";
import { functionsJson } from "../../excel-addin/metadata";

describe("functions.json against Excel's naming and parameter rules", () => {
  const fns = functionsJson(DEFINITIONS).functions;
  /** Names Excel would read as a cell (A1 up to XFD1048576, R1C1) or an Excel 4 macro. */
  const cellLike = (n: string) => /^[A-Z]{1,3}\d{1,7}$/i.test(n) || /^R\d*C\d*$/i.test(n) || ["RUN", "ECHO"].includes(n.toUpperCase());

  it("gives every function a legal id and name: letters, digits, _ and . only, starting with a letter, 3 to 128 characters", () => {
    for (const f of fns) {
      expect(f.id).toMatch(/^[A-Za-z0-9_.]+$/);
      expect(f.name).toMatch(/^\p{L}[\p{L}\p{N}_.]{2,127}$/u);
      expect(cellLike(f.name)).toBe(false);
    }
  });

  it("has no two functions whose ids or names differ only in case", () => {
    expect(new Set(fns.map((f) => f.id.toUpperCase())).size).toBe(fns.length);
    expect(new Set(fns.map((f) => f.name.toUpperCase())).size).toBe(fns.length);
  });

  it("never puts a required parameter after an optional one (Excel fills omitted trailing arguments with null)", () => {
    for (const f of fns) {
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });

  it("declares every table result as an any matrix and no scalar parameter as typed number (a blank would arrive as 0)", () => {
    for (const d of DEFINITIONS) {
      const f = fns.find((x) => x.id === d.name)!;
      if (d.result === "table") expect(f.result).toEqual({ type: "any", dimensionality: "matrix" });
      for (const p of f.parameters) expect(p.type).not.toBe("number");
    }
  });
});
