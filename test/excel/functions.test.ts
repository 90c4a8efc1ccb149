import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import vm from "node:vm";
import { DEFINITIONS } from "../../core";
import { catalog } from "../helpers/sheet";
import type { FunctionMetadata } from "../../excel-addin/metadata";
import { buildExcel } from "../../scripts/build-excel";

let out = "";
beforeAll(async () => {
  out = await buildExcel({ outDir: mkdtempSync(join(tmpdir(), "vs-excel-")), minify: false });
}, 60_000);

const PO = [
  ["Vendor", "Promised date", "Delivered date", "Ordered qty", "Received qty", "Rejected qty", "Unit price", "Contract price"],
  ["Acme", 45717, 45717, 10, 10, 0, 5, 5],
  ["Acme", 45718, 45720, 10, 10, null, 5, 5],
  ["Birch", 45717, 45726, 10, 5, 3, 7, 5],
];

/** Loads the built functions.js into a sandbox with a fake CustomFunctions runtime, as Excel's shared runtime would. */
function loadFunctions(): Record<string, (...a: unknown[]) => unknown> {
  const registered: Record<string, (...a: unknown[]) => unknown> = {};
  class FakeError {
    constructor(readonly code: string, readonly message?: string) {}
  }
  const sandbox = {
    CustomFunctions: {
      associate: (id: string, fn: (...a: unknown[]) => unknown) => (registered[id] = fn),
      Error: FakeError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
    },
  };
  vm.runInNewContext(readFileSync(join(out, "functions.js"), "utf8"), sandbox);
  return registered;
}

describe("functions.json generated from the catalog", () => {
  const json = () => JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as { functions: FunctionMetadata[] };

  it("lists every catalog function, with its id, name and description", () => {
    const fns = json().functions;
    expect(fns.map((f) => f.name)).toEqual(DEFINITIONS.map((d) => d.name));
    for (const d of DEFINITIONS) {
      const f = fns.find((x) => x.id === d.name)!;
      expect({ name: f.name, description: f.description }).toEqual({ name: d.name, description: d.description });
      expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${d.name.toLowerCase()}`);
    }
  });

  it("describes every parameter: name, description, optional flag, ranges as any matrices", () => {
    for (const d of DEFINITIONS) {
      const f = json().functions.find((x) => x.id === d.name)!;
      expect(f.parameters.map((p) => [p.name, p.description, p.optional ?? false])).toEqual(d.params.map((p) => [p.name, p.description, p.optional ?? false]));
      d.params.forEach((p, i) => {
        const m = f.parameters[i]!;
        if (p.type === "range") expect(m).toMatchObject({ type: "any", dimensionality: "matrix" });
        else expect(m.dimensionality).toBeUndefined();
      });
    }
  });

  it("declares table results as matrices and single values as scalars", () => {
    for (const d of DEFINITIONS) {
      const f = json().functions.find((x) => x.id === d.name)!;
      expect(f.result).toEqual(d.result === "table" ? { type: "any", dimensionality: "matrix" } : { type: d.result });
    }
  });

  it("writes a help page section for every function, prefixed with the namespace", () => {
    const help = readFileSync(join(out, "help.html"), "utf8");
    for (const d of DEFINITIONS) expect(help).toContain(`id="${d.name.toLowerCase()}"><h2><code>VS.${d.name}(`);
  });
});

describe("custom functions entry (built functions.js)", () => {
  it("associates every catalog function by its id", () => {
    expect(Object.keys(loadFunctions()).sort()).toEqual(DEFINITIONS.map((d) => d.name).sort());
  });

  it("computes a score with omitted optional arguments passed as null, as Excel does", () => {
    const score = loadFunctions()["VENDORSCORE"]!(PO, "Acme", null, 45747);
    expect(typeof score).toBe("number");
    expect(score).toBe(catalog.VENDORSCORE.fn(PO, "Acme", undefined, 45747));
    expect(score).toBeCloseTo(65);
  });

  it("spills a table with \"\" for empty cells, never null", () => {
    const grid = loadFunctions()["VENDORSCORECARD"]!(PO, null, 45747) as unknown[][];
    expect(grid[0]![0]).toBe("Vendor");
    expect(grid.flat().some((c) => c === null || c === undefined)).toBe(false);
    expect(grid.flat()).toContain("");
  });

  it.each([
    ["an unknown vendor", [PO, "Nobody", null, 45747], "#N/A", /Nobody/],
    ["a range without headers", [[["Acme", 1], ["Birch", 2]], "Acme", null, null], "#VALUE!", /column|header/i],
    ["weights with text in a number column", [PO, "Acme", [["on_time", "lots"]], null], "#VALUE!", /lots/],
  ])("returns %s as CustomFunctions.Error with the code and the core's message", (_, args, code, message) => {
    const e = loadFunctions()["VENDORSCORE"]!(...(args as unknown[])) as { code: string; message: string };
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});
