/**
 * Which customers an agent is serving right now, for the record-level rule
 * (docs/authorization.md): the callers on the agent's active calls and the customers of the
 * bot hand-offs offered to or recently accepted by them (call center), and the requesters of
 * the open tickets someone else assigned to them (ticket system). A ticket the
 * agent assigned to themselves counts for nothing: a caller's own write never grants them
 * read rights they did not have (subgraphs/tickets/assignment.ts). Looked up by the gateway
 * on the agent's behalf, cached briefly per agent. When a source is down or does not answer
 * within the request's share of its deadline, the agent keeps their team's customers only
 * (no lookup result means no extra access, never more), and the failure is logged: it never
 * fails the request.
 */
import { boundedCache, mib, type BoundedCache } from '../../subgraphs/shared/bounded-cache.js';
import type { RelatedCustomers, Viewer } from '../../schema/viewer.js';
import { signInternalToken } from '../../subgraphs/shared/internal-token.js';
import { unlessAborted } from '../request-deadline.js';
import { loggerFor } from '../../subgraphs/shared/observability/logger.js';

const log = loggerFor('gateway');

const CALL_CENTER = 'query RelatedByCallCenter($agentId: ID!) { activeCalls(agentId: $agentId) { caller { phone } } handoffCustomers(agentId: $agentId) }';
const OPEN_TICKETS =
  'query RelatedByTickets($agentId: ID!) { assignedTickets(assigneeId: $agentId, status: [NEW, OPEN, PENDING, HOLD], first: 100) { nodes { assignedBy requester { id } } } }';

/** The gateway asking for itself, with only the scopes this lookup needs. */
const LOOKUP_VIEWER: Viewer = { subject: 'gateway:related-customers', kind: 'service', role: 'service', scopes: ['customers:read', 'calls:read', 'tickets:read'], team: null, agentId: null, expiresAt: null };

export const NO_RELATED: RelatedCustomers = { customerIds: [], phoneNumbers: [] };

/** Upper estimate of one lookup's heap: up to 100 ticket requesters and some callers' numbers, as short strings. */
const MAX_LOOKUP_BYTES = 16_384;

export class RelatedCustomersLookup {
  private readonly cache: BoundedCache<Promise<RelatedCustomers>>;

  constructor(
    private readonly subgraphUrl: (name: string) => string | undefined,
    private readonly timeoutMs: number,
    ttlMs: number,
    cacheBytes = mib(8),
  ) {
    // Cached while pending: each lookup counts at the largest size one can have.
    this.cache = boundedCache<Promise<RelatedCustomers>>({ maxBytes: cacheBytes, sizeOf: () => MAX_LOOKUP_BYTES, ttlMs });
  }

  /**
   * The customers agent `agentId` serves (`subject` is the viewer's, to leave out tickets they
   * assigned to themselves), or none (`NO_RELATED`) when `signal` (the request's share of its
   * deadline) aborts first. The lookup itself is shared by the agent's concurrent requests and
   * bounded by the subgraph timeout, so one request giving up does not cancel it.
   */
  lookup(agentId: string, subject: string, signal: AbortSignal): Promise<RelatedCustomers> {
    const key = `${agentId}\u0000${subject}`;
    let related = this.cache.get(key);
    if (!related) {
      related = this.fetch(agentId, subject);
      this.cache.set(key, related);
    }
    return unlessAborted(related, signal, () => {
      log.warn(`related customers of ${agentId}: no answer within the request's deadline; team customers only`);
      return NO_RELATED;
    });
  }

  private async fetch(agentId: string, subject: string): Promise<RelatedCustomers> {
    const [calls, tickets] = await Promise.all([
      this.query<{ activeCalls: { caller: { phone: string } | null }[] | null; handoffCustomers: string[] | null }>('callcenter', CALL_CENTER, agentId),
      this.query<{ assignedTickets: { nodes: { assignedBy: string | null; requester: { id: string } | null }[] } | null }>('tickets', OPEN_TICKETS, agentId),
    ]);
    const assignedByOthers = (tickets?.assignedTickets?.nodes ?? []).filter((ticket) => ticket.assignedBy !== subject);
    return {
      phoneNumbers: [...new Set((calls?.activeCalls ?? []).flatMap((call) => (call.caller ? [call.caller.phone] : [])))],
      customerIds: [...new Set([...assignedByOthers.flatMap((ticket) => (ticket.requester ? [ticket.requester.id] : [])), ...(calls?.handoffCustomers ?? [])])],
    };
  }

  private async query<T>(subgraph: string, query: string, agentId: string): Promise<T | null> {
    const url = this.subgraphUrl(subgraph);
    if (!url) return null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await signInternalToken(LOOKUP_VIEWER)}` },
        body: JSON.stringify({ query, variables: { agentId } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (!body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
      return body.data;
    } catch (error) {
      log.warn(`related customers of ${agentId}: the ${subgraph} subgraph did not answer (${(error as Error).message}); team customers only`);
      return null;
    }
  }
}

export function withRelated(related: RelatedCustomers, more: Partial<RelatedCustomers>): RelatedCustomers {
  return {
    customerIds: [...new Set([...related.customerIds, ...(more.customerIds ?? [])])],
    phoneNumbers: [...new Set([...related.phoneNumbers, ...(more.phoneNumbers ?? [])])],
  };
}
