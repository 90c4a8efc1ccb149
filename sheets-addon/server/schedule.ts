import type { HostResult, Schedule } from "../../panel/host";
import { scheduleLabel } from "../../panel/host";
import { openDoc } from "./doc";
import { refreshDocument } from "./refresh";
import { SHEETS_SCHEDULES } from "../schedules";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The installable trigger's handler: a top-level function of the bundle. */
export const TRIGGER_HANDLER = "vendorscoreScheduledRefresh";

/** User property: this user's trigger for a spreadsheet. */
const triggerKey = (ssId: string) => `vendorscore.trigger.${ssId}`;
/** User property: the spreadsheet a trigger serves (time triggers are not tied to a document). */
const docKey = (uid: string) => `vendorscore.triggerDoc.${uid}`;

interface StoredTrigger {
  readonly uid: string;
  readonly schedule: Schedule;
}

function readStored(text: string | undefined): StoredTrigger | undefined {
  try {
    const v = JSON.parse(text ?? "null") as StoredTrigger | null;
    return v && typeof v.uid === "string" && SHEETS_SCHEDULES.includes(v.schedule) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** This user's schedule for the spreadsheet: "off" unless its trigger still exists. */
export function getSchedule(ss: Spreadsheet): Schedule {
  const stored = readStored(PropertiesService.getUserProperties().getProperty(triggerKey(ss.getId())) ?? undefined);
  if (!stored) return "off";
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === stored.uid) ? stored.schedule : "off";
}

/**
 * Turns the time trigger on, changes it or turns it off. There is never more than one per user
 * and spreadsheet (the add-on limit): every trigger serving this spreadsheet is removed before
 * one is made, and asking again for the schedule already running changes nothing.
 */
export function setSchedule(ss: Spreadsheet, schedule: Schedule): HostResult {
  if (!SHEETS_SCHEDULES.includes(schedule)) return { ok: false, message: `Google Sheets add-ons cannot refresh on the schedule "${schedule}": pick hourly, daily or weekly.` };
  const props = PropertiesService.getUserProperties();
  const all = props.getProperties();
  const ssId = ss.getId();
  const stored = readStored(all[triggerKey(ssId)]);
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === TRIGGER_HANDLER && all[docKey(t.getUniqueId())] === ssId);
  if (schedule !== "off" && stored?.schedule === schedule && mine.length === 1 && mine[0]!.getUniqueId() === stored.uid) {
    return { ok: true, message: `Scheduled refresh was already on: ${scheduleLabel(schedule)}.` };
  }
  for (const t of mine) {
    ScriptApp.deleteTrigger(t);
    props.deleteProperty(docKey(t.getUniqueId()));
  }
  if (schedule === "off") {
    props.deleteProperty(triggerKey(ssId));
    return { ok: true, message: "Scheduled refresh is off." };
  }
  let trigger: GoogleAppsScript.Script.Trigger;
  try {
    const clock = ScriptApp.newTrigger(TRIGGER_HANDLER).timeBased().inTimezone(ss.getSpreadsheetTimeZone());
    const [kind, at] = schedule.split("@") as [string, string | undefined];
    trigger = (kind === "hourly" ? clock.everyHours(1) : kind === "daily" ? clock.everyDays(1).atHour(Number(at)) : clock.everyWeeks(1).onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(Number(at))).create();
  } catch (e) {
    props.deleteProperty(triggerKey(ssId));
    return { ok: false, message: `The refresh trigger could not be created: ${e instanceof Error ? e.message : String(e)}` };
  }
  props.setProperties({ [triggerKey(ssId)]: JSON.stringify({ uid: trigger.getUniqueId(), schedule }), [docKey(trigger.getUniqueId())]: ssId });
  return { ok: true, message: `Scheduled refresh is on: ${scheduleLabel(schedule)} (${ss.getSpreadsheetTimeZone()}), while you have access to this spreadsheet.` };
}

/**
 * The time trigger: refreshes the spreadsheet it was made for. A trigger whose spreadsheet is
 * no longer known is removed, and one that lost its authorization stops quietly instead of
 * failing every hour.
 */
export function runScheduledRefresh(e: { triggerUid?: string } | undefined): void {
  const auth = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (auth.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) return;
  const uid = e?.triggerUid ?? "";
  const props = PropertiesService.getUserProperties();
  const ssId = uid ? props.getProperty(docKey(uid)) : null;
  if (!ssId) {
    for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === uid) ScriptApp.deleteTrigger(t);
    return;
  }
  // A trigger has no one to show an error to: it logs it, and the reports keep their last good values.
  try {
    const result = refreshDocument(openDoc(SpreadsheetApp.openById(ssId)));
    if (!result.ok) console.warn(`vendorscore scheduled refresh of ${ssId}: ${result.message}`);
  } catch (e) {
    console.warn(`vendorscore scheduled refresh of ${ssId}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
