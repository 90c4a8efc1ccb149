/** The SLA engine: business-hours calendars, priority policies and ticket status. */
export { ALWAYS, DEFAULT_CALENDAR, breachAt, businessClock, businessHours, makeCalendar, momentAt, weekly, type Calendar, type Shift } from "./calendar";
export { utcOf, wallOf, zoneNamed, type Zone } from "./zone";
export { readCalendar } from "./calendar-config";
export { DEFAULT_POLICY, makePolicy, readPolicy, type Clock, type Policy, type PolicyOptions, type PolicyRow } from "./policy";
export { readTickets, timeProblem, type TicketTable } from "./tickets";
export { slaStatus, vendorSla, type SlaMeasure, type SlaReport, type SlaState, type TicketStatus, type VendorSla } from "./status";
export { creditFor, readCredits, type CreditBand } from "./credit";
