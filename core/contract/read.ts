import { isBlank } from "../cell/blank";
import type { Serial } from "../cell/date";
import { CoreError, quote } from "../cell/error";
import type { CellValue, Range } from "../cell/types";
import { headerRowOf, parseColumns, type ReadSettings } from "../table/read";
import { vendorName } from "../table/vendors";
import { CONTRACT_SCHEMA, type ContractField } from "./schema";

/** One contract as written, its dates as whole days. */
export interface Contract {
  readonly start: Serial | undefined;
  readonly end: Serial;
  /** Days before the end by which notice must be given; 0 when blank. */
  readonly notice: number;
  readonly value: number | undefined;
  readonly autoRenew: boolean;
}

/** One row of a contracts range: the contract, or the problem that keeps it from being judged. */
export interface ContractRow {
  /** Row of the range, 1-based (titles and the header row count). */
  readonly row: number;
  /** The contract's id as written, or `row N` without one. */
  readonly id: string;
  readonly vendor: string;
  readonly contract: Contract | CoreError;
}

const YES = new Set(["yes", "y", "true", "1"]);

/**
 * Reads a contracts range: the header is the first of the top rows holding a vendor header;
 * one row per contract below it, rows with nothing in them left out. Cells are read leniently so
 * that a bad row carries its own problem (a blank or unreadable end, an unreadable date or
 * number, a negative notice period, an end before the start) and the others are still judged.
 * Mapping rows
 * (`end, Expiry`) name the columns of fields whose header none of the usual names match.
 *
 * @example readContracts([["Vendor", "End"], ["Acme", "2025-12-31"]], {})[0].contract // { end: serial of 2025-12-31, notice: 0, ... }
 */
export function readContracts(range: Range, settings: Pick<ReadSettings, "dateOrder" | "decimal" | "mapping">): ContractRow[] {
  const read: ReadSettings = { ...settings, lenient: true };
  const at = headerRowOf(range, CONTRACT_SCHEMA, read);
  const first = Math.max(at, 0) + 1;
  const keep = new Uint8Array(Math.max(0, range.length - first));
  const t = parseColumns(
    range,
    CONTRACT_SCHEMA,
    read,
    {
      skip: () => {
        const skip = new Uint8Array(keep.length);
        for (let r = 0; r < keep.length; r++) {
          keep[r] = range[r + first]!.every((c) => isBlank(c) || c === 0) ? 0 : 1;
          skip[r] = 1 - keep[r]!;
        }
        return skip;
      },
      at,
    },
  );
  const text = (f: ContractField) => t.columns.get(f) as string[] | undefined;
  const num = (f: ContractField) => t.columns.get(f) as Float64Array | undefined;
  const vendor = text("vendor")!;
  const ids = text("contract");
  const [start, end, notice, value] = [num("start"), num("end")!, num("notice"), num("value")];
  const auto = text("auto_renew");
  const rows: ContractRow[] = [];
  for (let r = 0; r < keep.length; r++) {
    if (!keep[r]) continue;
    const row = r + first + 1;
    // Each check names the cell to fix; the first one that fails is the row's problem.
    const cell = (f: ContractField): { header: string; value: CellValue } => {
      const m = t.matches.get(f)!;
      return { header: m.header, value: range[r + first]![m.column] };
    };
    const bad = (f: ContractField, kind: "not_a_date" | "not_a_number" | "bad_argument", message: string) =>
      new CoreError(kind, `Column "${quote(cell(f).header)}", row ${row} of the range: ${message}`, { row, column: cell(f).header, field: f });
    const unreadable = (f: ContractField, col: Float64Array | undefined) => col !== undefined && col[r] !== col[r] && !isBlank(cell(f).value) && cell(f).value !== 0;
    const contract = ((): Contract | CoreError => {
      if (vendor[r] === "") return bad("vendor", "bad_argument", "the vendor is blank; every contract needs its vendor.");
      if (end[r] !== end[r]) {
        return unreadable("end", end)
          ? bad("end", "not_a_date", `"${quote(cell("end").value)}" is not a date; write it as a date cell or as text like 2025-12-31.`)
          : bad("end", "not_a_date", "the end date is blank; every contract needs one.");
      }
      if (unreadable("start", start)) return bad("start", "not_a_date", `"${quote(cell("start").value)}" is not a date; write it as a date cell or as text like 2025-01-01.`);
      if (unreadable("notice", notice)) return bad("notice", "not_a_number", `"${quote(cell("notice").value)}" is not a number of days; write it as a number such as 90.`);
      if (unreadable("value", value)) return bad("value", "not_a_number", `"${quote(cell("value").value)}" is not a number; write it as a number such as 120000.`);
      const days = notice?.[r] ?? NaN;
      if (days < 0) return bad("notice", "bad_argument", `the notice period ${days} is negative; give the days before the end by which notice is due, 0 or more.`);
      const s = start?.[r] ?? NaN;
      const e = Math.floor(end[r]!);
      if (s === s && Math.floor(s) > e) return bad("end", "bad_argument", `the end is before the start; the term runs from start to end, both days included.`);
      const v = value?.[r] ?? NaN;
      return {
        start: s === s ? Math.floor(s) : undefined,
        end: e,
        notice: days === days ? days : 0,
        value: v === v ? v : undefined,
        autoRenew: auto !== undefined && YES.has(auto[r]!.toLowerCase()),
      };
    })();
    const id = ids?.[r] ?? "";
    rows.push({ row, id: id === "" ? `row ${row}` : id, vendor: vendorName(vendor[r]!), contract });
  }
  return rows;
}
