#!/usr/bin/env node
// Runs the TypeScript entry without a build step: @swc-node/register compiles it on load,
// with the repository's tsconfig whatever the working directory.
"use strict";
const path = require("node:path");
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, "..", "tsconfig.json");
require("@swc-node/register");
require("./main.ts");
