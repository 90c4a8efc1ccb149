import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";

/** A CSV under shared/data as a sheet would hold it pasted as text: header row first, every cell a string. */
export function sharedCsv(name: string): string[][] {
  const text = readFileSync(join(__dirname, "..", "..", "..", "shared", "data", name), "utf8");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  return parsed.data;
}
