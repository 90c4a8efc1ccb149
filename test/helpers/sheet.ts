import { CoreError, createCatalog, serialOf } from "../../core";
import type { CellValue, Range } from "../../core";

/** A catalog whose "today" is fixed, so tests do not depend on the day they run. */
export const catalog = createCatalog({ today: () => serialOf(2025, 4, 10, 12, 0) });

/** Serial of a wall-clock date written `2025-03-31` or `2025-03-31 14:30`. */
export function serial(text: string): number {
  const [d, t = "00:00"] = text.split(" ");
  const [y, m, day] = d!.split("-").map(Number);
  const [h, mi] = t.split(":").map(Number);
  return serialOf(y!, m!, day!, h!, mi!);
}

/** The same range with every ISO date text turned into an Excel serial or a `Date` (Sheets). */
export function withDates(range: Range, as: "serial" | "Date"): Range {
  return range.map((row, i) =>
    i === 0
      ? row
      : row.map((v: CellValue) => {
          if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(v)) return v;
          if (as === "serial") return serial(v);
          const [d, t = "00:00"] = v.split(" ");
          const [y, m, day] = d!.split("-").map(Number);
          const [h, mi] = t.split(":").map(Number);
          return new Date(y!, m! - 1, day!, h!, mi!);
        }),
  );
}

expect.extend({
  toBeCoreError(received: unknown, code: string, ...mentions: string[]) {
    const ok = received instanceof CoreError && received.code === code && mentions.every((m) => received.message.includes(m));
    return {
      pass: ok,
      message: () =>
        `expected a ${code} error mentioning ${mentions.map((m) => JSON.stringify(m)).join(", ")}, got ${
          received instanceof CoreError ? `${received.code}: ${received.message}` : JSON.stringify(received)
        }`,
    };
  },
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeCoreError(code: "#VALUE!" | "#N/A" | "#NUM!", ...mentions: string[]): R;
    }
  }
}
