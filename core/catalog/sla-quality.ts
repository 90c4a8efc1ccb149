import { ticketQuality } from "../quality/tickets";
import { POLICY, TICKETS } from "./sla";
import { defineFunction } from "./types";

export const SLADATAQUALITY = defineFunction({
  name: "SLADATAQUALITY",
  description: "Spills what the SLA functions will read from tickets: each field's column and how it was matched, counts per field, and a vendor column that cannot tell vendors apart.",
  example: '=SLADATAQUALITY(A1:Z6000) shows that the column "vendor" holds one value, "?", on every row, and says to map another with a policy row "vendor, assignment_group".',
  params: [TICKETS, POLICY],
  result: "table",
  impl({ tickets, policy }) {
    // Only the policy's mapping and date_order rows matter here: nothing is judged.
    return ticketQuality(tickets, policy.read);
  },
});
