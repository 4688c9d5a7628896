/**
 * `npm run watch -- --agent agt_001`: subscribes to an agent's screen-pops through the
 * gateway (graphql-ws, a development token for that agent) and prints each one: who is
 * calling, their tier, open tickets and last calls. For trying `npm start` from a terminal.
 */
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { gatewayConfig } from './config.js';
import { signDevToken } from './auth/token-cli.js';
import { SCREEN_POP } from '../schema/operations/index.js';


interface Pop {
  callEvents: {
    type: string;
    at: string;
    call: {
      id: string;
      from: string | null;
      queue: { name: string } | null;
      caller: { status: string; candidates: { displayName: string; tier: string; tickets: { nodes: { number: string; subject: string }[] } | null; calls: { nodes: unknown[] } | null }[] } | null;
    };
  };
}

const { values } = parseArgs({ options: { agent: { type: 'string', default: 'agt_001' }, team: { type: 'string' }, url: { type: 'string' } } });
const config = gatewayConfig();
const url = values.url ?? `ws://${config.host}:${config.port}/graphql`;
const token = await signDevToken({ role: 'agent', sub: `watch-${values.agent}`, agentId: values.agent, team: values.team });
const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
console.log(`Watching screen-pops of ${values.agent} on ${url} (Ctrl-C to stop)…`);
client.subscribe<Pop>(
  { query: SCREEN_POP, variables: { agentId: values.agent } },
  {
    next: ({ data, errors }) => {
      const event = data?.callEvents;
      if (!event) return console.log(JSON.stringify(errors));
      const caller = event.call.caller;
      const who =
        !caller ? 'withheld number'
        : caller.status === 'NONE' ? 'unknown caller'
        : caller.candidates.map((c) => `${c.displayName} (${c.tier}, ${c.tickets?.nodes.length ?? 0} open tickets)`).join(' or ');
      console.log(`${event.at}  ${event.type.padEnd(8)} ${event.call.id}  ${event.call.from ?? '—'}  ${event.call.queue?.name ?? ''}  ${caller?.status ?? ''}: ${who}`);
    },
    error: (error) => {
      console.error('subscription ended:', error);
      process.exit(1);
    },
    complete: () => process.exit(0),
  },
);
