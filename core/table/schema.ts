/**
 * The columns a report reads, each with the headers it answers to. Headers match
 * case-, space- and punctuation-insensitively; for each field the first alias found wins.
 */
export type FieldKind = "text" | "number" | "date" | "flag";

export interface FieldSpec<K extends string = string> {
  readonly key: K;
  readonly kind: FieldKind;
  readonly aliases: readonly string[];
  readonly required?: boolean;
}

export type Schema<K extends string = string> = readonly FieldSpec<K>[];

/** `"Promised Date"`, `"promised_date"` and `"PROMISED-DATE"` all read as `promiseddate`. */
export function normalizeHeader(h: unknown): string {
  return String(h ?? "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

const VENDOR = ["vendor", "supplier", "vendor name", "supplier name"];

/** Purchase-order lines, the input of the scorecard and segmentation functions. */
export const PO_SCHEMA = [
  { key: "vendor", kind: "text", aliases: VENDOR, required: true },
  {
    key: "promised",
    kind: "date",
    aliases: ["promised date", "due date", "expected date", "promised delivery date", "need by date",
      "scheduled delivery date", "scheduled date", "promise date", "requested date", "target date", "promised"],
  },
  {
    key: "delivered",
    kind: "date",
    aliases: ["delivered date", "delivery date", "received date", "actual delivery date", "receipt date",
      "actual date", "arrival date", "date received", "delivered"],
  },
  { key: "ordered_qty", kind: "number", aliases: ["ordered qty", "quantity", "qty", "order quantity", "qty ordered", "order qty", "po qty", "line item quantity"] },
  { key: "received_qty", kind: "number", aliases: ["received qty", "qty received", "delivered qty"] },
  { key: "rejected_qty", kind: "number", aliases: ["rejected qty", "defective units", "defects", "qty rejected", "returned qty"] },
  { key: "unit_price", kind: "number", aliases: ["unit price", "price"] },
  { key: "contract_price", kind: "number", aliases: ["contract price", "negotiated price", "agreed price"] },
  { key: "amount", kind: "number", aliases: ["amount", "spend", "line total", "total", "line value", "line item value", "extended price", "net amount"] },
  { key: "order_date", kind: "date", aliases: ["order date", "po date"] },
  { key: "status", kind: "text", aliases: ["status", "order status", "line status"] },
  { key: "compliance", kind: "flag", aliases: ["compliance", "compliant"] },
  { key: "supply_risk", kind: "number", aliases: ["supply risk", "risk"] },
  { key: "profit_impact", kind: "number", aliases: ["profit impact", "impact"] },
  { key: "tier", kind: "text", aliases: ["tier", "relationship tier"] },
] as const satisfies Schema;

export type PoField = (typeof PO_SCHEMA)[number]["key"];

/** Service tickets, the input of the SLA functions. */
export const TICKET_SCHEMA = [
  { key: "vendor", kind: "text", aliases: VENDOR, required: true },
  { key: "ticket", kind: "text", aliases: ["ticket", "ticket id", "incident", "id", "number"] },
  { key: "priority", kind: "text", aliases: ["priority", "severity"], required: true },
  { key: "opened", kind: "date", aliases: ["opened", "opened at", "created", "created at", "reported"], required: true },
  { key: "responded", kind: "date", aliases: ["responded", "responded at", "first response"] },
  { key: "resolved", kind: "date", aliases: ["resolved", "resolved at", "closed", "closed at"] },
  { key: "updated", kind: "date", aliases: ["updated", "updated at", "last updated"] },
  { key: "status", kind: "text", aliases: ["status", "state", "incident state", "ticket status"] },
  { key: "paused_hours", kind: "number", aliases: ["paused hours", "paused (h)", "paused h", "hours paused", "on hold hours", "hold hours", "pending hours"] },
] as const satisfies Schema;

export type TicketField = (typeof TICKET_SCHEMA)[number]["key"];

/**
 * Survey answers, one row per answer: the input of VENDORSURVEY and of survey criteria scored
 * as KPIs. Only the vendor, criterion and score are required.
 */
export const SURVEY_SCHEMA = [
  { key: "vendor", kind: "text", aliases: VENDOR, required: true },
  { key: "criterion", kind: "text", aliases: ["criterion", "question", "criteria", "kpi", "metric", "item", "topic", "category", "dimension", "attribute"], required: true },
  { key: "score", kind: "number", aliases: ["score", "rating", "answer", "value", "response", "points", "mark"], required: true },
  { key: "evaluator", kind: "text", aliases: ["evaluator", "respondent", "rater", "reviewer", "assessor", "stakeholder", "evaluated by", "submitted by", "user", "email"] },
  { key: "date", kind: "date", aliases: ["date", "response date", "survey date", "answer date", "submitted", "submitted at", "submitted on", "timestamp", "completed", "completed at"] },
  { key: "weight", kind: "number", aliases: ["weight", "respondent weight", "answer weight", "importance"] },
] as const satisfies Schema;

export type SurveyField = (typeof SURVEY_SCHEMA)[number]["key"];
