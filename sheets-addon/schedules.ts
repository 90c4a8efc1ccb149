import type { Schedule } from "../panel/host";

/** What Sheets can run: add-on time triggers fire at most hourly; daily and weekly at an hour of the spreadsheet's zone. */
export const SHEETS_SCHEDULES: readonly Schedule[] = ["off", "hourly", ...hours("daily"), ...hours("weekly")];

function hours(kind: "daily" | "weekly"): Schedule[] {
  return Array.from({ length: 24 }, (_, h) => `${kind}@${h}` as Schedule);
}
