import type { Serial } from "../cell/date";
import { periodOf, periodStart, type PeriodCalendar } from "../period/period";
import type { PeriodBy } from "../period/settings";
import type { LineTable } from "../table/lines";
import { KPI_KEYS, type KpiKey } from "./defs";

/**
 * Per-vendor sums gathered in one pass over the lines; every KPI is a ratio of two of them.
 *
 * The sums are kept per bucket: without periods a vendor has one bucket; with periods, one per
 * period of the window (bucket k = the window's k-th period, oldest first). Every sum array
 * (`lines`, `onTimeN`, ...) has `vendors.length x buckets` entries, vendor v's bucket k at
 * `v * buckets + k` ({@link bucketOf}). A new per-line sum is one more such array, added to in
 * the loop at the line's bucket `b`.
 */
export interface VendorSums {
  readonly vendors: readonly string[];
  /** Buckets per vendor: 1, or the periods of the window. */
  readonly buckets: number;
  readonly lines: Float64Array;
  readonly onTimeN: Float64Array;
  readonly onTimeOk: Float64Array;
  readonly inFullN: Float64Array;
  readonly inFullOk: Float64Array;
  readonly otifN: Float64Array;
  readonly otifOk: Float64Array;
  readonly rejected: Float64Array;
  readonly defectBase: Float64Array;
  readonly defectN: Float64Array;
  readonly varianceCost: Float64Array;
  readonly contractCost: Float64Array;
  readonly varianceN: Float64Array;
  readonly leadDays: Float64Array;
  readonly leadN: Float64Array;
  readonly spend: Float64Array;
  readonly spendN: Float64Array;
  readonly compliantYes: Float64Array;
  readonly compliantN: Float64Array;
  readonly risk: Float64Array;
  readonly riskN: Float64Array;
  readonly impact: Float64Array;
  readonly impactN: Float64Array;
  /** The first tier written for each vendor, "" if none. */
  readonly tier: string[];
  /** Which quantity divides rejected qty: received, or ordered on delivered lines when the range has no received qty. */
  readonly defectBasis: "received" | "ordered";
}

export interface KpiOptions {
  readonly asOf: Serial;
  readonly graceDays: number;
  readonly promisedDays?: number;
  /** Sums split by period; without it, one bucket per vendor over all its lines. */
  readonly periods?: PeriodBuckets;
}

/** A window of periods to split the sums by. */
export interface PeriodBuckets {
  readonly calendar: PeriodCalendar;
  /** The date that places a line; undefined: promised, else delivered, else order date. */
  readonly by?: PeriodBy;
  /** The window's first period and how many periods it spans. */
  readonly first: number;
  readonly count: number;
}

/**
 * Where vendor v's sums for bucket k are in every sum array of {@link VendorSums}.
 *
 * @example bucketOf(sums, 3, 0) // 3 when the sums have one bucket per vendor
 */
export function bucketOf(s: Pick<VendorSums, "buckets">, v: number, k: number): number {
  return v * s.buckets + k;
}

const NONE = new Float64Array(0);

/**
 * One pass over the lines, adding each line into its vendor's sums.
 *
 * A line is on time when delivered on or before the promised day plus grace (calendar days);
 * an undelivered line whose promised day plus grace is before the as-of day is late; an
 * undelivered line not yet due, or one with no promised date, is not counted.
 *
 * With `periods`, each line is added into its vendor's bucket for the period its period date
 * falls in (judged at the same as-of day whatever the period); a line with no period date, or
 * one outside the window, is in no bucket.
 */
export function sumByVendor(t: LineTable, o: KpiOptions): VendorSums {
  const per = o.periods;
  const buckets = per ? per.count : 1;
  const n = t.vendors.size * buckets;
  const f = () => new Float64Array(n);
  const s = {
    vendors: t.vendors.names, buckets, lines: f(), onTimeN: f(), onTimeOk: f(), inFullN: f(), inFullOk: f(), otifN: f(), otifOk: f(),
    rejected: f(), defectBase: f(), defectN: f(), varianceCost: f(), contractCost: f(), varianceN: f(), leadDays: f(), leadN: f(),
    spend: f(), spendN: f(), compliantYes: f(), compliantN: f(), risk: f(), riskN: f(), impact: f(), impactN: f(),
    tier: new Array<string>(t.vendors.size).fill(""),
    defectBasis: (t.num("received_qty") || !t.num("ordered_qty") ? "received" : "ordered") as "received" | "ordered",
  };
  const hasPromised = !!t.num("promised");
  const promised = t.num("promised") ?? NONE;
  const orderDate = t.num("order_date") ?? NONE;
  const delivered = t.num("delivered") ?? NONE;
  const hasDelivered = !!t.num("delivered");
  const ordered = t.num("ordered_qty") ?? NONE;
  const received = t.num("received_qty") ?? NONE;
  const hasReceived = !!t.num("received_qty");
  const rejected = t.num("rejected_qty") ?? NONE;
  const unitPrice = t.num("unit_price") ?? NONE;
  const contract = t.num("contract_price") ?? NONE;
  const amount = t.num("amount") ?? NONE;
  const compliance = t.num("compliance") ?? NONE;
  const risk = t.num("supply_risk") ?? NONE;
  const impact = t.num("profit_impact") ?? NONE;
  const tier = t.text("tier");
  const promisedDays = hasPromised ? undefined : o.promisedDays;
  const asOfDay = Math.floor(o.asOf);
  const grace = o.graceDays;
  const defectOnOrdered = s.defectBasis === "ordered";
  const vendorOf = t.vendorOf;

  const by = per?.by;
  // The window's days, each with its bucket: a line is placed by one lookup, not by calendar arithmetic.
  const firstDay = per ? periodStart(per.calendar, per.first) : 0;
  const bucketOfDay = per ? dayBuckets(per, firstDay) : undefined;
  const days = bucketOfDay ? bucketOfDay.length : 0;

  for (let r = 0; r < vendorOf.length; r++) {
    const v = vendorOf[r]!;
    if (v < 0) continue;
    if (tier && s.tier[v] === "" && tier[r] !== "") s.tier[v] = tier[r]!;
    const d = hasDelivered ? delivered[r]! : NaN;
    let p = hasPromised ? promised[r]! : NaN;
    if (promisedDays !== undefined && orderDate.length) p = orderDate[r]! + promisedDays;

    // The line's bucket: its vendor's, or its vendor's for the period of its period date.
    let b = v;
    if (bucketOfDay) {
      const od = orderDate.length ? orderDate[r]! : NaN;
      const at = by === undefined ? (p === p ? p : d === d ? d : od) : by === "promised" ? p : by === "delivered" ? d : od;
      // No date (NaN) or a day outside the window: in no bucket.
      const day = Math.floor(at) - firstDay;
      if (!(day >= 0 && day < days)) continue;
      b = v * buckets + bucketOfDay[day]!;
    }

    s.lines[b]++;
    const recv = hasReceived ? received[r]! : NaN;
    const ord = ordered.length ? ordered[r]! : NaN;
    // Without a delivered-date column, a received quantity is the only sign of delivery.
    const isDelivered = hasDelivered ? d === d : recv === recv;

    const inFullEvaluable = isDelivered && ord === ord && recv === recv;
    const inFull = recv >= ord;
    if (inFullEvaluable) {
      s.inFullN[b]++;
      if (inFull) s.inFullOk[b]++;
    }

    if (p === p) {
      const due = Math.floor(p) + grace;
      const evaluable = d === d || due < asOfDay;
      if (evaluable) {
        const onTime = d === d && Math.floor(d) <= due;
        s.onTimeN[b]++;
        if (onTime) s.onTimeOk[b]++;
        if (d !== d || inFullEvaluable) {
          s.otifN[b]++;
          if (onTime && inFull) s.otifOk[b]++;
        }
      }
    }

    if (rejected.length) {
      const rej = rejected[r]!;
      const base = defectOnOrdered ? (isDelivered ? ord : NaN) : recv;
      if (rej === rej && base === base) {
        s.rejected[b] += rej;
        s.defectBase[b] += base;
        s.defectN[b]++;
      }
    }

    const q = recv === recv ? recv : ord;
    const up = unitPrice.length ? unitPrice[r]! : NaN;
    if (contract.length) {
      const cp = contract[r]!;
      if (up === up && cp === cp && q === q) {
        s.varianceCost[b] += (up - cp) * q;
        s.contractCost[b] += cp * q;
        s.varianceN[b]++;
      }
    }

    const a = amount.length ? amount[r]! : NaN;
    const lineSpend = a === a ? a : up * q;
    if (lineSpend === lineSpend) {
      s.spend[b] += lineSpend;
      s.spendN[b]++;
    }

    if (orderDate.length) {
      const lead = d - orderDate[r]!;
      if (lead === lead) {
        s.leadDays[b] += lead;
        s.leadN[b]++;
      }
    }
    if (compliance.length) {
      const c = compliance[r]!;
      if (c === c) {
        s.compliantN[b]++;
        s.compliantYes[b] += c;
      }
    }
    if (risk.length && risk[r] === risk[r]) {
      s.risk[b] += risk[r]!;
      s.riskN[b]++;
    }
    if (impact.length && impact[r] === impact[r]) {
      s.impact[b] += impact[r]!;
      s.impactN[b]++;
    }
  }
  return s;
}

/** The bucket of each day of a window of periods, from its first day on. */
function dayBuckets(per: PeriodBuckets, firstDay: number): Int32Array {
  const out = new Int32Array(periodStart(per.calendar, per.first + per.count) - firstDay);
  for (let i = 0; i < out.length; i++) out[i] = periodOf(per.calendar, firstDay + i) - per.first;
  return out;
}

/**
 * Sums of a vendor's line quantities that a KPI divides; undefined where nothing could be counted.
 * A sum that overflowed gives NaN even where the quotient would look finite (1 / Infinity = 0),
 * so that {@link vendorKpis} reports it.
 */
function ratio(num: number, den: number, n: number): number | undefined {
  if (!(n > 0 && den !== 0)) return undefined;
  return Number.isFinite(num) && Number.isFinite(den) ? num / den : NaN;
}

/** A vendor's KPI values and the KPIs that could not be computed because a sum overflowed. */
export interface VendorKpis {
  /** A KPI no line could be evaluated for is undefined, never zero; so is a KPI that overflowed. */
  readonly values: Record<KpiKey, number | undefined>;
  /**
   * KPIs whose sums or ratio went past the largest number (spend of 1e308 twice, a price x qty of
   * 1e308 x 10): their value is left undefined rather than Infinity or NaN, and they are listed
   * here so a caller can say so (#NUM! naming the KPI) instead of "no data".
   */
  readonly overflow: readonly KpiKey[];
}

/**
 * The KPI values of one vendor (in one of its buckets: a period), every one finite or undefined,
 * with the KPIs that overflowed. A bucket with no line has Lines 0 and every other KPI undefined.
 *
 * @example vendorKpis(sumByVendor(readLines([["Vendor", "Amount"], ["Acme", "1e308"], ["Acme", "1e308"]]), o), 0).overflow // ["spend"]
 */
export function vendorKpis(s: VendorSums, vendor: number, bucket = 0): VendorKpis {
  const v = vendor * s.buckets + bucket;
  const values: Record<KpiKey, number | undefined> = {
    on_time: ratio(s.onTimeOk[v]!, s.onTimeN[v]!, s.onTimeN[v]!),
    in_full: ratio(s.inFullOk[v]!, s.inFullN[v]!, s.inFullN[v]!),
    // OTIF needs in full: where in full cannot be judged on any delivered line (no received
    // quantity), an undelivered late line alone would make OTIF 0 beside a blank in full.
    otif: s.inFullN[v]! > 0 ? ratio(s.otifOk[v]!, s.otifN[v]!, s.otifN[v]!) : undefined,
    defect_rate: ratio(s.rejected[v]!, s.defectBase[v]!, s.defectN[v]!),
    price_variance: ratio(s.varianceCost[v]!, s.contractCost[v]!, s.varianceN[v]!),
    lead_time: ratio(s.leadDays[v]!, s.leadN[v]!, s.leadN[v]!),
    spend: s.spendN[v]! > 0 ? s.spend[v]! : undefined,
    lines: s.lines[v]!,
    compliance: ratio(s.compliantYes[v]!, s.compliantN[v]!, s.compliantN[v]!),
  };
  let overflow: KpiKey[] | undefined;
  for (const k of KPI_KEYS) {
    const x = values[k];
    if (x === undefined || Number.isFinite(x)) continue;
    values[k] = undefined;
    (overflow ??= []).push(k);
  }
  return { values, overflow: overflow ?? NO_OVERFLOW };
}

const NO_OVERFLOW: readonly KpiKey[] = Object.freeze([]);

/** The KPI values of one vendor; a KPI no line could be evaluated for, or whose sums overflowed, is undefined, never zero. */
export function kpiValues(s: VendorSums, v: number, bucket = 0): Record<KpiKey, number | undefined> {
  return vendorKpis(s, v, bucket).values;
}
