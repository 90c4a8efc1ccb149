import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFINITIONS } from "../../core";
import { catalog } from "../helpers/sheet";
import * as vm from "node:vm";
import { buildBundle, loadBundle, vmDate } from "../../doubles/sheets/bundle";
import { sampleCsv, typed } from "../../doubles/sheets/sample";
import { serial } from "../helpers/sheet";

let dir = "";
let code = "";
beforeAll(() => {
  dir = buildBundle();
  code = readFileSync(join(dir, "Code.js"), "utf8");
}, 60_000);

/** Names declared at the top level of a script, as Apps Script lists them. */
function topLevelFunctions(src: string): string[] {
  return [...src.matchAll(/^function ([A-Za-z0-9_$]+)\s*\(/gm)].map((m) => m[1]!);
}

describe("the built Apps Script bundle", () => {
  it("writes Code.js, Sidebar.html and appsscript.json for clasp to push", () => {
    const manifest = JSON.parse(readFileSync(join(dir, "appsscript.json"), "utf8")) as { runtimeVersion: string; oauthScopes: string[] };
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.oauthScopes).toEqual([
      "https://www.googleapis.com/auth/spreadsheets",
      "https://www.googleapis.com/auth/script.container.ui",
      "https://www.googleapis.com/auth/script.scriptapp",
    ]);
    const html = readFileSync(join(dir, "Sidebar.html"), "utf8");
    expect(html).toContain('<div id="app"></div>');
    expect(html).toContain(".vs-panel");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
    // The Workspace look comes inlined: Fluent components and tokens in the bundle, no font or stylesheet fetched.
    expect(html).toContain("fluent-button");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(style).not.toMatch(/@import|url\(\s*["']?https?:/);
    expect(html).not.toMatch(/fonts\.googleapis|fonts\.gstatic/);
  });

  it("declares only the catalog functions, menu, trigger and sidebar entry points at the top level; the library is private", () => {
    const names = topLevelFunctions(code);
    const expected = [
      ...DEFINITIONS.map((d) => d.name),
      "onOpen", "onInstall", "vendorscoreShowSidebar", "vendorscoreShowSchedule", "vendorscoreRefreshNow", "vendorscoreScheduledRefresh",
      "vendorscoreSelection", "vendorscoreReadSource", "vendorscoreSources", "vendorscoreReports", "vendorscoreGenerate", "vendorscoreRefreshAll", "vendorscoreRefreshReport", "vendorscoreOpenReport", "vendorscoreDeleteReport", "vendorscoreGetSchedule", "vendorscoreSetSchedule",
    ];
    // Names ending in "_" are private in Apps Script: neither a formula nor google.script.run can call them.
    expect(names.filter((n) => !n.endsWith("_")).sort()).toEqual([...expected].sort());
    expect(names.filter((n) => n.endsWith("_"))).toEqual(["VendorScoreLib_"]);
    // What a load actually puts on the global object: the declarations above and the library's cache, nothing else.
    const ctx = loadBundle(dir);
    expect(Object.keys(ctx).sort()).toEqual([...expected, "VendorScoreLib_"].sort());
  });

  it("carries @customfunction JSDoc with the catalog's description and @param lines above every custom function", () => {
    for (const def of DEFINITIONS) {
      const at = code.indexOf(`\nfunction ${def.name}(`);
      const doc = code.slice(code.lastIndexOf("/**", at), at);
      expect(doc).toContain("@customfunction");
      expect(doc).toContain(def.description);
      for (const p of def.params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${p.name} ${p.optional ? "\\(optional\\) " : ""}\\S`));
      expect(code.slice(at)).toMatch(new RegExp(`^\\nfunction ${def.name}\\(${def.params.map((p) => p.name).join(", ")}\\)`));
    }
  });

  it("targets ES2019: no class fields, optional chaining or nullish operators survive in the script", () => {
    expect(code).not.toMatch(/\?\.[A-Za-z_$(]/);
    expect(code).not.toMatch(/\?\?=?/);
  });

  it("runs nothing when loaded: no service is touched, the library is evaluated on first use only", () => {
    const touched: string[] = [];
    const trap = (name: string) => new Proxy({}, { get: (_t, k) => (touched.push(`${name}.${String(k)}`), () => undefined) });
    const ctx = loadBundle(dir, { SpreadsheetApp: trap("SpreadsheetApp"), PropertiesService: trap("PropertiesService"), ScriptApp: trap("ScriptApp") });
    expect(touched).toEqual([]);
    expect(ctx.VendorScoreLibCache_).toBeUndefined();
  });

  it("computes VENDORSCORE on the sample PO lines in a bare vm with no Google globals", () => {
    const ctx = loadBundle(dir);
    const rows = sampleCsv("po-lines");
    const sheet = typed(rows, ([y, m, d, h, mi]) => new Date(y, m - 1, d, h, mi));
    const asOf = serial("2025-03-31");
    const vendor = String(rows[1]![1]);
    const expected = catalog.VENDORSCORE.fn(typed(rows, ([y, m, d, h, mi]) => serial(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")} ${h}:${mi}`)), vendor, undefined, asOf);
    expect(typeof expected).toBe("number");
    expect(ctx.VENDORSCORE!(sheet, vendor, undefined, asOf)).toBe(expected);
  });

  it("runs where code generation from strings is disabled: VENDORSCORE and VENDORSURVEY give the same values", () => {
    const ctx = loadBundle(dir, {}, { codeGeneration: { strings: false, wasm: false } });
    expect(() => vm.runInContext('new Function("return 1")', ctx)).toThrow(/Code generation from strings disallowed/);
    const rows = sampleCsv("po-lines");
    const asOf = serial("2025-03-31");
    const vendor = String(rows[1]![1]);
    const expected = catalog.VENDORSCORE.fn(typed(rows, ([y, m, d, h, mi]) => serial(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")} ${h}:${mi}`)), vendor, undefined, asOf);
    expect(typeof expected).toBe("number");
    expect(ctx.VENDORSCORE!(typed(rows, ([y, m, d, h, mi]) => vmDate(ctx, new Date(y, m - 1, d, h, mi).toISOString())), vendor, undefined, asOf)).toBe(expected);
    const survey = [["Supplier", "Question", "Rating", "Weight"], ["Acme", "Quality", 2, 1], ["Acme", "Quality", 5, 3], ["Acme", "Quality", 3, 1]];
    expect(ctx.VENDORSURVEY!(survey, "acme", "quality")).toEqual([[5]]);
  });

  it("scores formula KPIs and a survey criterion where code generation from strings is disabled, as the core does", () => {
    const ctx = loadBundle(dir, {}, { codeGeneration: { strings: false, wasm: false } });
    const rows = sampleCsv("po-lines");
    const asOf = serial("2025-03-31");
    const vendor = String(rows[1]![1]);
    const weights = [
      ["kpi", "weight", "target", "floor", "formula"],
      ["on_time", 2, "", "", ""],
      ["First-pass yield", 1, 1, 0.9, "1 - sum([Rejected Qty]) / sum([Received Qty])"],
      ["Compliant share", 1, 1, 0.5, "if(count([Compliance]) > 0, share([Compliance]), 0)"],
      ["Responsiveness", 1, "", "", ""],
    ];
    const survey = [["Supplier", "Question", "Rating"], [vendor, "Responsiveness", 4], [vendor, "Responsiveness", 2], ["Someone", "Responsiveness", 5], ["Someone", "Responsiveness", 1]];
    const serials = typed(rows, ([y, m, d, h, mi]) => serial(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")} ${h}:${mi}`));
    const expected = catalog.VENDORSCORE.fn(serials, vendor, weights, asOf, survey);
    expect(typeof expected).toBe("number");
    const dates = typed(rows, ([y, m, d, h, mi]) => vmDate(ctx, new Date(y, m - 1, d, h, mi).toISOString()));
    expect(ctx.VENDORSCORE!(dates, vendor, weights, asOf, survey)).toBe(expected);
    expect(ctx.VENDORKPI!(dates, vendor, "first-pass yield", asOf, weights)).toBe(catalog.VENDORKPI.fn(serials, vendor, "First-pass yield", asOf, weights));
  });

  it("throws a core error with its sheet code first, which Sheets shows as #ERROR! with the message", () => {
    const ctx = loadBundle(dir);
    const sheet = typed(sampleCsv("po-lines"), ([y, m, d]) => new Date(y, m - 1, d));
    expect(() => ctx.VENDORSCORE!(sheet, "Nobody Ltd")).toThrow(/^#N\/A: .*Nobody Ltd/);
    expect(() => ctx.VENDORSCORE!(sheet, "Acme Metals", [["kpi", "weight"], ["on_time", "abc"]])).toThrow(/^#VALUE!: .*abc/);
  });
});
