import type { PoField } from "../table/schema";
import type { KpiKey } from "./defs";

/**
 * The columns each KPI's computation reads (see core/kpi/accumulate.ts): a report reads only
 * the fields of the KPIs it scores or shows, so a bad cell elsewhere cannot fail it. Each set is
 * complete for its KPI: a column that changes how another is read (no received qty makes defect
 * rate divide by ordered qty on delivered lines) is in it too.
 */
export const KPI_FIELDS: Readonly<Record<KpiKey, readonly PoField[]>> = {
  on_time: ["promised", "delivered"],
  in_full: ["delivered", "ordered_qty", "received_qty"],
  otif: ["promised", "delivered", "ordered_qty", "received_qty"],
  defect_rate: ["rejected_qty", "received_qty", "ordered_qty", "delivered"],
  price_variance: ["unit_price", "contract_price", "received_qty", "ordered_qty"],
  lead_time: ["order_date", "delivered"],
  spend: ["amount", "unit_price", "received_qty", "ordered_qty"],
  lines: [],
  compliance: ["compliance"],
};

/**
 * The fields to read for some KPIs, plus any named extra fields; vendor and status are always
 * read. With `promisedDays` (a `promised_days` setting), on time and OTIF read the order date too.
 *
 * @example fieldsFor(["spend"]) // Set {"vendor", "status", "amount", "unit_price", "received_qty", "ordered_qty"}
 */
export function fieldsFor(kpis: Iterable<KpiKey>, extra: readonly PoField[] = [], promisedDays = false): ReadonlySet<PoField> {
  const out = new Set<PoField>(["vendor", "status", ...extra]);
  for (const k of kpis) {
    for (const f of KPI_FIELDS[k]) out.add(f);
    if (promisedDays && (k === "on_time" || k === "otif")) out.add("order_date");
  }
  return out;
}
