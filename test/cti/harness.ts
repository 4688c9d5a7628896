/**
 * A real call-center server for the CTI and call-event tests: a temporary SQLite store
 * with the call-center fixture, known webhook secrets, helpers to post signed webhooks,
 * build internal events and query the subgraph as the gateway would.
 */
import { randomUUID } from 'node:crypto';
import { createCallCenterServer, type RunningCallCenter } from '../../subgraphs/callcenter/server.js';
import type { CallEventsOptions } from '../../subgraphs/callcenter/events/runtime.js';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { fixture, openSqliteStore, type OpenedStore } from '../callcenter/fixture.js';
import { internalHeaders } from '../support/viewers.js';

export const SECRET = 'test-secret-current';
export const OLD_SECRET = 'test-secret-previous';
export const CUSTOMER = '+8613800138000';
export const HOTLINE = '+864008123456';

export interface Harness {
  server: RunningCallCenter;
  store: OpenedStore;
  webhookUrl: string;
  close(): Promise<void>;
}

export async function startHarness(options: CallEventsOptions = {}): Promise<Harness> {
  const store = await openSqliteStore();
  await store.store.loadSeed({ agents: fixture.agents, queues: fixture.queues, calls: [] });
  let server: RunningCallCenter;
  try {
    server = await createCallCenterServer({
      source: store.store,
      port: 0,
      callEvents: { webhookSecrets: [SECRET, OLD_SECRET], redisUrl: null, ...options },
    });
  } catch (error) {
    await store.dispose();
    throw error;
  }
  return {
    server,
    store,
    webhookUrl: `${server.url}/webhooks/cti`,
    async close() {
      await server.close();
      await store.dispose();
    },
  };
}

export interface WebhookResponse {
  status: number;
  body: { code?: string; reason?: string; message?: string; accepted?: number; duplicates?: number; ignored?: Record<string, number>; ErrCode?: number };
}

/** Posts `payload` signed with `secret` (or with the given headers) and returns status and JSON body. */
export async function postWebhook(
  url: string,
  payload: unknown,
  options: { secret?: string; nowMs?: number; headers?: Record<string, string>; raw?: string } = {},
): Promise<WebhookResponse> {
  const body = options.raw ?? JSON.stringify(payload);
  const headers = options.headers ?? ctiSignatureHeaders(options.secret ?? SECRET, body, options.nowMs);
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as WebhookResponse['body'] };
}

/** Posts a vendor delivery (body as given, query appended) with `headers`; returns status and JSON body. */
export async function postDelivery(
  harness: Harness,
  delivery: { contentType: string; body: string; query?: string },
  headers: Record<string, string>,
): Promise<WebhookResponse> {
  const url = delivery.query ? `${harness.webhookUrl}?${delivery.query}` : harness.webhookUrl;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': delivery.contentType, ...headers }, body: delivery.body });
  return { status: response.status, body: (await response.json()) as WebhookResponse['body'] };
}

/** Posts events, expects 202, and waits until the server has applied and published them. */
export async function deliver(harness: Harness, events: unknown[]): Promise<WebhookResponse> {
  const response = await postWebhook(harness.webhookUrl, { events });
  if (response.status !== 202) throw new Error(`webhook answered ${response.status}: ${JSON.stringify(response.body)}`);
  await harness.server.callEvents.idle();
  return response;
}

export interface InternalEvent {
  id: string;
  callId: string;
  type: string;
  at: string;
  [field: string]: unknown;
}

/** An internal-format event `seconds` after `base`. */
export function event(callId: string, type: string, base: number, seconds: number, extra: Record<string, unknown> = {}): InternalEvent {
  return { id: `evt_${randomUUID()}`, callId, type, at: new Date(base + seconds * 1000).toISOString(), ...extra };
}

export const newCallId = () => `call_t_${randomUUID().slice(0, 8)}`;

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T = Record<string, unknown>>(harness: Harness, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
  const response = await fetch(harness.server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await internalHeaders()) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

export const CALL_FIELDS = /* GraphQL */ `
  id direction from to state startedAt answeredAt endedAt waitSeconds talkSeconds holdSeconds wrapUpSeconds disposition
  agent { id name presence } queue { id name } parentCall { id }
`;

export interface CallView {
  id: string;
  direction: string;
  from: string | null;
  to: string | null;
  state: string;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  waitSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapUpSeconds: number;
  disposition: string | null;
  agent: { id: string; name: string; presence: string } | null;
  queue: { id: string; name: string } | null;
  parentCall: { id: string } | null;
}

export async function getCall(harness: Harness, id: string): Promise<CallView | null> {
  const result = await gql<{ call: CallView | null }>(harness, `query ($id: ID!) { call(id: $id) { ${CALL_FIELDS} } }`, { id });
  return result.data?.call ?? null;
}
