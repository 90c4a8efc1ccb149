#!/usr/bin/env node
// Runs the TypeScript command line from one JavaScript bundle that esbuild builds on the first run
// and again whenever one of its source files changes (their sizes and times are kept beside it).
// Compiling on load instead costs about half a second per run. The bundle lives in .cache/ of this
// checkout, not node_modules/.cache: node_modules may be shared by several checkouts (linked),
// and a bundle belongs to the sources it was built from. Without esbuild (an install without dev
// dependencies) the entry is compiled on load by @swc-node/register as before. An installed package
// has no TypeScript sources: it runs the bundle `npm pack` built into dist/package/cli.js.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const dir = process.env.VENDORSCORE_CACHE_DIR || path.join(root, ".cache", "cli");
const bundle = path.join(dir, "vendorscore.js");
const inputsFile = path.join(dir, "inputs.json");

function fresh() {
  try {
    const inputs = JSON.parse(fs.readFileSync(inputsFile, "utf8"));
    for (const [file, stamp] of Object.entries(inputs)) {
      const s = fs.statSync(path.join(root, file));
      if (`${s.size}:${s.mtimeMs}` !== stamp) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function resolvable(name) {
  try {
    require.resolve(name, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function build() {
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    entryPoints: [path.join(__dirname, "main.ts")],
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Everything in one file but exceljs, which loads from node_modules only when an .xlsx file is read or written,
    // and DuckDB's native module, loaded only by the DuckDB engine. DuckDB's JavaScript API is bundled when it is
    // installed: loaded from its hundred-odd files it costs the engine some 50 ms at every start.
    external: ["exceljs", "@duckdb/node-bindings", ...(resolvable("@duckdb/node-api") ? [] : ["@duckdb/node-api"])],
    metafile: true,
    write: false,
    logLevel: "silent",
    outfile: bundle,
  });
  const inputs = {};
  // This file too: a change to the build options here builds again.
  for (const file of [...Object.keys(result.metafile.inputs), path.relative(root, __filename)]) {
    const s = fs.statSync(path.join(root, file));
    inputs[file] = `${s.size}:${s.mtimeMs}`;
  }
  fs.mkdirSync(dir, { recursive: true });
  // Several runs may build at once (parallel tests): each writes its own files and renames them into place.
  const tmp = `.${process.pid}.tmp`;
  fs.writeFileSync(bundle + tmp, result.outputFiles[0].contents);
  fs.writeFileSync(inputsFile + tmp, JSON.stringify(inputs));
  fs.renameSync(bundle + tmp, bundle);
  fs.renameSync(inputsFile + tmp, inputsFile);
}

function run() {
  // An installed package: no sources, the bundle built when it was packed.
  if (!fs.existsSync(path.join(__dirname, "main.ts"))) return require(path.join(root, "dist", "package", "cli.js"));
  let built = fresh();
  if (!built) {
    try {
      build();
      built = true;
    } catch {
      built = false;
    }
  }
  if (built) return require(bundle);
  process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(root, "tsconfig.json");
  require("@swc-node/register");
  return require("./main.ts");
}

run();
