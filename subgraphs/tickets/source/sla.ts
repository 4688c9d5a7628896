/**
 * The SLA policy: how long a ticket may wait for its first public reply and for its
 * resolution, by priority. The store uses it when it writes a ticket, the resolvers when they
 * report `slaBreached`, so both always agree.
 */
import type { TicketPriority, TicketRecord } from './records.js';

const HOUR_MS = 3_600_000;

export interface SlaTargets {
  firstReplyHours: number;
  resolutionHours: number;
}

export const SLA_POLICY: Readonly<Record<TicketPriority, SlaTargets>> = {
  URGENT: { firstReplyHours: 1, resolutionHours: 4 },
  HIGH: { firstReplyHours: 4, resolutionHours: 24 },
  NORMAL: { firstReplyHours: 24, resolutionHours: 72 },
  LOW: { firstReplyHours: 72, resolutionHours: 168 },
};

type SlaInput = Pick<TicketRecord, 'priority' | 'createdAt' | 'firstRespondedAt' | 'solvedAt'>;

function plusHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();
}

export function firstReplyDueAt(ticket: Pick<TicketRecord, 'priority' | 'createdAt'>): string {
  return plusHours(ticket.createdAt, SLA_POLICY[ticket.priority].firstReplyHours);
}

export function resolutionDueAt(ticket: Pick<TicketRecord, 'priority' | 'createdAt'>): string {
  return plusHours(ticket.createdAt, SLA_POLICY[ticket.priority].resolutionHours);
}

/** The next target not yet met: the first reply, then the resolution; `null` once solved. */
export function nextSlaDueAt(ticket: SlaInput): string | null {
  if (ticket.solvedAt !== null) return null;
  if (ticket.firstRespondedAt === null) return firstReplyDueAt(ticket);
  return resolutionDueAt(ticket);
}

/** Whether a target was missed by `now` (both as ISO strings; they compare correctly as text). */
export function targetMissed(ticket: SlaInput, now: string): boolean {
  const firstReply = firstReplyDueAt(ticket);
  const resolution = resolutionDueAt(ticket);
  const repliedBy = ticket.firstRespondedAt ?? now;
  const solvedBy = ticket.solvedAt ?? now;
  return repliedBy > firstReply || solvedBy > resolution;
}

/** SLA columns for a ticket written at `now`: a miss, once recorded, stays recorded. */
export function slaState(ticket: SlaInput & Pick<TicketRecord, 'slaBreached'>, now: string): Pick<TicketRecord, 'slaDueAt' | 'slaBreached'> {
  return { slaDueAt: nextSlaDueAt(ticket), slaBreached: ticket.slaBreached || targetMissed(ticket, now) };
}

/**
 * What `Ticket.slaBreached` reports: the stored flag (seeded tickets carry it as given), or a
 * target that has fallen due since the ticket was last written.
 */
export function isSlaBreached(ticket: Pick<TicketRecord, 'slaBreached' | 'slaDueAt'>, now: string): boolean {
  return ticket.slaBreached || (ticket.slaDueAt !== null && ticket.slaDueAt < now);
}

function secondsBetween(from: string, to: string | null): number | null {
  if (to === null) return null;
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 1000));
}

export function firstResponseSeconds(ticket: Pick<TicketRecord, 'createdAt' | 'firstRespondedAt'>): number | null {
  return secondsBetween(ticket.createdAt, ticket.firstRespondedAt);
}

export function resolutionSeconds(ticket: Pick<TicketRecord, 'createdAt' | 'solvedAt'>): number | null {
  return secondsBetween(ticket.createdAt, ticket.solvedAt);
}
