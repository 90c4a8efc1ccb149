import * as z from "zod/mini";
import { isCoreError } from "../core";
import { parseDefinition, type ReportDefinition } from "../core/report";
import type { Schedule } from "../panel/host";

/**
 * Report definitions live in the workbook, on a very hidden sheet (so they travel with the
 * file and an Office Script can read them when the workbook refreshes while closed). Row 1 is a
 * note; then `settings, {json}` and one `id, {json}` row per report.
 */
export const REGISTRY_SHEET = "vendorscore";
const NOTE = "vendorscore report registry: written by the add-in, do not edit";
const REGISTRY_NAME = /^vendorscore(?: \(\d+\))?$/i;

/**
 * The add-in's own registry sheet: named vendorscore (or "vendorscore (2)" when a user's sheet
 * had the name) and very hidden, which no one can make a sheet from Excel's interface. A user's
 * sheet that happens to be called vendorscore is never read or written.
 */
export function isRegistrySheet(name: string, visibility: string): boolean {
  return visibility === "VeryHidden" && REGISTRY_NAME.test(name);
}

/** Where an Office Script cannot see visibility: the name and the note the add-in writes in A1. */
export function isRegistryContent(name: string, values: readonly (readonly unknown[])[] | undefined): boolean {
  return REGISTRY_NAME.test(name) && String(values?.[0]?.[0] ?? "") === NOTE;
}

/** A sheet whose name a registry sheet can have: only those are read to check their note. */
export function hasRegistryName(name: string): boolean {
  return REGISTRY_NAME.test(name);
}

/** A name for a new registry sheet that no sheet has, in any case (Excel's sheet names ignore case). */
export function freeRegistryName(names: readonly string[]): string {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = i === 1 ? REGISTRY_SHEET : `${REGISTRY_SHEET} (${i})`;
    if (!taken.has(name)) return name;
  }
}

export interface RegistryEntry {
  readonly id: string;
  /** Absent when the stored text could not be read; `problem` says why. */
  readonly def?: ReportDefinition;
  readonly problem: string;
  /** The stored text of a damaged entry, written back unchanged until the report is replaced. */
  readonly raw?: string;
}

export interface Registry {
  readonly entries: RegistryEntry[];
  readonly schedule: Schedule;
}

const Settings = z.object({ schedule: z.enum(["off", "15min", "hourly"]) });

/** Reads the registry sheet's cells; damaged rows are kept with a problem, never thrown on. */
export function readRegistry(values: readonly (readonly unknown[])[] | undefined): Registry {
  const entries: RegistryEntry[] = [];
  let schedule: Schedule = "off";
  for (const row of (values ?? []).slice(1)) {
    const id = String(row[0] ?? "").trim();
    if (!id) continue;
    if (id === "settings") {
      try {
        const s = Settings.safeParse(JSON.parse(String(row[1] ?? "")));
        if (s.success) schedule = s.data.schedule;
      } catch {
        // A damaged settings row means the default schedule; the reports are unaffected.
      }
      continue;
    }
    const text = storedText(row);
    const parsed = parseDefinition(text);
    entries.push(isCoreError(parsed) ? { id, problem: parsed.message, raw: text } : { id, def: parsed, problem: "" });
  }
  return { entries, schedule };
}

/** A cell holds at most 32,767 characters: a longer definition continues in the next cells of its row. */
export const CHUNK = 30_000;

/** The stored text of a registry row: its cells after the id, joined. */
function storedText(row: readonly unknown[]): string {
  return row.slice(1).map((c) => String(c ?? "")).join("");
}

/** The registry's cells, as wide as the longest definition needs. Damaged rows are dropped only when replaced or deleted. */
export function registryRows(reg: Registry): string[][] {
  const rows = [
    [NOTE],
    ["settings", `'${JSON.stringify({ schedule: reg.schedule })}`],
    ...reg.entries.map((e) => [e.id, ...chunks(e.def ? JSON.stringify(e.def) : (e.raw ?? ""))]),
  ];
  const width = Math.max(2, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
}

/**
 * The parts of a stored text, each behind Excel's quote prefix: a value written to a cell is
 * entered as if typed, so a part starting with `=`, `+` or `-` would become a formula and one
 * starting with `'` would lose it. The prefix is not part of the value read back.
 */
function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(`'${text.slice(i, i + CHUNK)}`);
  return out.length ? out : [""];
}

/** The registry without one report. */
export function withoutDefinition(reg: Registry, id: string): Registry {
  return { ...reg, entries: reg.entries.filter((e) => e.id !== id) };
}

/** The registry with one stored text added or replaced (kept as it is, even when it is damaged). */
export function withText(reg: Registry, id: string, text: string): Registry {
  const parsed = parseDefinition(text);
  const entry: RegistryEntry = isCoreError(parsed) ? { id, problem: parsed.message, raw: text } : { id, def: parsed, problem: "" };
  const at = reg.entries.findIndex((e) => e.id === id);
  const entries = [...reg.entries];
  if (at < 0) entries.push(entry);
  else entries[at] = entry;
  return { ...reg, entries };
}

/** The stored text of each entry, as the report use cases read it. */
export function storedDefinitions(reg: Registry): { id: string; text: string }[] {
  return reg.entries.map((e) => ({ id: e.id, text: e.def ? JSON.stringify(e.def) : (e.raw ?? "") }));
}
