import { serialOf, serialParts, type Serial } from "../cell/date";

/**
 * A contract's term: both days included. `start` undefined is a term with no first day (a
 * contract written without a start date): every day up to `end` is in it.
 */
export interface Term {
  readonly start: Serial | undefined;
  readonly end: Serial;
}

/**
 * The date `months` months after `day`, on the same day of the month, or on the month's last
 * day when it is shorter (31 January + 1 month is 28 or 29 February).
 *
 * @example addMonths(serialOf(2024, 1, 31), 1) // serial of 2024-02-29
 */
export function addMonths(day: Serial, months: number): Serial {
  const p = serialParts(day);
  const index = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = serialOf(y, m + 1, 1) - serialOf(y, m, 1);
  return serialOf(y, m, Math.min(p.d, last));
}

/**
 * Whole months from `from` to `to` by their month numbers alone (days ignored).
 *
 * @example monthsBetween(serialOf(2024, 11, 30), serialOf(2025, 2, 1)) // 3
 */
function monthsBetween(from: Serial, to: Serial): number {
  const a = serialParts(from);
  const b = serialParts(to);
  return (b.y - a.y) * 12 + (b.m - a.m);
}

/**
 * The term of an auto-renewing contract that holds `day`, rolled forward from its first term
 * [start, end] (whole days, `day` after `end`). When the day after `end` falls on the day of the
 * month `start` does, the term is a number of whole months and the k-th rolled term starts k
 * times that many months after the original start (anniversaries counted from the start, so a
 * start on the 31st comes back to the 31st after a shorter month); otherwise each roll adds the
 * term's length in days, end - start + 1.
 *
 * @example rolledTerm({ start: serialOf(2024, 1, 15), end: serialOf(2024, 2, 14) }, serialOf(2024, 3, 20)) // 2024-03-15 to 2024-04-14
 * @example rolledTerm({ start: serialOf(2025, 1, 1), end: serialOf(2025, 1, 10) }, serialOf(2025, 1, 25)) // 2025-01-21 to 2025-01-30
 */
export function rolledTerm(first: { readonly start: Serial; readonly end: Serial }, day: Serial): Term {
  const { start, end } = first;
  const next = end + 1;
  if (serialParts(next).d === serialParts(start).d) {
    const months = monthsBetween(start, next);
    // Term k ends the day before term k + 1 starts; the month count puts k within one of its value.
    let k = Math.max(1, Math.floor(monthsBetween(start, day) / months) - 1);
    while (addMonths(start, (k + 1) * months) <= day) k++;
    return { start: addMonths(start, k * months), end: addMonths(start, (k + 1) * months) - 1 };
  }
  const length = end - start + 1;
  const k = Math.ceil((day - end) / length);
  return { start: start + k * length, end: end + k * length };
}
