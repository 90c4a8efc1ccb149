import { formatSerial, type Serial } from "../cell/date";
import { CoreError } from "../cell/error";
import type { Contract } from "./read";
import { rolledTerm, type Term } from "./term";

/** Where a contract stands at the as-of day, first match wins in this order. */
export type ContractState = "not started" | "expired" | "notice passed" | "notice due" | "active";

export interface ContractStatus {
  /** The current term (the last one for an expired contract). */
  readonly term: Term;
  /** The current term's end minus the notice days. */
  readonly noticeBy: Serial;
  /** noticeBy - the as-of day: negative once passed. */
  readonly daysToNotice: number;
  readonly state: ContractState;
}

/** Days before the notice date from which a contract is `notice due`, by default. */
export const DEFAULT_WARN_DAYS = 90;

/**
 * The term of a contract that holds the as-of day: as written, or, for an auto-renewing contract
 * whose end is before that day, rolled forward term by term (see {@link rolledTerm}). A roll
 * needs a start; without one it is a problem of the row.
 *
 * @example currentTerm({ start: serialOf(2024, 1, 1), end: serialOf(2024, 12, 31), autoRenew: true, notice: 0, value: undefined }, serialOf(2026, 3, 1)) // 2026-01-01 to 2026-12-31
 */
export function currentTerm(c: Contract, day: Serial): Term | CoreError {
  if (!c.autoRenew || c.end >= day) return { start: c.start, end: c.end };
  if (c.start === undefined) {
    return new CoreError("bad_argument", `the contract renews automatically and ended on ${formatSerial(c.end)}, so it has rolled forward, but it has no start date to count its terms from: give its start.`, { field: "start" });
  }
  return rolledTerm({ start: c.start, end: c.end }, day);
}

/**
 * A contract's status at an as-of day (whole days): `not started` before its start, `expired`
 * after the end of a contract that does not renew, `notice passed` after the notice date (the
 * term will end or renew whatever is done now), `notice due` from `warnDays` days before the
 * notice date, else `active`.
 *
 * @example contractStatus({ start: serialOf(2025, 1, 1), end: serialOf(2025, 12, 31), notice: 60, autoRenew: false, value: undefined }, serialOf(2025, 9, 1), 90).state // "notice due": notice by 2025-11-01
 */
export function contractStatus(c: Contract, asOf: Serial, warnDays: number = DEFAULT_WARN_DAYS): ContractStatus | CoreError {
  const day = Math.floor(asOf);
  const term = currentTerm(c, day);
  if (term instanceof CoreError) return term;
  const noticeBy = term.end - c.notice;
  const state: ContractState =
    c.start !== undefined && day < c.start ? "not started"
    : !c.autoRenew && day > c.end ? "expired"
    : day > noticeBy ? "notice passed"
    : day >= noticeBy - warnDays ? "notice due"
    : "active";
  return { term, noticeBy, daysToNotice: noticeBy - day, state };
}

/**
 * Every day a contract has covered up to its current term's end: its terms as rolled are
 * contiguous, so they make one span from the start (or from any day, without one).
 *
 * @example coverage({ start: serialOf(2024, 1, 1), end: serialOf(2024, 6, 30), autoRenew: false, notice: 0, value: undefined }, serialOf(2025, 1, 1)) // { start: 2024-01-01, end: 2024-06-30 }
 */
export function coverage(c: Contract, asOf: Serial): Term | CoreError {
  const term = currentTerm(c, Math.floor(asOf));
  return term instanceof CoreError ? term : { start: c.start, end: term.end };
}
