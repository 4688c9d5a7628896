/**
 * The client setup docs/subscriptions.md gives (graphql-ws with `connectionParams` as a
 * function, `retryAttempts: Infinity`, `shouldRetry` = `shouldReconnect`) reconnects by
 * itself after a token expiry (4440, with a renewed token) and after a gateway restart
 * (1001), resubscribes, and keeps receiving screen-pops; a refused connection (4403) is not
 * retried. Real gateway, real subgraphs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { gatewayConfig } from '../../gateway/config.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { CLOSE_CODES, shouldReconnect } from '../../gateway/subscriptions/close-codes.js';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { SCREEN_POP } from '../../schema/operations/index.js';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), `timed out waiting for ${what}`);
}

async function ring(stack: Stack, agentId: string): Promise<string> {
  const callId = `call_rc_${randomUUID().slice(0, 8)}`;
  const body = JSON.stringify({
    events: [{ id: `evt_${randomUUID()}`, callId, type: 'OFFERED', at: new Date().toISOString(), from: '+8613800138000', to: '+864008123456', direction: 'INBOUND', queueId: 'q_support', agentId }],
  });
  const response = await fetch(`${stack.callcenter.server.url}/webhooks/cti`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(process.env.CTI_WEBHOOK_SECRETS!, body) },
    body,
  });
  assert.equal(response.status, 202);
  await stack.callcenter.server.callEvents.idle();
  return callId;
}

/** The documented client: a fresh token on every connection, retry everything but 4403. */
function documentedClient(url: string, token: () => Promise<string>, seen: { closes: number[]; retries: number }): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: true,
    connectionParams: async () => ({ authorization: await token() }),
    retryAttempts: Infinity,
    shouldRetry: (event) => !(typeof event === 'object' && event !== null && 'code' in event && !shouldReconnect((event as { code: number }).code)),
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 200)),
    on: {
      closed: (event) => void seen.closes.push((event as { code: number }).code),
      connected: (_socket, _payload, wasRetry) => void (wasRetry && (seen.retries += 1)),
    },
  });
}

describe('clients reconnect by themselves', () => {
  let stack: Stack;
  let agent: { id: string; team: string };
  beforeAll(async () => {
    stack = await startStack({ customers: 10 });
    agent = (await stack.query<{ agents: { id: string; team: string }[] }>('{ agents { id team } }')).data!.agents[0]!;
  });
  afterAll(() => stack.close());

  test('a refused connection (4403) is not retried', { timeout: 30_000 }, async () => {
    const seen = { closes: [] as number[], retries: 0 };
    const client = documentedClient(stack.wsUrl, async () => 'Bearer nonsense', seen);
    const failure = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: SCREEN_POP, variables: { agentId: agent.id } }, { next: () => undefined, error: resolve, complete: () => resolve('completed') });
    });
    assert.equal((failure as { code?: number }).code, CLOSE_CODES.UNAUTHENTICATED);
    assert.deepEqual(seen.closes, [CLOSE_CODES.UNAUTHENTICATED]);
    await client.dispose();
  });

  test('after a token expiry (4440) with a renewed token, and after a gateway restart (1001)', { timeout: 90_000 }, async () => {
    let tokens = 0;
    // The first token lives 2 s; renewed ones an hour.
    const token = () => bearer('agent', { agentId: agent.id, team: agent.team, ttl: tokens++ === 0 ? '2s' : '1h' });
    const seen = { closes: [] as number[], retries: 0 };
    const client = documentedClient(stack.wsUrl, token, seen);
    const pops: string[] = [];
    const stop = client.subscribe<{ callEvents: { call: { id: string } } }>(
      { query: SCREEN_POP, variables: { agentId: agent.id } },
      { next: (value) => void (value.data && pops.push(value.data.callEvents.call.id)), error: () => undefined, complete: () => undefined },
    );
    try {
      await until(() => seen.closes.includes(CLOSE_CODES.TOKEN_EXPIRED) && seen.retries === 1, 'the expiry and the reconnection');
      await until(() => stack.callcenter.server.callEvents.stats.subscribers === 1, 'the subscription to be back');
      const afterExpiry = await ring(stack, agent.id);
      await until(() => pops.includes(afterExpiry), 'a screen-pop after the token was renewed');

      // A gateway restart on the same port.
      const port = Number(new URL(stack.gateway.url).port);
      await stack.gateway.close();
      await until(() => seen.closes.includes(CLOSE_CODES.GOING_AWAY), 'the 1001 close');
      const dir = mkdtempSync(join(tmpdir(), 'switchboard-gw-'));
      let restarted: RunningGateway | null = null;
      try {
        restarted = await startGateway({
          ...gatewayConfig({ ...process.env, SWITCHBOARD_DATA_DIR: dir }),
          port,
          subgraphUrls: { crm: stack.crm.server.graphqlUrl, callcenter: stack.callcenter.server.graphqlUrl, tickets: stack.tickets.server.graphqlUrl },
        });
        await until(() => seen.retries === 2 && stack.callcenter.server.callEvents.stats.subscribers === 1, 'the reconnection to the new gateway');
        const afterRestart = await ring(stack, agent.id);
        await until(() => pops.includes(afterRestart), 'a screen-pop after the restart');
        assert.deepEqual(pops, [afterExpiry, afterRestart]);
      } finally {
        stop();
        await client.dispose();
        await restarted?.close();
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      stop();
      await client.dispose();
    }
  });

});
