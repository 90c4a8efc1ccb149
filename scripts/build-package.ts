/**
 * Builds what `npm pack` ships into dist/package/: the library for `require` and `import`
 * (`vendorscore` and `vendorscore/sql`), its type declarations, and the command line as one
 * bundle, so an installed package needs neither TypeScript nor the development dependencies.
 * Run by `npm pack` (prepack).
 *
 *   node -r @swc-node/register scripts/build-package.ts
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build, type BuildOptions } from "esbuild";

const ROOT = resolve(__dirname, "..");
export const PACKAGE_DIR = join(ROOT, "dist", "package");
/** Loaded from node_modules when used: an .xlsx file (exceljs), the DuckDB engine (a native module). */
const EXTERNAL = ["exceljs", "@duckdb/node-api"];

export async function buildPackage(): Promise<void> {
  rmSync(PACKAGE_DIR, { recursive: true, force: true });
  const common: BuildOptions = { bundle: true, platform: "node", target: "node20", external: EXTERNAL, legalComments: "none", logLevel: "error" };
  for (const name of ["index", "sql"]) {
    const entryPoints = [join(ROOT, "lib", `${name}.ts`)];
    await build({ ...common, entryPoints, format: "cjs", outfile: join(PACKAGE_DIR, `${name}.js`) });
    await build({ ...common, entryPoints, format: "esm", outfile: join(PACKAGE_DIR, `${name}.mjs`) });
  }
  await build({ ...common, entryPoints: [join(ROOT, "cli", "main.ts")], format: "cjs", outfile: join(PACKAGE_DIR, "cli.js") });
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "lib", "tsconfig.json")], { encoding: "utf8" });
  if (tsc.status !== 0) throw new Error(`type declarations: ${tsc.stdout}${tsc.stderr}`);
}

if (require.main === module) {
  buildPackage().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
