/**
 * Who may assign a ticket to whom (docs/authorization.md, "Ticket assignment"), checked by
 * `createTicket` before anything is written:
 *
 * - an agent: to themselves (their `agent_id`) or to nobody;
 * - a supervisor: to nobody, themselves, or an agent of their own team (the ticket system's
 *   copy of the agent directory, `agent_teams`);
 * - an admin or a service account holding `tickets:write`: to anyone.
 *
 * Any other assignment is `FORBIDDEN` and nothing is written. The assigner is stored with the
 * ticket (`Ticket.assignedBy`): an assignment someone makes to themselves never widens what
 * they may read (the gateway's related-customers lookup ignores such tickets), so a caller's
 * own write never grants them read rights they did not have.
 */
import { switchboardError } from '../../schema/errors.js';
import type { Viewer } from '../../schema/viewer.js';
import type { TicketsSource } from './source/port.js';

/** Throws `FORBIDDEN` when `viewer` may not assign a ticket to `assigneeId` (`null`: unassigned, always allowed). */
export async function checkAssignment(viewer: Viewer, assigneeId: string | null | undefined, source: Pick<TicketsSource, 'agentTeams'>): Promise<void> {
  if (assigneeId == null || (viewer.agentId !== null && assigneeId === viewer.agentId)) return;
  if (viewer.role === 'admin' || viewer.role === 'service') return;
  if (viewer.role === 'supervisor' && viewer.team !== null) {
    const [team] = await source.agentTeams([assigneeId]);
    if (team === viewer.team) return;
  }
  forbid(viewer, assigneeId);
}

function forbid(viewer: Viewer, assigneeId: string): never {
  const rule =
    viewer.role === 'agent'
      ? 'agents assign tickets to themselves only, or leave them unassigned'
      : viewer.role === 'supervisor'
        ? `supervisors assign tickets to agents of their team (${viewer.team ?? 'none in your token'}) only`
        : 'your role may not assign tickets';
  throw switchboardError('FORBIDDEN', `Not allowed to assign a ticket to agent ${assigneeId}: ${rule}.`, { argumentName: 'input.assigneeId', assigneeId });
}
