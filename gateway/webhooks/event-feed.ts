/**
 * The gateway's reader of one system's change-event outbox, through the system's own HTTP
 * interface (`subgraphs/shared/change-events/routes.ts`) with an internal token for the
 * dispatcher's identity: the gateway calls the subgraphs, as it does for every query; no
 * subgraph calls another or the gateway.
 */
import type { ChangeEvent } from '../../subgraphs/shared/change-events/outbox.js';
import { DISPATCHER_SUBJECT } from '../../subgraphs/shared/change-events/routes.js';
import { signInternalToken } from '../../subgraphs/shared/internal-token.js';
import type { Viewer } from '../../schema/viewer.js';

const DISPATCHER: Viewer = { subject: DISPATCHER_SUBJECT, kind: 'service', role: 'service', scopes: [], team: null, agentId: null, expiresAt: null };

export class ChangeEventFeed {
  constructor(
    /** The system's name (`crm`, `tickets`), for messages. */
    readonly source: string,
    /** Its GraphQL URL (the routes are on the same origin); read each time, as the supergraph may change it. */
    private readonly graphqlUrl: () => string | undefined,
    private readonly timeoutMs: number,
  ) {}

  /** Leases up to `limit` events to `owner` for `leaseMs`. Throws when the system does not answer. */
  async claim(owner: string, limit: number, leaseMs: number): Promise<ChangeEvent[]> {
    const body = await this.post<{ events: ChangeEvent[] }>('/internal/change-events/claim', { owner, limit, leaseMs });
    return body.events;
  }

  /** Acknowledges events taken over. */
  async acknowledge(owner: string, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.post('/internal/change-events/ack', { owner, ids });
  }

  private async post<T>(path: string, payload: unknown): Promise<T> {
    const base = this.graphqlUrl();
    if (!base) throw new Error(`${this.source}: no URL known yet`);
    const response = await fetch(new URL(path, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signInternalToken(DISPATCHER)}` },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`${this.source}: HTTP ${response.status} from ${path}`);
    return (await response.json()) as T;
  }
}
