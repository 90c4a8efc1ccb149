import { attempt, isCoreError, type CoreError } from "../cell/error";
import type { Range } from "../cell/types";
import type { Context } from "../catalog/types";
import { dataQualityOf, dateOrderNote } from "../quality/report";
import { readScoreConfig } from "../score/config";
import { readPolicy } from "../sla/policy";
import { ticketQualityOf, vendorNote } from "../quality/tickets";
import type { ConfigGrid } from "./definition";
import { kindInfo, type ReportKind } from "./kinds";
import { fieldWords, mappingForm } from "./mapping";

/** What the panes show before Generate: the data-quality report of the source, in a few lines. */
export interface SourceSummary {
  readonly lines: readonly string[];
  /** The source cannot be read as it stands (no vendor column, an empty range, a bad weights row), as data; undefined when it can. */
  readonly issue?: CoreError;
  /** The issue's message, "" when there is none. */
  readonly problem: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Sums up what a report will count in a source. Purchase-order kinds: the data-quality data of
 * VENDORDATAQUALITY with the weights range (its mapping and date_order rows apply): lines
 * counted, lines skipped and why, fields not found, placeholder and unparseable cells, the date
 * order used. Tickets, contracts and risk registers: the rows and the fields not found (tickets:
 * and a vendor column that names no vendor).
 *
 * @example sourceSummary("scorecard", poLines, weights, cx).lines[0] // "Counted: 38 of 40 lines (5 vendors)"
 */
export function sourceSummary(kind: ReportKind, source: Range, config: ConfigGrid, cx: Context): SourceSummary {
  const param = kindInfo(kind).source.param;
  if (param !== "data") {
    // Tickets, contracts, a risk register: the rows and the kind's fields not found.
    const form = mappingForm(kind, source[0] ?? []);
    const missing = form.fields.filter((f) => f.chosen === "").map((f) => f.label);
    const rows = Math.max(0, source.length - 1);
    return { lines: [`${plural(rows, "row")} under the header`, ...(missing.length ? [`Not found: ${missing.join(", ")}`] : []), ...(param === "tickets" ? vendorFlag(source, config) : [])], problem: "" };
  }
  // Fields by the words the column form shows ("Supply risk"), not their keys.
  const word = fieldWords(kind);
  const settings = readScoreConfig(config);
  const dq = isCoreError(settings) ? settings : attempt(() => dataQualityOf(source, settings.read, cx.cache));
  if (isCoreError(dq)) return { lines: [], issue: dq, problem: dq.message };
  const lines = [`Counted: ${dq.counted} of ${plural(dq.lines, "line")} (${dq.vendors} vendors)`];
  const skipped = [[dq.skipped.cancelled, "cancelled"], [dq.skipped.blankVendor, "blank vendor"], [dq.skipped.totals, "total rows"], [dq.titleRows, "title rows"]] as const;
  const parts = skipped.filter(([n]) => n > 0).map(([n, why]) => `${n} ${why}`);
  lines.push(`Skipped: ${parts.length ? parts.join(", ") : "none"}`);
  const missing = dq.fields.filter((f) => !f.match).map((f) => f.field);
  if (missing.length) lines.push(`Not found: ${missing.map(word).join(", ")}`);
  const whenMissing = kindInfo(kind).whenMissing ?? {};
  for (const field of missing) if (whenMissing[field]) lines.push(`${word(field)}: ${whenMissing[field]}`);
  for (const f of dq.fields) {
    const bits = [...(f.placeholders ? [`${plural(f.placeholders, "placeholder")} read as blank`] : []), ...(f.unparseable ? [`${f.unparseable} unparseable`] : [])];
    if (bits.length) lines.push(`${word(f.field)}: ${bits.join(", ")}`);
    const note = dateOrderNote(f);
    if (f.match && note) lines.push(`${word(f.field)}: ${note}`);
  }
  return { lines, problem: "" };
}

/** A ticket vendor column of one value (`?`) or only blanks puts every ticket under one vendor: said before Generate. */
function vendorFlag(source: Range, config: ConfigGrid): string[] {
  const policy = readPolicy(config);
  const tq = isCoreError(policy) ? policy : attempt(() => ticketQualityOf(source, policy.read));
  return isCoreError(tq) || !tq.vendorFlag ? [] : [`vendor: ${vendorNote(tq)}`];
}
