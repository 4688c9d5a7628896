/**
 * `npm run watch -- --agent agt_001`: subscribes to an agent's screen-pops through the
 * gateway (graphql-ws, a development token for that agent) and prints each one: who is
 * calling, their tier, open tickets and last calls. For trying `npm start` from a terminal.
 * It is also the reference client of docs/subscriptions.md: it reconnects after every close
 * but 4403 with a fresh token, catches up from its last cursor after each reconnection and
 * prints each event once.
 */
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { gatewayConfig } from './config.js';
import { signDevToken } from './auth/token-cli.js';
import { CATCH_UP, SCREEN_POP } from '../schema/operations/index.js';
import { shouldReconnect } from './subscriptions/close-codes.js';


interface PopEvent {
  id: string;
  type: string;
  at: string;
  cursor: string;
  call: {
    id: string;
    from: string | null;
    queue: { name: string } | null;
    caller: { status: string; candidates: { displayName: string; tier: string; tickets: { nodes: { number: string; subject: string }[] } | null; calls: { nodes: unknown[] } | null }[] } | null;
  };
}

const { values } = parseArgs({ options: { agent: { type: 'string', default: 'agt_001' }, team: { type: 'string' }, url: { type: 'string' } } });
const config = gatewayConfig();
const url = values.url ?? `ws://${config.host}:${config.port}/graphql`;
const httpUrl = url.replace(/^ws/, 'http');
// A fresh token on every (re)connection: an expired one (close 4440) is simply renewed.
const token = () => signDevToken({ role: 'agent', sub: `watch-${values.agent}`, agentId: values.agent, team: values.team });

/** The documented client pattern (docs/subscriptions.md): the last cursor, catch-up after each reconnection, each event once. */
let lastCursor: string | null = null;
const seen = new Set<string>();

function print(event: PopEvent, note = ''): void {
  if (seen.has(event.id)) return;
  seen.add(event.id);
  lastCursor = event.cursor;
  const caller = event.call.caller;
  const who =
    !caller ? 'withheld number'
    : caller.status === 'NONE' ? 'unknown caller'
    : caller.candidates.map((c) => `${c.displayName} (${c.tier}, ${c.tickets?.nodes.length ?? 0} open tickets)`).join(' or ');
  console.log(`${event.at}  ${event.type.padEnd(8)} ${event.call.id}  ${event.call.from ?? '—'}  ${event.call.queue?.name ?? ''}  ${caller?.status ?? ''}: ${who}${note}`);
}

async function query<T>(text: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(httpUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` }, body: JSON.stringify({ query: text, variables }) });
  return (await response.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function catchUp(): Promise<void> {
  for (let after = lastCursor; after !== null; ) {
    const page = await query<{ callEventsSince: { nodes: PopEvent[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(CATCH_UP, { agentId: values.agent, after });
    if (!page.data) return console.error('catch-up failed:', JSON.stringify(page.errors));
    for (const event of page.data.callEventsSince.nodes) print(event, '  (caught up)');
    after = page.data.callEventsSince.pageInfo.hasNextPage ? page.data.callEventsSince.pageInfo.endCursor : null;
  }
}

const head = await query<{ callEventsCursor: string }>('{ callEventsCursor }', {});
lastCursor = head.data?.callEventsCursor ?? null;
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: async () => ({ authorization: `Bearer ${await token()}` }),
  retryAttempts: Infinity,
  shouldRetry: (event) => !(typeof event === 'object' && event !== null && 'code' in event && !shouldReconnect((event as { code: number }).code)),
  on: {
    closed: (event) => console.log(`connection closed (${(event as { code?: number }).code ?? '?'}); reconnecting…`),
    connected: (_socket, _payload, wasRetry) => void (wasRetry ? catchUp() : undefined),
  },
});
console.log(`Watching screen-pops of ${values.agent} on ${url} (Ctrl-C to stop)…`);
client.subscribe<{ callEvents: PopEvent }>(
  { query: SCREEN_POP, variables: { agentId: values.agent } },
  {
    next: ({ data, errors }) => (data?.callEvents ? print(data.callEvents) : console.log(JSON.stringify(errors))),
    error: (error) => {
      console.error('subscription ended:', error);
      process.exit(1);
    },
    complete: () => process.exit(0),
  },
);
