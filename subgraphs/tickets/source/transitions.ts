/**
 * The ticket workflow: which status may follow which. The one copy of the table in the SDL's
 * `TicketStatus` description; the store refuses every other move.
 */
import { badUserInput } from '../../../schema/errors.js';
import type { TicketStatus } from './records.js';

export const ALLOWED_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  NEW: ['OPEN', 'PENDING', 'HOLD', 'SOLVED'],
  OPEN: ['PENDING', 'HOLD', 'SOLVED'],
  PENDING: ['OPEN', 'HOLD', 'SOLVED'],
  HOLD: ['OPEN', 'PENDING', 'SOLVED'],
  SOLVED: ['OPEN', 'CLOSED'],
  CLOSED: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Throws `BAD_USER_INPUT` naming both statuses and the allowed targets unless `from → to` is allowed. */
export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (canTransition(from, to)) return;
  const allowed = ALLOWED_TRANSITIONS[from];
  const targets = allowed.length === 0 ? `${from} is final` : `from ${from} it can move to ${allowed.join(', ')}`;
  throw badUserInput(`A ticket cannot move from ${from} to ${to}; ${targets}.`, {
    argumentName: 'status',
    from,
    to,
    allowed: [...allowed],
  });
}
