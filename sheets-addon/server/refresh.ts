import { refresh, runSync } from "../../core/report";
import type { HostResult } from "../../panel/host";
import type { Doc } from "./doc";
import { SheetsWorkbook } from "./workbook";

/**
 * Apps Script stops any execution at 6 minutes. A refresh stops starting reports at 4,
 * leaving room for the slowest report seen so far plus the final writes.
 */
export const TIME_BUDGET_MS = 4 * 60_000;

export interface RefreshOptions {
  readonly budgetMs?: number;
  /** Only this report. */
  readonly id?: string;
}

/**
 * Refreshes the stored reports under the document lock with the report use case: each on its
 * own, a failure kept to its report. Reports a run could not start in time go first next time.
 * Triggers do not re-run custom functions, so this writes values.
 */
export function refreshDocument(doc: Doc, options: RefreshOptions = {}): HostResult {
  return withDocumentLock(() => {
    const r = runSync(
      refresh(
        { now: doc.now, cx: doc.cx },
        { first: doc.store.pending(), budgetMs: options.budgetMs ?? TIME_BUDGET_MS, clock: () => Date.now(), ...(options.id ? { ids: [options.id] } : {}) },
      ),
      new SheetsWorkbook(doc),
    );
    if (!options.id) doc.store.setPending(r.left ?? []);
    doc.store.setLastRun({ at: doc.now().toISOString(), message: r.message, ok: r.ok });
    SpreadsheetApp.flush();
    return { ok: r.ok, message: r.message };
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
