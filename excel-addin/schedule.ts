import type { Schedule } from "../panel/host";

export const INTERVAL_MS: Readonly<Record<Schedule, number>> = { off: 0, "15min": 15 * 60_000, hourly: 60 * 60_000 };

/** Reports older than this are refreshed when the workbook opens. */
export const STALE_ON_OPEN_MS = 5 * 60_000;

/**
 * The interval refresh while the workbook is open. It lives in the shared runtime, so it keeps
 * running with the task pane closed, and stops with the document. One timer at a time.
 */
export class RefreshTimer {
  private handle: ReturnType<typeof setInterval> | undefined;
  private running = false;

  constructor(private readonly refresh: () => Promise<unknown>) {}

  set(schedule: Schedule): void {
    if (this.handle !== undefined) clearInterval(this.handle);
    this.handle = undefined;
    const ms = INTERVAL_MS[schedule];
    if (ms > 0) this.handle = setInterval(() => void this.tick(), ms);
  }

  /** A refresh that is still running when the next tick comes is not started twice. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.refresh();
    } finally {
      this.running = false;
    }
  }
}
