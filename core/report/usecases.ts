import { CoreError, quote } from "../cell/error";
import type { CellValue } from "../cell/types";
import type { Context } from "../catalog/types";
import { MAX_BLOCK_BYTES, readBlockRows, rowBytes, writeBlocks } from "./blocks";
import { buildReport } from "./build";
import { describeSource, parseDefinition, type AsOfRule, type ConfigGrid, type ReportDefinition, type ReportSource } from "./definition";
import { kindInfo, type ReportKind } from "./kinds";
import { chooseOutput, cleanSheetName, isStale, newDefinition, stamp, staleSourceMessage, type ReportRequest } from "./plan";

export type { ReportRequest };
import { ask, type Flow, type SheetEntry, type SourceExtent } from "./workbook";

/**
 * The report use cases, written once for every host: generate (a new report, or the same report
 * again after an edit), refresh (one, all, or the stale ones), list, open and delete. Each is a
 * {@link Flow} over the small `Workbook` interface; hosts run it with `runSync` or `runAsync`.
 *
 * Two rules hold everywhere. Ownership: a sheet is written only when its own marker holds the
 * report's id and the report's definition names that sheet; a sheet any report reads as its
 * source is never written, and a report sheet is never taken as a source. Isolation: a report that
 * fails keeps its last good sheet, records why, and the others go on.
 */

/** What the use cases need besides the workbook: the real instant (stamps, ids) and the catalog's context. */
export interface ReportEnv {
  readonly now: () => Date;
  readonly cx: Context;
}

/** One report's outcome in a run. */
export interface ReportOutcome {
  readonly id: string;
  readonly output: string;
  readonly ok: boolean;
  readonly message: string;
}

/** A use case's answer: `ok` false means nothing in the workbook changed for the reports that failed. */
export interface RunResult {
  readonly ok: boolean;
  readonly message: string;
  /** What the user should know besides (an output name that had to change). */
  readonly notice?: string;
  /** The report generated (new or edited). */
  readonly reportId?: string;
  readonly outcomes: readonly ReportOutcome[];
  /** Reports a refresh did not start within its time budget, stalest first. */
  readonly left?: readonly string[];
}

/** A stored report as the reports list shows it. */
export interface ReportStatus {
  readonly id: string;
  readonly kind: ReportKind | "";
  readonly output: string;
  readonly source: string;
  /** ISO time, "" if never refreshed. */
  readonly lastRefresh: string;
  readonly lastError: string;
  /** What the last successful refresh counted ("2 notice due"), "" when the kind counts nothing. */
  readonly summary: string;
  /** Why the report cannot be refreshed as it stands (damaged, tampered, its source gone); "" when it can. */
  readonly problem: string;
}

/** The last error of a report a time-limited run did not start. */
export const WAITING = "Not refreshed yet: the last run reached its time limit; this report goes first on the next run.";

/** A stored error is kept short: it goes into a property (Sheets: 9 KB each) and a one-line list. */
export const MAX_STORED_ERROR = 300;

interface Entry {
  readonly id: string;
  def?: ReportDefinition;
  readonly problem: string;
}

interface State {
  readonly sheets: SheetEntry[];
  readonly entries: Entry[];
}

function* load(): Flow<State> {
  const sheets = [...(yield* ask((wb) => wb.sheets()))];
  const stored = yield* ask((wb) => wb.definitions());
  const seen = new Set<string>();
  const entries = stored.map((s): Entry => {
    const parsed = parseDefinition(s.text);
    if (parsed instanceof CoreError) return { id: s.id, problem: parsed.message };
    // A definition stored under another id, or twice, is a copy: it must not write anything.
    if (parsed.id !== s.id || seen.has(s.id)) return { id: s.id, problem: "This stored report is a copy of another (the registry was edited?): delete it." };
    seen.add(s.id);
    return { id: s.id, def: parsed, problem: "" };
  });
  return { sheets, entries };
}

/**
 * Ids of the report sheets: those carrying a vendorscore marker. A definition naming a sheet does
 * not make it one (a tampered registry row could name the user's data).
 */
function reportSheetIds(state: State): Set<string> {
  return new Set(state.sheets.filter((s) => s.marker !== "").map((s) => s.id));
}

/** Why a report may not write its sheet as things stand, or "" when it may. */
function ownershipProblem(state: State, def: ReportDefinition): string {
  if (!def.outputId) return "";
  const sheet = state.sheets.find((s) => s.id === def.outputId);
  if (!sheet) return "";
  if (sheet.marker !== def.id) {
    return `The sheet "${quote(sheet.name)}" this report names does not carry its vendorscore marker (was the registry edited?): nothing was written. Delete this report or generate it again.`;
  }
  return "";
}

/**
 * Reads an extent in blocks sized from the rows seen so far. A block is at most four times the
 * last one, so rows that grow longer further down are met in steps; a block the host refuses (a
 * response over its limit) is read again in halves.
 */
function* readAll(extent: SourceExtent): Flow<CellValue[][]> {
  const out: CellValue[][] = [];
  let bytes = 0;
  let last = 0;
  while (out.length < extent.rows) {
    const offset = out.length;
    let n = Math.min(extent.rows - offset, readBlockRows(extent.columns, bytes, offset, MAX_BLOCK_BYTES), last ? last * 4 : Infinity);
    let rows: CellValue[][];
    for (;;) {
      try {
        const size = n;
        rows = yield* ask((wb) => wb.read(extent, offset, size));
        break;
      } catch (e) {
        if (n <= 1) throw e;
        n = Math.ceil(n / 2);
      }
    }
    if (rows.length === 0) break;
    last = rows.length;
    for (const r of rows) {
      bytes += rowBytes(r);
      out.push(r);
    }
  }
  return out;
}

class Failure extends Error {}

/** Computes one report from its source and writes its sheet; throws a Failure (or the host's error) without writing. */
function* produce(state: State, def: ReportDefinition, env: ReportEnv, isNew: boolean): Flow<{ def: ReportDefinition; message: string; notice: string }> {
  const label = kindInfo(def.kind).label;
  const problem = ownershipProblem(state, def);
  if (problem) throw new Failure(problem);
  const extent = yield* ask((wb) => wb.locate(def.source));
  if (!extent) {
    throw new Failure(isNew ? `The source ${describeSource(def.source)} was not found.` : staleSourceMessage(def));
  }
  if (reportSheetIds(state).has(extent.sheetId)) {
    throw new Failure(`The source ${describeSource(def.source)} is a sheet vendorscore writes, not data: pick the range the report is made from.`);
  }
  const values = yield* readAll(extent);
  const tickets = def.tickets ? yield* readOtherSource(state, def, def.tickets, isNew, "tickets") : undefined;
  if (def.group) return yield* producePages(state, def, env, values, def.group, extent.sheetId, tickets);
  const survey = def.survey ? yield* readOtherSource(state, def, def.survey, isNew) : undefined;
  const report = buildReport({ kind: def.kind, source: values, ...(survey ? { survey } : {}), config: def.config, calendar: def.calendar, asOf: def.asOf, ...(def.vendor ? { vendor: def.vendor } : {}), ...(tickets ? { tickets } : {}) }, env.cx);
  if (report instanceof CoreError) throw new Failure(`${label} from ${describeSource(def.source)}: ${report.message}`);

  let target = def.outputId ? state.sheets.find((s) => s.id === def.outputId) : undefined;
  let notice = "";
  // The target carries this report's marker, so no report may read it as a source (that report is
  // refused instead); only a report reading its own output is stopped here.
  if (target && target.id === extent.sheetId) {
    throw new Failure(`The sheet "${quote(target.name)}" is this report's own output, so it cannot also be its source.`);
  }
  if (!target) {
    // A new sheet, whatever holds the name: another report's sheet is no more this report's than a user's.
    const choice = chooseOutput(def.output, state.sheets.map((s) => ({ name: s.name, id: s.id, ours: false })));
    const holder = state.sheets.find((s) => s.name.toLowerCase() === def.output.toLowerCase());
    notice = holder?.marker ? `A sheet named "${holder.name}" holds another report, so this report was written to "${choice.name}".` : choice.notice;
    target = yield* ask((wb) => wb.addSheet(choice.name, def.id));
    state.sheets.push(target);
  }
  const sheetId = target.id;
  // Each block carries its rows' values and number formats.
  const formatBytes = report.patterns.reduce((n, p) => n + p.length + 3, 0);
  yield* ask((wb) => wb.writeReport(sheetId, report, writeBlocks(report.values, MAX_BLOCK_BYTES, formatBytes)));
  // A report that was by group and is now for one vendor: its other sheets go.
  const { pages: former, ...single } = def;
  if (former) yield* dropSheets(state, def, former.map((p) => p.outputId), [sheetId]);
  const saved = stamp({ ...single, output: target.name }, env.now(), { output: target.name, outputId: sheetId, summary: report.summary });
  yield* ask((wb) => wb.putDefinition(saved.id, JSON.stringify(saved)));
  replace(state, saved);
  // A sheet of blocks (a review) is not counted in rows: its summary says what it found.
  const rows = report.values.length - 1;
  const message = report.blocks ? `${label} written to "${target.name}". ${report.summary}.` : `${label} written to "${target.name}" (${rows} row${rows === 1 ? "" : "s"}).`;
  return { def: saved, message, notice };
}

/**
 * A report of one sheet per vendor of a group (a business review by standing or tier): every sheet
 * is computed before any is written, so a failure leaves them all as they were. A vendor keeps its
 * sheet from one refresh to the next; a vendor new to the group gets a new sheet, and the sheet of
 * a vendor no longer in it is deleted (it carries this report's marker, so it is the report's).
 */
function* producePages(state: State, def: ReportDefinition, env: ReportEnv, values: CellValue[][], group: NonNullable<ReportDefinition["group"]>, sourceSheet: string, tickets: CellValue[][] | undefined): Flow<{ def: ReportDefinition; message: string; notice: string }> {
  const info = kindInfo(def.kind);
  if (!info.pages) throw new Failure(`${info.label} cannot be written per ${group.by}.`);
  const built = info.pages({ kind: def.kind, source: values, ...(tickets ? { tickets } : {}), config: def.config, calendar: def.calendar, asOf: def.asOf, group }, env.cx);
  if (built instanceof CoreError) throw new Failure(`${info.label} from ${describeSource(def.source)}: ${built.message}`);
  const old = def.pages ?? [];
  for (const p of old) {
    const sheet = state.sheets.find((s) => s.id === p.outputId);
    if (sheet && sheet.marker !== def.id) throw new Failure(`The sheet "${quote(sheet.name)}" this report names does not carry its vendorscore marker (was the registry edited?): nothing was written. Delete this report or generate it again.`);
    if (sheet && sheet.id === sourceSheet) throw new Failure(`The sheet "${quote(sheet.name)}" is this report's own output, so it cannot also be its source.`);
  }
  // First the sheets of vendors that left the group, and the one sheet of this report before it
  // was by group, so their names are free for the sheets made below.
  const stays = (p: { vendor: string }) => built.pages.some((x) => x.vendor.toLowerCase() === p.vendor.toLowerCase());
  yield* dropSheets(state, def, [...old.map((p) => p.outputId), def.outputId], old.filter(stays).map((p) => p.outputId));
  const pages: { vendor: string; output: string; outputId: string }[] = [];
  const notices = built.notice ? [built.notice] : [];
  for (const page of built.pages) {
    const before = old.find((p) => p.vendor.toLowerCase() === page.vendor.toLowerCase());
    let target = before ? state.sheets.find((s) => s.id === before.outputId) : undefined;
    if (!target) {
      const choice = chooseOutput(cleanSheetName(`${page.vendor} review`, info.defaultOutput), state.sheets.map((s) => ({ name: s.name, id: s.id, ours: false })));
      if (choice.notice) notices.push(choice.notice);
      target = yield* ask((wb) => wb.addSheet(choice.name, def.id));
      state.sheets.push(target);
    }
    const id = target.id;
    const formatBytes = page.sheet.patterns.reduce((n, p) => n + p.length + 3, 0);
    yield* ask((wb) => wb.writeReport(id, page.sheet, writeBlocks(page.sheet.values, MAX_BLOCK_BYTES, formatBytes)));
    pages.push({ vendor: page.vendor, output: target.name, outputId: id });
  }
  const first = pages[0]!;
  const summary = `${pages.length} vendor${pages.length === 1 ? "" : "s"} of ${group.by} ${group.name}`;
  const saved = stamp({ ...def, pages }, env.now(), { output: first.output, outputId: first.outputId, summary });
  yield* ask((wb) => wb.putDefinition(saved.id, JSON.stringify(saved)));
  replace(state, saved);
  return { def: saved, message: `${info.label} written to ${pages.length} sheet${pages.length === 1 ? "" : "s"}, one per vendor of the ${group.by} "${group.name}" (${pages.map((p) => `"${p.output}"`).join(", ")}).`, notice: notices.join(" ") };
}

/** Deletes the sheets of `ids` not in `keep` that carry the report's own marker (a sheet it no longer writes). */
function* dropSheets(state: State, def: ReportDefinition, ids: readonly string[], keep: readonly string[]): Flow<void> {
  for (const id of ids) {
    if (!id || keep.includes(id)) continue;
    const sheet = state.sheets.find((s) => s.id === id && s.marker === def.id);
    if (!sheet) continue;
    yield* ask((wb) => wb.deleteSheet(sheet.id));
    state.sheets.splice(state.sheets.indexOf(sheet), 1);
  }
}

/** A report's second source (a survey, tickets), read as its main source is: refused when gone, or when it is a sheet vendorscore writes. */
function* readOtherSource(state: State, def: ReportDefinition, source: ReportSource, isNew: boolean, what: "survey" | "tickets" = "survey"): Flow<CellValue[][]> {
  const extent = yield* ask((wb) => wb.locate(source));
  const label = describeSource(source);
  if (!extent) throw new Failure(isNew ? `The ${what} ${label} was not found.` : `The ${what} ${label} of "${def.output}" no longer exists (renamed or deleted?): pick the ${what} again and generate.`);
  if (reportSheetIds(state).has(extent.sheetId)) throw new Failure(`The ${what} ${label} is a sheet vendorscore writes, not ${what === "survey" ? "answers" : "tickets"}: pick the ${what === "survey" ? "survey's" : "tickets'"} range.`);
  return yield* readAll(extent);
}

function replace(state: State, def: ReportDefinition): void {
  const e = state.entries.find((x) => x.id === def.id);
  if (e) e.def = def;
  else state.entries.push({ id: def.id, def, problem: "" });
}

function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > MAX_STORED_ERROR ? `${text.slice(0, MAX_STORED_ERROR - 1)}…` : text;
}

/** Records a failed refresh on the definition; a store that refuses even that does not stop the run. */
function* recordFailure(state: State, def: ReportDefinition, env: ReportEnv, message: string): Flow<void> {
  const failed = stamp(def, env.now(), { error: message });
  const sheet = state.sheets.find((s) => s.id === def.outputId && s.marker === def.id);
  try {
    yield* ask((wb) => wb.putDefinition(failed.id, JSON.stringify(failed)));
    replace(state, failed);
    if (sheet && message !== WAITING) yield* ask((wb) => wb.markFailed?.(sheet.id, `vendorscore: the refresh at ${env.now().toISOString()} failed, so these values are from ${def.lastRefresh || "an earlier run"}.\n${message}`));
  } catch {
    // The outcome still says what failed; the stored report keeps its previous record.
  }
}

/** A stored report with what the pane now shows: its source, survey (or none), tables and as-of rule. */
function edited(def: ReportDefinition, request: ReportRequest): ReportDefinition {
  const { survey: _, vendor: __, group: ___, tickets: ____, ...rest } = def;
  return { ...rest, source: request.source, ...(request.tickets ? { tickets: request.tickets } : {}), ...(request.survey ? { survey: request.survey } : {}), ...(request.vendor ? { vendor: request.vendor } : {}), ...(request.group ? { group: request.group } : {}), config: request.config, calendar: request.calendar, asOf: request.asOf };
}

/**
 * Generates a report: a new one, or (when `request.id` names a stored report of the same kind)
 * the same report again, into its own sheet, with the definition updated in place.
 *
 * @example runAsync(generate(request, env, () => "r1"), workbook) // { ok: true, message: 'Vendor scorecard written to "Scorecard" (5 rows).', ... }
 */
export function* generate(request: ReportRequest, env: ReportEnv, newId: () => string): Flow<RunResult> {
  const state = yield* load();
  const editing = request.id ? state.entries.find((e) => e.id === request.id)?.def : undefined;
  const same = editing && editing.kind === request.kind ? editing : undefined;
  const def: ReportDefinition = same ? edited(same, request) : newDefinition(newId(), request);
  try {
    const r = yield* produce(state, def, env, !same);
    if (!same) yield* ask((wb) => wb.activate(r.def.outputId));
    const outcome = { id: def.id, output: r.def.output, ok: true, message: r.message };
    return { ok: true, message: r.message, ...(r.notice ? { notice: r.notice } : {}), reportId: def.id, outcomes: [outcome] };
  } catch (e) {
    const message = messageOf(e);
    // The stored report keeps what it was (the edit failed, so it is not saved); it records why.
    if (same) yield* recordFailure(state, same, env, message);
    return { ok: false, message, outcomes: [{ id: def.id, output: def.output, ok: false, message }] };
  }
}

export interface RefreshOptions {
  /** Only these reports (default: all). */
  readonly ids?: readonly string[];
  /** Only reports not refreshed for this long (refresh on open). */
  readonly olderThanMs?: number;
  /** Reports to take first (those a time-limited run left). */
  readonly first?: readonly string[];
  /** Stop starting reports after this long, leaving room for the slowest seen (Apps Script stops a run at 6 minutes). */
  readonly budgetMs?: number;
  /** Milliseconds now, for the budget. */
  readonly clock?: () => number;
}

/**
 * Refreshes stored reports, each on its own: a failing report keeps its last good sheet and records
 * why, the others go on. Ends with "Refreshed N, failed M." and every report's outcome.
 *
 * @example runSync(refresh(env, {}), workbook).message // "Refreshed 3 reports."
 */
export function* refresh(env: ReportEnv, options: RefreshOptions = {}): Flow<RunResult> {
  const state = yield* load();
  const chosen = state.entries.filter((e) => !options.ids || options.ids.includes(e.id));
  const damaged = chosen.filter((e) => !e.def);
  let defs = chosen.flatMap((e) => (e.def ? [e.def] : []));
  const total = defs.length;
  if (options.olderThanMs !== undefined) defs = defs.filter((d) => isStale(d, env.now(), options.olderThanMs!));
  const first = options.first ?? [];
  const rank = (id: string) => (first.includes(id) ? first.indexOf(id) : first.length);
  defs.sort((a, b) => rank(a.id) - rank(b.id) || a.lastRefresh.localeCompare(b.lastRefresh));

  const outcomes: ReportOutcome[] = damaged.map((e) => ({ id: e.id, output: "", ok: false, message: e.problem }));
  const clock = options.clock ?? (() => env.now().getTime());
  const start = clock();
  let slowest = 0;
  const left: string[] = [];
  for (const def of defs) {
    const began = clock();
    if (options.budgetMs !== undefined && began - start + slowest > options.budgetMs) {
      left.push(def.id);
      continue;
    }
    try {
      const r = yield* produce(state, def, env, false);
      outcomes.push({ id: def.id, output: r.def.output, ok: true, message: r.message });
    } catch (e) {
      const message = messageOf(e);
      yield* recordFailure(state, def, env, message);
      outcomes.push({ id: def.id, output: def.output, ok: false, message });
    }
    slowest = Math.max(slowest, clock() - began);
  }
  // Reports left for the next run say so in the list until then.
  for (const id of left) {
    const def = state.entries.find((e) => e.id === id)?.def;
    if (def && def.lastError !== WAITING) yield* recordFailure(state, def, env, WAITING);
  }
  const done = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - done;
  let message: string;
  if (total === 0 && damaged.length === 0) message = "No reports to refresh yet: generate one first.";
  else if (outcomes.length === 0 && left.length === 0) message = "All reports are up to date.";
  else {
    const n = done + left.length;
    message = failed ? `Refreshed ${done}, failed ${failed}.` : left.length ? `Refreshed ${done} of ${n} report${n === 1 ? "" : "s"}.` : `Refreshed ${done} report${done === 1 ? "" : "s"}.`;
    if (left.length) message += ` ${left.length} left for the next run (time limit reached).`;
    for (const o of outcomes) if (!o.ok) message += ` ${o.output || o.id}: ${o.message}`;
  }
  return { ok: failed === 0 && left.length === 0, message, outcomes, left };
}

/** The reports list: each stored report with its freshness and why it cannot be refreshed, if so. */
export function* list(): Flow<ReportStatus[]> {
  const state = yield* load();
  const out: ReportStatus[] = [];
  for (const e of state.entries) {
    const d = e.def;
    if (!d) {
      out.push({ id: e.id, kind: "", output: "", source: "", lastRefresh: "", lastError: "", summary: "", problem: e.problem });
      continue;
    }
    const source = d.source;
    let found: SourceExtent | undefined;
    let unreadable = "";
    try {
      found = yield* ask((wb) => wb.locate(source));
    } catch (e) {
      unreadable = `The source ${describeSource(source)} cannot be read (${messageOf(e)}): pick the source again and generate.`;
    }
    const problem = ownershipProblem(state, d) || unreadable || (found ? "" : staleSourceMessage(d));
    out.push({ id: d.id, kind: d.kind, output: d.output, source: describeSource(source), lastRefresh: d.lastRefresh, lastError: d.lastError, summary: d.lastSummary ?? "", problem });
  }
  return out;
}

/** The stored definition of a report, for the pane to edit; undefined when it is missing or damaged. */
export function* open(id: string, activate = true): Flow<ReportDefinition | undefined> {
  const state = yield* load();
  const def = state.entries.find((e) => e.id === id)?.def;
  if (!def) return undefined;
  const sheet = state.sheets.find((s) => s.id === def.outputId);
  if (activate && sheet && sheet.marker === def.id) yield* ask((wb) => wb.activate(sheet.id));
  return def;
}

/**
 * Deletes a stored report; with `deleteSheet` also its sheet, but only when that sheet carries
 * the report's own marker.
 */
export function* remove(id: string, deleteSheet: boolean): Flow<RunResult> {
  const state = yield* load();
  const entry = state.entries.find((e) => e.id === id);
  if (!entry) return { ok: false, message: "That report is no longer stored.", outcomes: [] };
  const def = entry.def;
  const sheet = def ? state.sheets.find((s) => s.id === def.outputId && s.marker === def.id) : undefined;
  if (deleteSheet && sheet) yield* ask((wb) => wb.deleteSheet(sheet.id));
  // A group's other sheets (one per vendor), each only when it carries the report's marker.
  for (const p of def?.pages ?? []) {
    const page = state.sheets.find((s) => s.id === p.outputId && s.marker === def!.id && s.id !== sheet?.id);
    if (deleteSheet && page) yield* ask((wb) => wb.deleteSheet(page.id));
  }
  yield* ask((wb) => wb.removeDefinition(id));
  const name = def?.output || id;
  const message = deleteSheet && sheet ? `Deleted the report "${name}" and its sheet.` : `Deleted the report "${name}"; its sheet was kept.`;
  return { ok: true, message, outcomes: [{ id, output: def?.output ?? "", ok: true, message }] };
}

/** A source's cells for the pane's column form and summary, or why it cannot be a source. */
export type SourceRead = { readonly ok: true; readonly address: string; readonly values: CellValue[][] } | { readonly ok: false; readonly message: string };

/**
 * Reads a source as generation would, in the same blocks: refused when it is gone or is a report
 * sheet (a report is never made from another report's output).
 */
export function* readSource(source: ReportSource): Flow<SourceRead> {
  const sheets = yield* ask((wb) => wb.sheets());
  const extent = yield* ask((wb) => wb.locate(source));
  const label = describeSource(source);
  if (!extent) return { ok: false, message: `The source ${label} was not found.` };
  if (sheets.some((s) => s.id === extent.sheetId && s.marker !== "")) {
    return { ok: false, message: `${label} is a report sheet vendorscore writes, not data: select the data the report is made from, then Use selection.` };
  }
  return { ok: true, address: label, values: yield* readAll(extent) };
}
