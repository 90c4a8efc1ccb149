import { isBlank } from "../cell/blank";
import { quote } from "../cell/error";
import { parseNumber } from "../cell/number";
import type { CellValue } from "../cell/types";
import type { ConfigRow } from "../config/rows";

/** What a standing means for new orders. */
export type StandingAction = "none" | "warn" | "review" | "block";
const ACTIONS: readonly StandingAction[] = ["none", "warn", "review", "block"];

/** Colour names a standing may use, as the hosts paint them. */
export const STANDING_COLOURS: Readonly<Record<string, string>> = {
  red: "#C00000",
  orange: "#ED7D31",
  yellow: "#FFC000",
  green: "#70AD47",
  blue: "#4472C4",
  purple: "#7030A0",
  grey: "#A5A5A5",
};

/** A band of scores: min <= score < max (the top band includes 100). */
export interface Standing {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** `#RRGGBB`; undefined where the row gives none. */
  readonly colour?: string;
  readonly action: StandingAction;
}

/** Today's grades as standings: A [90, 100], B [75, 90), C [60, 75), D [0, 60). */
export const DEFAULT_STANDINGS: readonly Standing[] = [
  { name: "D", min: 0, max: 60, action: "none" },
  { name: "C", min: 60, max: 75, action: "none" },
  { name: "B", min: 75, max: 90, action: "none" },
  { name: "A", min: 90, max: 100, action: "none" },
];

/** How close two bounds must be to meet: a band ending at 49.999999999999 and one starting at 50 leave nothing uncovered. */
const EPS = 1e-9;

/**
 * The standing of a score: the band with min <= score < max, the top band including 100. A score
 * a rounding step below a bound (89.99999999999999 from a defect rate of exactly 0.0095) is at it.
 *
 * @example standingOf(90, DEFAULT_STANDINGS).name // "A"
 */
export function standingOf(score: number, standings: readonly Standing[] = DEFAULT_STANDINGS): Standing {
  const s = score + EPS;
  // Sorted by min (readStandings sorts them): the last band whose min the score reaches.
  let found = standings[0]!;
  for (const b of standings) if (s >= b.min) found = b;
  return found;
}

/** A standing row read, with the row it came from for messages. */
export interface StandingRow extends Standing {
  readonly row: number;
}

/** What is wrong with a standings row: the message and the row and column to point at. */
export interface StandingProblem {
  readonly row: number;
  readonly column: number;
  readonly wrong: string;
}

/**
 * One `standing, name, min, max, [colour], [action]` row of a weights range.
 *
 * @example readStanding(row(["standing", "Poor", 30, 50, "yellow", "Warn"])) // { name: "Poor", min: 30, max: 50, colour: "#FFC000", action: "warn" }
 */
export function readStanding(r: ConfigRow): StandingRow | StandingProblem {
  const [, nameCell, minCell, maxCell, colourCell, actionCell] = r.cells;
  const at = (column: number, wrong: string): StandingProblem => ({ row: r.row, column, wrong });
  if (isBlank(nameCell)) return at(2, "a standing needs a name in the 2nd column (standing, name, min, max, colour, action).");
  const name = String(nameCell).trim();
  const bound = (v: CellValue, which: string, column: number): number | StandingProblem => {
    // 0 is a real bound here (the bottom band starts at it), never read as an older Excel build's blank.
    const n = isBlank(v) ? NaN : parseNumber(v);
    return Number.isFinite(n) ? n : at(column, `standing "${quote(name)}" needs its ${which} score, a number from 0 to 100, not "${quote(v)}".`);
  };
  const min = bound(minCell, "lowest", 3);
  if (typeof min !== "number") return min;
  const max = bound(maxCell, "highest", 4);
  if (typeof max !== "number") return max;
  if (!(min < max)) return at(3, `standing "${quote(name)}" has min ${min} not below max ${max}: give min < max.`);
  if (min < -EPS || max > 100 + EPS) return at(min < -EPS ? 3 : 4, `standing "${quote(name)}" runs ${min}-${max}, outside 0-100.`);
  let colour: string | undefined;
  if (!isBlank(colourCell) && colourCell !== 0) {
    const c = String(colourCell).trim().toLowerCase();
    colour = STANDING_COLOURS[c] ?? (/^#[0-9a-f]{6}$/.test(c) ? c.toUpperCase() : undefined);
    if (colour === undefined) return at(5, `standing "${quote(name)}": colour "${quote(colourCell)}" is not one of ${Object.keys(STANDING_COLOURS).join(", ")} or #RRGGBB.`);
  }
  let action: StandingAction = "none";
  if (!isBlank(actionCell) && actionCell !== 0) {
    const a = String(actionCell).trim().toLowerCase();
    if (!(ACTIONS as readonly string[]).includes(a)) return at(6, `standing "${quote(name)}": action "${quote(actionCell)}" must be none, warn, review or block.`);
    action = a as StandingAction;
  }
  return { row: r.row, name, min, max, ...(colour ? { colour } : {}), action };
}

/**
 * Checks that standings cover 0 to 100 with no gap and no overlap (bounds compared within 1e-9)
 * and returns them sorted by min, or the first problem, placed at the row that shows it.
 *
 * @example checkStandings([{ name: "Low", min: 0, max: 50 }, { name: "High", min: 60, max: 100 }]) // "standings leave 50-60 uncovered", at High's row
 */
export function checkStandings(rows: readonly StandingRow[]): readonly Standing[] | StandingProblem {
  const sorted = [...rows].sort((a, b) => a.min - b.min || a.max - b.max);
  const names = new Set<string>();
  for (const b of sorted) {
    const key = b.name.toLowerCase();
    if (names.has(key)) return { row: b.row, column: 2, wrong: `standing "${quote(b.name)}" is listed twice; give each band its own name.` };
    names.add(key);
  }
  let reached = 0;
  for (const b of sorted) {
    if (b.min > reached + EPS) return { row: b.row, column: 3, wrong: `standings leave ${reached}-${b.min} uncovered: make one band run from ${reached} to ${b.min}.` };
    if (b.min < reached - EPS) return { row: b.row, column: 3, wrong: `standings overlap at ${b.min}-${Math.min(reached, b.max)}: "${quote(b.name)}" starts before the band below it ends (${reached}).` };
    reached = b.max;
  }
  const last = sorted[sorted.length - 1]!;
  if (reached < 100 - EPS) return { row: last.row, column: 4, wrong: `standings leave ${reached}-100 uncovered: the top band must reach 100.` };
  return sorted.map(({ row: _row, ...b }) => b);
}
