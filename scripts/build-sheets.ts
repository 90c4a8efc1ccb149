/**
 * Builds the Google Sheets add-on into dist/sheets-addon/, the folder `clasp push` uploads:
 * Code.js (the bundle as a private lazily loaded library plus generated top-level stubs),
 * Sidebar.html (the panel with its JS and CSS inlined) and appsscript.json.
 *
 *   node -r @swc-node/register scripts/build-sheets.ts [--out dir]
 */
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { DEFINITIONS } from "../core";
import type { FunctionDef, ParamSpec } from "../core";

export const ROOT = resolve(__dirname, "..");
/** The private library: a function ending in "_", so neither the sheet nor the client can call it. */
export const LIBRARY = "VendorScoreLib_";

const common = { bundle: true, format: "iife" as const, target: "es2019", minify: true, legalComments: "none" as const, logLevel: "error" as const, write: false };

export interface SheetsBuild {
  readonly outDir: string;
  readonly code: string;
  readonly sidebar: string;
}

export async function buildSheets(outDir = join(ROOT, "dist", "sheets-addon")): Promise<SheetsBuild> {
  mkdirSync(outDir, { recursive: true });
  const lib = await build({ ...common, entryPoints: [join(ROOT, "sheets-addon", "entry.ts")], globalName: "vendorscore" });
  const client = await build({ ...common, entryPoints: [join(ROOT, "sheets-addon", "client", "sidebar.ts")] });
  const library = wrapLibrary(lib.outputFiles![0]!.text);
  const code = `${library}\n${stubs(library)}`;
  const sidebar = sidebarHtml(client.outputFiles![0]!.text, readFileSync(join(ROOT, "panel", "panel.css"), "utf8"));
  writeFileSync(join(outDir, "Code.js"), code);
  writeFileSync(join(outDir, "Sidebar.html"), sidebar);
  writeFileSync(join(outDir, "appsscript.json"), readFileSync(join(ROOT, "manifests", "appsscript.json"), "utf8"));
  return { outDir, code, sidebar };
}

/**
 * Apps Script evaluates every file on every call, custom functions included, so the library is
 * evaluated on first use only: loading Code.js declares functions and nothing else.
 */
function wrapLibrary(iife: string): string {
  return [
    "var VendorScoreLibCache_;",
    `function ${LIBRARY}() {`,
    "  if (!VendorScoreLibCache_) {",
    // The directive would sit mid-function; the library is strict-safe either way.
    iife.replace(/^"use strict";/, ""),
    "    VendorScoreLibCache_ = vendorscore;",
    "  }",
    "  return VendorScoreLibCache_;",
    "}",
  ].join("\n");
}

/** The names the library exports, read from the built code itself so a stub cannot go missing. */
function exported(library: string): { functions: string[]; endpoints: string[]; handlers: string[] } {
  const lib = runInNewContext(`${library}\n${LIBRARY}()`, {}) as Record<string, Record<string, unknown>>;
  return { functions: Object.keys(lib.functions!), endpoints: Object.keys(lib.endpoints!), handlers: Object.keys(lib.handlers!) };
}

const JSDOC_TYPE: Record<ParamSpec["type"], string> = { range: "Array<Array<*>>", number: "number", string: "string", date: "Date|string", any: "*" };

function jsdoc(def: FunctionDef): string {
  const clean = (s: string) => s.replace(/\*\//g, "* /").replace(/\s+/g, " ").trim();
  const lines = [clean(def.description), "", `Example: ${clean(def.example)}`, ""];
  for (const p of def.params) lines.push(`@param {${JSDOC_TYPE[p.type]}} ${p.name} ${p.optional ? "(optional) " : ""}${clean(p.description)}`);
  lines.push(`@return ${def.result === "table" ? "A table that spills, header row first." : `The ${def.result}.`}`, "@customfunction");
  return `/**\n${lines.map((l) => (l ? ` * ${l}` : " *")).join("\n")}\n */`;
}

/** Top-level declarations Apps Script can see: custom functions with JSDoc, menu/trigger handlers, sidebar endpoints. */
function stubs(library: string): string {
  const names = exported(library);
  const byName = new Map<string, FunctionDef>(DEFINITIONS.map((d) => [d.name, d]));
  const out: string[] = [];
  for (const name of names.functions) {
    const def = byName.get(name);
    if (!def) throw new Error(`The bundle exports ${name}, which is not in the catalog.`);
    const params = def.params.map((p) => p.name).join(", ");
    out.push(jsdoc(def), `function ${name}(${params}) {\n  return ${LIBRARY}().functions.${name}(${params});\n}`);
  }
  for (const name of names.handlers) out.push(`/** Menu, install and trigger handler. */\nfunction ${name}(e) {\n  return ${LIBRARY}().handlers.${name}(e);\n}`);
  for (const name of names.endpoints) out.push(`/** Sidebar endpoint (google.script.run). */\nfunction ${name}() {\n  return ${LIBRARY}().endpoints.${name}.apply(null, arguments);\n}`);
  return out.join("\n\n") + "\n";
}

/** One HTML file: Apps Script serves no separate JS or CSS. */
function sidebarHtml(js: string, css: string): string {
  const script = js.replace(/<\/script/gi, "<\\/script");
  return `<!DOCTYPE html>
<html>
<head>
<base target="_top">
<meta charset="utf-8">
<style>
${css}
body { margin: 0; }
</style>
</head>
<body>
<div id="app"></div>
<script>
${script}
</script>
</body>
</html>
`;
}

if (require.main === module) {
  const i = process.argv.indexOf("--out");
  buildSheets(i > 0 ? resolve(process.argv[i + 1]!) : undefined).then(
    (b) => console.log(`Sheets add-on built in ${b.outDir} (Code.js ${(b.code.length / 1024).toFixed(0)} KB, Sidebar.html ${(b.sidebar.length / 1024).toFixed(0)} KB)`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
