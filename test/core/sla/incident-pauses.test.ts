import type { Range, ResultGrid } from "../../../core";
import { dataCsv } from "../../helpers/csv";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

// The public incident event log (UCI, CC BY 4.0; test/data/README.md): one row per state change, times
// dd-mm-yyyy hh:mm, made_sla TRUE/FALSE. Its waiting states are Awaiting User Info, Awaiting Problem,
// Awaiting Vendor and Awaiting Evidence.
const RANGE = dataCsv("uci_incident_event_log_first5998.csv") as Range;
const HEAD = RANGE[0] as string[];
const col = (name: string) => HEAD.indexOf(name);
const WAITING = ["Awaiting User Info", "Awaiting Problem", "Awaiting Vendor", "Awaiting Evidence"];
const PRIORITIES = ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low"];

function run(hours: readonly number[], pauses: readonly string[]): ResultGrid {
  const policy: Range = [
    ["vendor", "assignment_group"], ["updated", "sys_updated_at"], ["status", "incident_state"],
    ...pauses.map((p) => ["pause", p]),
    ["Priority", "Resolution (h)", "Response (h)", "Clock"], ...PRIORITIES.map((p, i) => [p, hours[i]!, "", "24x7"]),
  ];
  const out = catalog.SLASTATUS.fn(RANGE, policy, null, "2017-01-01");
  if (!Array.isArray(out)) throw out;
  return out;
}

/**
 * Each incident's made_sla and whether it was resolved, from its last row in the log (`state`), or from its last row in
 * state Resolved when it has one (`resolution`): the flag changes on 395 of the 890 incidents from one event to the next.
 */
function flags(at: "state" | "resolution"): Map<string, { made: boolean; resolved: boolean }> {
  const m = new Map<string, { made: boolean; resolved: boolean }>();
  const fromResolved = new Set<string>();
  for (const r of RANGE.slice(1) as string[][]) {
    const id = r[col("number")]!;
    const resolvedRow = r[col("incident_state")] === "Resolved";
    if (at === "resolution" && fromResolved.has(id) && !resolvedRow) continue;
    if (at === "resolution" && resolvedRow) fromResolved.add(id);
    m.set(id, { made: r[col("made_sla")] === "TRUE", resolved: r[col("resolved_at")] !== "?" });
  }
  return m;
}

function agreement(out: ResultGrid, at: "state" | "resolution" = "state") {
  const f = flags(at);
  let agree = 0, compared = 0, paused = 0;
  const missed: string[] = [];
  for (const row of table(out).rows) {
    const s = f.get(String(row.get("Ticket")))!;
    if (!s.resolved) continue;
    compared++;
    if ((row.get("Paused (h)") as number) > 0) paused++;
    if ((row.get("Status") === "met") === s.made) agree++;
    else missed.push(`${String(row.get("Ticket"))} ${String(row.get("Priority"))} ${String(row.get("Status"))} made_sla=${s.made} elapsed=${String(row.get("Elapsed (h)"))} paused=${String(row.get("Paused (h)"))}`);
  }
  return { agree, compared, paused, missed };
}

describe("the public incident log with its waiting states as pauses", () => {
  const without = agreement(run([4, 8, 96, 96], []));
  const withPauses = agreement(run([4, 8, 96, 96], WAITING));

  it("without pauses agrees with made_sla on 847 of 861 resolved incidents (98.4%) under 4/8/96/96 h 24x7", () => {
    expect([without.agree, without.compared, without.paused]).toEqual([847, 861, 0]);
  });

  it("the 14 it disagrees on: 13 resolved well inside their target whose flag turns false only on the Closed event, 1 P1 over 4 h flagged as made", () => {
    const missedWhileMet = without.missed.filter((m) => / met made_sla=false/.test(m)).map((m) => m.split(" ")[0]!);
    expect(missedWhileMet).toHaveLength(13);
    const events = RANGE.slice(1) as string[][];
    for (const id of missedWhileMet) {
      const flagIn = (state: string) => events.filter((r) => r[col("number")] === id && r[col("incident_state")] === state).map((r) => r[col("made_sla")]);
      expect([flagIn("Resolved"), flagIn("Closed")]).toEqual([["TRUE"], ["FALSE"]]);
    }
    expect(without.missed.filter((m) => m.startsWith("INC0000261 1 - Critical breached made_sla=true"))).toHaveLength(1);
  });

  it("the flag at the Resolved event is not the verdict: compared with it, only 478 of 861 agree", () => {
    expect(agreement(run([4, 8, 96, 96], []), "resolution").agree).toBe(478);
  });

  it("with the four waiting states as pauses agrees on 711 of 861 (82.6%): the log's flag lets waiting time count", () => {
    expect([withPauses.agree, withPauses.compared]).toEqual([711, 861]);
    // 313 resolved incidents spent time waiting; every new disagreement is one of them, judged met where the log says missed.
    expect(withPauses.paused).toBe(313);
    const fresh = withPauses.missed.filter((m) => !without.missed.some((w) => w.split(" ")[0] === m.split(" ")[0]));
    expect(fresh.every((m) => / met made_sla=false/.test(m) && !/paused=0$/.test(m))).toBe(true);
  });

  it.each<[string, number]>([
    ["Awaiting User Info", 725],
    ["Awaiting Problem", 837],
    ["Awaiting Vendor", 847],
    ["Awaiting Evidence", 847],
  ])("with only %s as a pause: %d of 861", (state, agree) => {
    expect(agreement(run([4, 8, 96, 96], [state])).agree).toBe(agree);
  });
});
