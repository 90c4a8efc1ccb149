import type { Range } from "../core";
import { UsageError } from "./errors";

export type DateOrder = "DMY" | "MDY" | "YMD";
const ORDERS: readonly DateOrder[] = ["DMY", "MDY", "YMD"];

/** The flags that become setting rows of the config range a report takes. */
export interface SettingFlags {
  readonly dateOrder?: string | undefined;
  readonly decimal?: string | undefined;
  readonly headerRow?: string | undefined;
}

/**
 * Setting rows for `--date-order`, `--decimal` and `--header-row`, in the form a weights or
 * policy range takes them (`date_order, DMY`): the core reads them as it reads them from a
 * sheet, so the command line has no settings of its own.
 *
 * @example settingRows({ dateOrder: "dmy" }) // [["date_order", "DMY"]]
 */
export function settingRows(flags: SettingFlags): Range {
  const rows: Range = [];
  const order = dateOrder(flags.dateOrder);
  if (order) rows.push(["date_order", order]);
  if (flags.decimal !== undefined) {
    const d = flags.decimal.trim().toLowerCase();
    if (d !== "comma" && d !== "point") throw new UsageError(`--decimal ${flags.decimal}: use comma (235,0 and 1.234,56) or point.`);
    rows.push(["decimal", d]);
  }
  if (flags.headerRow !== undefined) {
    const n = headerRow(flags.headerRow);
    rows.push(["header_row", n]);
  }
  return rows;
}

export function dateOrder(flag: string | undefined): DateOrder | undefined {
  if (flag === undefined) return undefined;
  const o = flag.trim().toUpperCase() as DateOrder;
  if (!ORDERS.includes(o)) throw new UsageError(`--date-order ${flag}: use DMY, MDY or YMD.`);
  return o;
}

export function headerRow(flag: string): number {
  const n = Number(flag);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--header-row ${flag}: give the header's row number, 1 or more.`);
  return n;
}

const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const pad = (n: number) => String(n).padStart(2, "0");
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * `--as-of` text in the order `--date-order` gives, as ISO text the core reads the same in every
 * setting: `31/12/2025` with DMY -> `2025-12-31`. Without `--date-order`, a numeric date is taken
 * only when it is unambiguous (a part over 12, or day = month); `03/04/2025` is refused. An
 * impossible date is refused. Any other text (ISO, `today`, `2 Jun 2025`) goes to the core as given.
 *
 * @example asOfText("31/12/2025 17:00", "DMY") // "2025-12-31 17:00"
 */
export function asOfText(text: string, order: DateOrder | undefined): string {
  const t = NUMERIC.exec(text.trim());
  if (!t) return text;
  const [a, b, c] = [Number(t[1]), Number(t[2]), Number(t[3])];
  const time = t[4] ? ` ${t[4].trim()}` : "";
  const yearFirst = t[1]!.length === 4;
  let y: number, m: number, d: number;
  if (yearFirst) [y, m, d] = [a, b, c];
  else {
    if (t[3]!.length !== 4) throw new UsageError(`--as-of ${text}: write the year with four digits, or use ISO form such as 2025-12-31.`);
    y = c;
    const o = order ?? (a > 12 && b <= 12 ? "DMY" : b > 12 && a <= 12 ? "MDY" : a === b ? "DMY" : undefined);
    if (o === undefined) throw new UsageError(`--as-of ${text} is ambiguous (day and month could be either); give --date-order DMY or MDY, or write ${y}-${pad(b)}-${pad(a)} or ${y}-${pad(a)}-${pad(b)}.`);
    if (o === "YMD") throw new UsageError(`--as-of ${text}: with --date-order YMD write the year first, as in 2025-12-31.`);
    [d, m] = o === "DMY" ? [a, b] : [b, a];
  }
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m) || y < 1900) throw new UsageError(`--as-of ${text} is not a date${order ? ` in ${order} order` : ""}.`);
  return `${y}-${pad(m)}-${pad(d)}${time}`;
}
