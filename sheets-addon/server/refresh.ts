import type { HostResult } from "../../panel/host";
import type { Doc } from "./doc";
import { compute, write } from "./reports";

/**
 * Apps Script stops any execution at 6 minutes. A refresh stops starting reports at 4,
 * leaving room for the slowest report seen so far plus the final writes.
 */
export const TIME_BUDGET_MS = 4 * 60_000;

export interface RefreshOptions {
  readonly budgetMs?: number;
}

const WAITING = "Not refreshed yet: the last run reached its time limit; this report goes first on the next run.";

/**
 * Recomputes every stored report under the document lock. Each report is computed in full
 * before anything is written, so a run that stops is never half-written; reports left over
 * are remembered and go first next time. Triggers do not re-run custom functions, so this
 * writes values.
 */
export function refreshDocument(doc: Doc, options: RefreshOptions = {}): HostResult {
  const budget = options.budgetMs ?? TIME_BUDGET_MS;
  const start = Date.now();
  return withDocumentLock(() => {
    const result = refreshLocked(doc, start, budget);
    doc.store.setLastRun({ at: doc.now().toISOString(), message: result.message, ok: result.ok });
    SpreadsheetApp.flush();
    return result;
  });
}

/**
 * Runs work that reads and writes the document's vendorscore state (the sheets it owns, the
 * stored reports) under the document lock, so Generate and a scheduled refresh never interleave.
 */
export function withDocumentLock(work: () => HostResult): HostResult {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(20_000)) return { ok: false, message: "Another refresh of this spreadsheet is running: try again in a minute." };
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

function refreshLocked(doc: Doc, start: number, budget: number): HostResult {
  const stored = doc.store.reports();
  const damaged = stored.filter((e) => !e.def);
  const pending = doc.store.pending();
  const defs = stored.flatMap((e) => (e.def ? [e.def] : []));
  // Left-over reports first, then the stalest.
  const rank = (id: string) => {
    const i = pending.indexOf(id);
    return i < 0 ? pending.length : i;
  };
  defs.sort((a, b) => rank(a.id) - rank(b.id) || a.lastRefresh.localeCompare(b.lastRefresh));
  const damagedNote = damaged.length ? ` ${damaged.length} stored report${damaged.length === 1 ? "" : "s"} could not be read (${damaged[0]!.problem})` : "";
  if (defs.length === 0) return { ok: damaged.length === 0, message: damaged.length ? damagedNote.trim() : "No reports to refresh yet: generate one first." };

  const failed: string[] = [];
  let done = 0;
  let slowest = 0;
  let stopAt = defs.length;
  for (let i = 0; i < defs.length; i++) {
    const began = Date.now();
    if (began - start + slowest > budget) {
      stopAt = i;
      break;
    }
    const r = write(doc, compute(doc, defs[i]!, false), false);
    if (r.ok) done++;
    else failed.push(`${defs[i]!.output}: ${r.message}`);
    slowest = Math.max(slowest, Date.now() - began);
  }
  const left = defs.slice(stopAt);
  for (const d of left) if (d.lastError !== WAITING) doc.store.save({ ...d, lastError: WAITING });
  doc.store.setPending(left.map((d) => d.id));

  const total = defs.length;
  const parts = [`Refreshed ${done} of ${total} report${total === 1 ? "" : "s"}.`];
  if (left.length) parts.push(`${left.length} left for the next run (time limit reached).`);
  if (failed.length) parts.push(failed.join(" "));
  if (damagedNote) parts.push(damagedNote.trim() + ".");
  return { ok: failed.length === 0 && left.length === 0 && damaged.length === 0, message: parts.join(" ") };
}
