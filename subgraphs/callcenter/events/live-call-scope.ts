/**
 * Whose live calls a caller may see through `activeCalls`, `callEventsSince` and
 * `Subscription.callEvents`: the one per-agent rule of the call center, applied here (the
 * subgraph gets the viewer in the internal token on HTTP and on WebSocket alike), so every
 * transport enforces the same thing (docs/authorization.md, "Live calls").
 *
 * - An agent: only their own calls, and they must say so: `agentId` must be their agent id
 *   (claim `agent_id`); anything else, or no agent id in the token, is `FORBIDDEN`.
 * - A supervisor: only calls handled by an agent of their team (claim `team`); `agentId` and
 *   `queueId` narrow further; an agent of another team gives nothing. No team: `FORBIDDEN`.
 * - Everyone else who holds `calls:read` (admins, service accounts): every call.
 */
import { switchboardError } from '../../../schema/errors.js';
import type { Viewer } from '../../../schema/viewer.js';
import type { CallCenterSource } from '../source/port.js';

/** `agentIds` null: no restriction beyond the request's own filters; otherwise only calls whose agent is one of them. */
export interface LiveCallScope {
  agentIds: readonly string[] | null;
}

/** The scope of `viewer` for a request that asked for `agentId` (or none). Throws `FORBIDDEN` as described above. */
export async function liveCallScope(viewer: Viewer, agentId: string | null | undefined, source: Pick<CallCenterSource, 'listAgents'>): Promise<LiveCallScope> {
  if (viewer.role === 'agent') {
    if (!viewer.agentId) throw switchboardError('FORBIDDEN', 'Your token names no agent (claim "agent_id"), so you cannot see live calls.');
    if (agentId !== viewer.agentId) {
      throw switchboardError('FORBIDDEN', `Agents see their own live calls only: pass agentId: "${viewer.agentId}".`, { argumentName: 'agentId' });
    }
    // `agentId` (now the agent's own) already filters: events naming them or on their calls.
    return { agentIds: null };
  }
  if (viewer.role === 'supervisor') {
    if (!viewer.team) throw switchboardError('FORBIDDEN', 'Your token names no team (claim "team"), so you cannot see live calls.');
    const team = await source.listAgents(viewer.team);
    return { agentIds: team.map((agent) => agent.id) };
  }
  return { agentIds: null };
}
