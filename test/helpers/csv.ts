import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";

/** A CSV under shared/data (beside the repository: `npm run test:realdata` only) as a sheet would hold it pasted as text: header row first, every cell a string. */
export function sharedCsv(name: string): string[][] {
  return pasted(join(__dirname, "..", "..", "..", "shared", "data", name));
}

/** A CSV under test/data (in the repository) as a sheet would hold it pasted as text. */
export function dataCsv(name: string): string[][] {
  return pasted(join(__dirname, "..", "data", name));
}

function pasted(file: string): string[][] {
  return Papa.parse<string[]>(readFileSync(file, "utf8"), { skipEmptyLines: true }).data;
}
