/**
 * `Query.reconciliationReport` (docs/reporting.md, "Reconciliation"), served by the gateway's
 * in-process subgraph: the gateway reads each system's part through that system's own
 * admin-only field (`reconciliationCalls`, `reconciliationCallLogs`,
 * `reconciliationCallbackTickets`) as its `gateway:reconciliation` service account, then
 * compares them (`compare.ts`). No system calls another.
 *
 * Partial data: without the call center nothing can be said (the field is null with a
 * SUBGRAPH_UNAVAILABLE error naming `callcenter`); without the CRM or the ticket system the
 * call counts stay and `agreeing`, `agreementRate` and `differences` are null, each with a
 * SUBGRAPH_UNAVAILABLE error naming the system at its path.
 */
import type { GraphQLError } from 'graphql';
import { switchboardError } from '../../schema/errors.js';
import type { Viewer } from '../../schema/viewer.js';
import { SystemClient, SystemUnavailableError } from '../privacy/system-client.js';
import { compare, countCalls, type CallPart, type Comparison } from './compare.js';

/** The gateway acting for a reconciliation, with only the scopes the parts need. */
export const RECONCILIATION_VIEWER: Viewer = {
  subject: 'gateway:reconciliation',
  kind: 'service',
  role: 'service',
  scopes: ['reports:read', 'audit:read'],
  team: null,
  agentId: null,
  expiresAt: null,
};

/** The report before its field resolvers: `comparison` or the error that stands for it. */
export interface ReconciliationResult {
  from: string;
  to: string;
  callsEnded: number;
  expectedCallLogs: number;
  comparison: Comparison | GraphQLError;
}

const CALLS = `query ($from: DateTime!, $to: DateTime!) {
  reconciliationCalls(from: $from, to: $to) { callId callLog { status outcome customerId resultRef } callback { status outcome customerId resultRef } }
}`;
const CALL_LOGS = 'query ($ids: [ID!]!) { reconciliationCallLogs(callIds: $ids) { callId activityId } }';
const TICKETS = 'query ($ids: [ID!]!) { reconciliationCallbackTickets(callIds: $ids) { callId number } }';

function unavailable(error: unknown): GraphQLError {
  if (error instanceof SystemUnavailableError) return switchboardError('SUBGRAPH_UNAVAILABLE', error.message, { system: error.system });
  throw error;
}

function byCall(rows: readonly { callId: string }[], value: (row: never) => string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.callId, [...(map.get(row.callId) ?? []), value(row as never)]);
  return map;
}

export class Reconciler {
  private readonly client: SystemClient;

  constructor(subgraphUrl: (system: string) => string | undefined, timeoutMs: number) {
    this.client = new SystemClient(subgraphUrl, timeoutMs, RECONCILIATION_VIEWER);
  }

  /** The report of calls that ended in [from, to); throws SUBGRAPH_UNAVAILABLE when the call center does not answer. */
  async report(from: string, to: string): Promise<ReconciliationResult> {
    let calls: CallPart[];
    try {
      calls = (await this.client.request<{ reconciliationCalls: CallPart[] }>('callcenter', CALLS, { from, to })).reconciliationCalls;
    } catch (error) {
      throw unavailable(error);
    }
    const ids = calls.map((call) => call.callId);
    const counts = countCalls(calls);
    const [logs, tickets] = await Promise.allSettled([
      ids.length ? this.client.request<{ reconciliationCallLogs: { callId: string; activityId: string }[] }>('crm', CALL_LOGS, { ids }) : { reconciliationCallLogs: [] },
      ids.length ? this.client.request<{ reconciliationCallbackTickets: { callId: string; number: string }[] }>('tickets', TICKETS, { ids }) : { reconciliationCallbackTickets: [] },
    ]);
    const comparison =
      logs.status === 'rejected'
        ? unavailable(logs.reason)
        : tickets.status === 'rejected'
          ? unavailable(tickets.reason)
          : compare(
              calls,
              byCall(logs.value.reconciliationCallLogs, (row: { activityId: string }) => row.activityId),
              byCall(tickets.value.reconciliationCallbackTickets, (row: { number: string }) => row.number),
            );
    return { from, to, ...counts, comparison };
  }
}
