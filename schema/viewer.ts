/**
 * Who is asking, as the gateway established it and as it travels to every subgraph in the
 * internal token: the one shape identity has everywhere.
 */
import type { Role, Scope } from './access.js';

export interface Viewer {
  /** The token's subject (a user id) or the API key's service account name. */
  subject: string;
  kind: 'user' | 'service';
  role: Role;
  scopes: readonly Scope[];
  /** The team an agent or supervisor belongs to (`team-bj`, …). */
  team: string | null;
  /** The call-center agent id of an agent or supervisor, when they have one. */
  agentId: string | null;
  /** Seconds since the epoch; a subscription ends at this time. */
  expiresAt: number | null;
  /**
   * For agents and supervisors: the customers they serve right now, looked up by the gateway
   * (the callers on their active calls, the requesters of open tickets assigned to them).
   * The record-level rule gives full details for these besides the viewer's own team.
   */
  related?: RelatedCustomers;
}

export interface RelatedCustomers {
  /** CRM customer ids (requesters of the agent's open tickets). */
  customerIds: string[];
  /** E.164 numbers of the callers on the agent's active calls. */
  phoneNumbers: string[];
}

/** Roles whose customer access is limited to their team and the customers they serve. */
export function hasRecordRestriction(viewer: Viewer): boolean {
  return viewer.role === 'agent' || viewer.role === 'supervisor';
}

export function hasScope(viewer: Viewer | null, scope: Scope): boolean {
  return viewer !== null && viewer.scopes.includes(scope);
}
