import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";

/** A CSV under test/data (in the repository) as a sheet would hold it pasted as text: header row first, every cell a string. */
export function dataCsv(name: string): string[][] {
  return pasted(join(__dirname, "..", "data", name));
}

function pasted(file: string): string[][] {
  return Papa.parse<string[]>(readFileSync(file, "utf8"), { skipEmptyLines: true }).data;
}
