/**
 * Builds the Excel add-in into dist/excel-addin/: bundles, taskpane.html, functions.json and
 * help.html generated from the catalog, icons, and the manifest for a base URL
 * (https://localhost:3000 unless `--base-url https://host/path` is given).
 *
 *   node -r @swc-node/register scripts/build-excel.ts [--base-url https://example.com/vendorscore]
 */
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFINITIONS } from "../core";
import { functionsJson } from "../excel-addin/metadata";
import { NAMESPACE } from "../excel-addin/namespace";
import { ICON_SIZES, iconPng } from "./icons";
import { buildOfficeScript } from "./build-office-script";

export const ROOT = resolve(__dirname, "..");
export const DEV_BASE_URL = "https://localhost:3000";
export const MANIFEST_SOURCE = join(ROOT, "manifests", "excel-manifest.xml");

export interface ExcelBuildOptions {
  readonly baseUrl?: string;
  readonly outDir?: string;
  readonly minify?: boolean;
}

/** The manifest with every development URL moved to `baseUrl` (no trailing slash). */
export function manifestFor(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (!/^https:\/\//.test(base)) throw new Error(`The add-in's base URL must be https, not "${baseUrl}".`);
  return readFileSync(MANIFEST_SOURCE, "utf8").split(DEV_BASE_URL).join(base);
}

export async function buildExcel(options: ExcelBuildOptions = {}): Promise<string> {
  const out = options.outDir ?? join(ROOT, "dist", "excel-addin");
  const baseUrl = options.baseUrl ?? DEV_BASE_URL;
  mkdirSync(join(out, "assets"), { recursive: true });
  const common = { bundle: true, format: "iife" as const, target: "es2019", minify: options.minify ?? true, sourcemap: true, legalComments: "none" as const, logLevel: "error" as const };
  await build({ ...common, entryPoints: [join(ROOT, "excel-addin", "functions.ts")], outfile: join(out, "functions.js") });
  await build({ ...common, entryPoints: [join(ROOT, "excel-addin", "taskpane.ts")], outfile: join(out, "taskpane.js") });
  writeFileSync(join(out, "taskpane.css"), readFileSync(join(ROOT, "panel", "panel.css"), "utf8") + "\nbody { margin: 0; }\n");
  writeFileSync(join(out, "taskpane.html"), readFileSync(join(ROOT, "excel-addin", "taskpane.html"), "utf8"));
  writeFileSync(join(out, "functions.json"), JSON.stringify(functionsJson(DEFINITIONS, baseUrl), null, 2));
  writeFileSync(join(out, "help.html"), helpPage());
  for (const size of ICON_SIZES) writeFileSync(join(out, "assets", `icon-${size}.png`), iconPng(size));
  writeFileSync(join(out, "manifest.xml"), manifestFor(baseUrl));
  await buildOfficeScript(join(out, "office-script"));
  return out;
}

/** The function reference from the catalog, which each function's help link opens. */
function helpPage(): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const sections = DEFINITIONS.map((d) => {
    const sig = `${NAMESPACE}.${d.name}(${d.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    const params = d.params.map((p) => `<li><code>${esc(p.name)}</code>${p.optional ? " (optional)" : ""}: ${esc(p.description)}</li>`).join("");
    return `<section id="${d.name.toLowerCase()}"><h2><code>${esc(sig)}</code></h2><p>${esc(d.description)}</p><ul>${params}</ul><p>Example: ${esc(d.example.replace(/=([A-Z])/, `=${NAMESPACE}.$1`))}</p></section>`;
  }).join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>vendorscore functions</title><style>body{font:14px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em}code{background:#f3f2f1;padding:0 3px}</style></head><body><h1>vendorscore functions</h1><p>In Excel every function carries the <code>${NAMESPACE}.</code> prefix.</p>\n${sections}\n</body></html>\n`;
}

if (require.main === module) {
  const i = process.argv.indexOf("--base-url");
  const baseUrl = i > 0 ? process.argv[i + 1] : process.env.VS_BASE_URL;
  buildExcel(baseUrl ? { baseUrl } : {}).then(
    (out) => console.log(`Excel add-in built in ${out}${baseUrl ? ` for ${baseUrl}` : " (development: https://localhost:3000)"}`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
