import type { Range } from "../../core";

/** The purchase-order columns a full export has, in the order the tests write their lines. */
export const PO_HEADER = ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price"];

/** One good purchase-order line for Acme: tests add the one bad thing they are about to it. */
export const GOOD: Range = [
  ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty"],
  ["Acme", "2025-03-01", "2025-03-02", 10, 10],
];

/** The ticket columns SLASTATUS needs, in the order the tests write their tickets. */
export const TICKET_HEADER = ["Ticket", "Vendor", "Priority", "Opened", "Resolved"];
