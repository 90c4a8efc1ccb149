/**
 * Builds the preview (dist/preview/): the Excel add-in's real task-pane bundle beside a page
 * that runs it against the in-memory sample workbook. Used by `npm start` and the browser test.
 */
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, buildExcel } from "./build-excel";

export async function buildPreview(outDir = join(ROOT, "dist", "preview")): Promise<string> {
  const addin = await buildExcel({ outDir: join(outDir, "addin") });
  mkdirSync(outDir, { recursive: true });
  await build({ entryPoints: [join(ROOT, "preview", "page.ts")], outfile: join(outDir, "preview.js"), bundle: true, format: "iife", target: "es2019", loader: { ".csv": "text" }, sourcemap: true, logLevel: "error" });
  for (const f of ["taskpane.js", "taskpane.js.map", "taskpane.css"]) copyFileSync(join(addin, f), join(outDir, f));
  for (const f of ["index.html", "preview.css"]) copyFileSync(join(ROOT, "preview", f), join(outDir, f));
  return outDir;
}
