import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Placeholder until the Office Script generator lands. */
export async function buildOfficeScript(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "README.txt"), "Office Script generation pending.\n");
}
