import type { ResultGrid } from "../core";

/** The KPIs every engine computes, per vendor; null where a KPI is undefined (no line evaluable). */
export const CHECKED = ["on_time", "in_full", "defect_rate", "price_variance", "spend"] as const;
export type Checked = (typeof CHECKED)[number];
export type VendorKpis = Map<string, Record<Checked, number | null>>;

const LABELS: Record<Checked, string> = { on_time: "On time", in_full: "In full", defect_rate: "Defect rate", price_variance: "Price variance", spend: "Spend" };

/** The checked KPIs read back from a VENDORSCORECARD grid. */
export function fromScorecard(grid: ResultGrid): VendorKpis {
  const header = grid[0]!.map(String);
  const at = (label: string) => header.indexOf(label);
  const out: VendorKpis = new Map();
  for (const row of grid.slice(1)) {
    const rec = {} as Record<Checked, number | null>;
    for (const k of CHECKED) {
      const v = row[at(LABELS[k])];
      rec[k] = typeof v === "number" ? v : null;
    }
    out.set(String(row[0]), rec);
  }
  return out;
}

/**
 * Fails, naming the first difference, unless both engines give the same vendors and the same
 * KPI values (to a relative 1e-9: engines add in different orders).
 */
export function assertSame(name: string, expected: VendorKpis, got: VendorKpis): void {
  if (expected.size !== got.size) throw new Error(`${name}: ${got.size} vendors, expected ${expected.size}`);
  for (const [vendor, e] of expected) {
    const g = got.get(vendor);
    if (!g) throw new Error(`${name}: vendor ${vendor} missing`);
    for (const k of CHECKED) {
      const a = e[k], b = g[k];
      const same = a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
      if (!same) throw new Error(`${name}: ${vendor} ${k} = ${b}, expected ${a}`);
    }
  }
}
