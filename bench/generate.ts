import type { CellValue, Range } from "../core";

/** A small seeded generator (mulberry32): the same seed gives the same range on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PO_HEADER = ["Vendor", "PO Date", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price", "Amount"];
export const VENDORS = 200;
/** The day the generated lines are judged at: after every promised day but a few. */
export const PO_AS_OF = 45_640;

const cents = (x: number) => Math.round(x * 100) / 100;

/**
 * Purchase-order lines as Excel hands them to a custom function: 10 columns, dates as serials,
 * blanks as null, each vendor cell its own string. Vendors are skewed (a few carry most lines,
 * as in real spend), ~6% of lines are undelivered, some late, short, defective or over contract
 * price, and half have no amount (spend is then unit price x qty).
 */
export function poRange(lines: number, seed = 7): Range {
  const rnd = random(seed);
  const range: Range = [PO_HEADER.slice()];
  for (let i = 0; i < lines; i++) {
    const v = Math.floor(VENDORS * rnd() * rnd());
    const vendor = "Vendor " + String(v + 1).padStart(3, "0");
    const po = 45_000 + Math.floor(rnd() * 600);
    const promised = po + 7 + Math.floor(rnd() * 21);
    const delivered = rnd() < 0.06 ? null : promised + Math.floor(rnd() * 9) - 5 - (v % 3);
    const ordered = 1 + Math.floor(rnd() * 500);
    const received = delivered === null ? null : ordered - (rnd() < 0.1 ? Math.floor(rnd() * ordered * 0.2) : 0);
    const rejected = received === null ? null : rnd() < 0.15 ? Math.floor(rnd() * received * 0.05) : 0;
    const contract = cents(5 + rnd() * 995);
    const unit = rnd() < 0.2 ? cents(contract * (0.98 + rnd() * 0.1)) : contract;
    const amount = rnd() < 0.5 ? cents(unit * ordered) : null;
    const row: CellValue[] = [vendor, po, promised, delivered, ordered, received, rejected, unit, contract, amount];
    range.push(row);
  }
  return range;
}

export const TICKET_HEADER = ["Ticket", "Vendor", "Priority", "Opened", "Responded", "Resolved"];
const PRIORITIES = ["P1", "P2", "P3", "P4"];

/**
 * Service tickets with date-times as serials. `open` leaves every ticket unresolved (opened
 * within the 30 days before `TICKETS_OPEN_FROM + 30`), for timing how the elapsed business
 * hours of open tickets scale with how long they have been open.
 */
export function ticketRange(tickets: number, open = false, seed = 11): Range {
  const rnd = random(seed);
  const range: Range = [TICKET_HEADER.slice()];
  for (let i = 0; i < tickets; i++) {
    const vendor = "Vendor " + String(Math.floor(VENDORS * rnd() * rnd()) + 1).padStart(3, "0");
    const priority = PRIORITIES[Math.floor(rnd() * 4)]!;
    const opened = open ? TICKETS_OPEN_FROM + rnd() * 30 : 45_000 + rnd() * 365;
    const responded = opened + rnd() * 0.3;
    const resolved = open || rnd() < 0.15 ? null : opened + rnd() * 6;
    range.push(["T" + (i + 1), vendor, priority, opened, responded, resolved]);
  }
  return range;
}

export const TICKETS_OPEN_FROM = 45_600;

export const TICKET_LOG_HEADER = ["Ticket", "Vendor", "Priority", "Opened", "Responded", "Resolved", "Updated", "Status"];
/** The day the ticket log is judged at: after its two years of tickets. */
export const TICKET_LOG_AS_OF = 45_000 + 731;

/**
 * A service-desk event log: five rows per ticket (New, In progress, On hold, In progress,
 * Resolved), tickets opened over two years, times as UTC serials, rows grouped by ticket as
 * exports list them. 15% of tickets are still on hold at the end, so they are paused at as-of.
 */
export function ticketLogRange(tickets: number, seed = 17): Range {
  const rnd = random(seed);
  const range: Range = [TICKET_LOG_HEADER.slice()];
  for (let i = 0; i < tickets; i++) {
    const id = "INC" + String(i + 1).padStart(7, "0");
    const vendor = "Vendor " + String(Math.floor(VENDORS * rnd() * rnd()) + 1).padStart(3, "0");
    const priority = PRIORITIES[Math.floor(rnd() * 4)]!;
    const opened = 45_000 + rnd() * 730;
    const responded = opened + rnd() * 0.3;
    const work = responded + rnd() * 0.5;
    const hold = work + rnd() * 2;
    const back = hold + rnd() * 3;
    const open = rnd() < 0.15;
    const resolved = open ? null : back + rnd() * 3;
    const rows: [number, string][] = [[opened, "New"], [work, "In progress"], [hold, "On hold"], [back, "In progress"], [resolved ?? back, open ? "On hold" : "Resolved"]];
    for (const [at, status] of rows) range.push([id, vendor, priority, opened, responded, resolved, at, status]);
  }
  return range;
}

/** A risk range (vendor, supply risk 1-5) for VENDORSEGMENTS, whose PO lines carry no risk column. */
export function riskRange(seed = 13): Range {
  const rnd = random(seed);
  const range: Range = [["Vendor", "Supply risk"]];
  for (let v = 0; v < VENDORS; v++) range.push(["Vendor " + String(v + 1).padStart(3, "0"), 1 + Math.floor(rnd() * 5)]);
  return range;
}
