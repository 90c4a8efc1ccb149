import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import * as vm from "node:vm";

const ROOT = resolve(__dirname, "..", "..", "..");

/**
 * The formula module bundled as the hosts bundle the core (esbuild, IIFE, ES2019, minified).
 * esbuild runs in a child process: inside Jest's sandbox its Uint8Array check fails.
 */
function bundle(entry: string, globalName: string): string {
  const script = `
    const { buildSync } = require("esbuild");
    const out = buildSync({ entryPoints: [${JSON.stringify("ENTRY")}], bundle: true, format: "iife", globalName: ${JSON.stringify("GLOBAL")},
      target: "es2019", minify: true, write: false, logLevel: "error" });
    process.stdout.write(out.outputFiles[0].text);`;
  return execFileSync(process.execPath, ["-e", script.replace('"ENTRY"', JSON.stringify(entry)).replace('"GLOBAL"', JSON.stringify(globalName))], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** A context where code generation from strings is off, as in a locked-down host: eval and new Function throw. */
function lockedContext(): vm.Context {
  return vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
}

describe("the formula evaluator where code generation from strings is disabled", () => {
  let code = "";
  beforeAll(() => {
    code = bundle(join(ROOT, "core", "formula", "index.ts"), "formula");
  }, 60_000);

  it("runs in the context: the context really refuses eval and new Function", () => {
    const ctx = lockedContext();
    expect(() => vm.runInContext('eval("1 + 1")', ctx)).toThrow(/Code generation from strings disallowed/);
    expect(() => vm.runInContext('new Function("return 1")', ctx)).toThrow(/Code generation from strings disallowed/);
  });

  it("parses, gathers and evaluates formulas in it, with the values worked on paper", () => {
    const ctx = lockedContext();
    vm.runInContext(code, ctx, { filename: "formula.js" });
    const result = vm.runInContext(
      `(function () {
        var header = ["Vendor", "Received Qty", "Rejected Qty", "Invoice OK", "Status"];
        var rows = [["Acme", 100, 2, "yes", "late"], ["Acme", 50, 1, "no", "on time"], ["Beta", 10, 0, "", "late"]];
        var texts = ["1 - sum([Rejected Qty]) / sum([Received Qty])", "share([Invoice OK])", "if(count([Invoice OK]) > 0, share([Invoice OK]), -1)",
          'sumif([Received Qty], [Status], "LATE") + round(2.675, 2)', "median([Received Qty]) * on_time", "ifna(mean([Invoice OK]), 7)"];
        var fs = texts.map(function (t) { return formula.parseFormula(t); });
        var plan = formula.planFormulas(fs, header);
        var acc = new formula.FormulaAccumulator(plan);
        rows.forEach(function (r) { acc.add(r[0] === "Acme" ? 0 : 1, r); });
        return [0, 1].map(function (b) { return fs.map(function (f) { var v = formula.evaluateFormula(f, acc, b, { on_time: 0.5 }).value; return v === undefined ? "undefined" : v; }); });
      })()`,
      ctx,
    ) as unknown[][];
    // Acme: 1 - 3/150; 1 of 2 yes; guard passes; 100 late + 2.68; median 75 x 0.5; no number in Invoice OK.
    // Beta: 1 - 0/10; no flag; the guard's -1; 10 late + 2.68; 10 x 0.5; 7.
    expect(JSON.parse(JSON.stringify(result))).toEqual([
      [0.98, 0.5, 0.5, 102.68, 37.5, 7],
      [1, "undefined", -1, 12.68, 5, 7],
    ]);
  });

  it("returns its position errors as values in it", () => {
    const ctx = lockedContext();
    vm.runInContext(code, ctx);
    const message = vm.runInContext('formula.parseFormula("share([Invoice OK]", { row: 5 }).message', ctx) as string;
    expect(message).toBe("Weights row 5, formula at 19: expected `)`");
  });
});

describe("the whole core where code generation from strings is disabled", () => {
  it("runs the catalog's survey functions and the scorecard in it", () => {
    const code = bundle(join(ROOT, "core", "index.ts"), "core");
    const ctx = lockedContext();
    vm.runInContext(code, ctx, { filename: "core.js" });
    const result = vm.runInContext(
      `(function () {
        var catalog = core.createCatalog({ today: function () { return 45750; } });
        var survey = [["Supplier", "Question", "Rating"], ["Acme", "Quality", 2], ["Acme", "Quality", 5], ["Acme", "Quality", 3]];
        var lines = [["Vendor", "Ordered Qty", "Received Qty", "Rejected Qty"], ["Acme", 10, 10, 1], ["Acme", 10, 10, 0]];
        return [catalog.VENDORSURVEY.fn(survey, "Acme", "Quality"), catalog.VENDORSURVEY.fn(survey, "Acme"), catalog.VENDORKPI.fn(lines, "Acme", "defect_rate")];
      })()`,
      ctx,
    ) as unknown[];
    // Median of 2, 5, 3; mean 10/3; 1 rejected of 20 received.
    expect(JSON.parse(JSON.stringify(result))).toEqual([[[3]], [["Criterion", "Answers", "Median", "Mean", "Min", "Max"], ["Quality", 3, 3, 10 / 3, 2, 5]], 0.05]);
  }, 60_000);
});
