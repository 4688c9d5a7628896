/** The CTI event store on PostgreSQL: intake, deduplication, a transfer applied (skips without a server). */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { createCallCenterServer, type RunningCallCenter } from '../../subgraphs/callcenter/server.js';
import { openPostgresStore, type OpenedStore } from '../callcenter/fixture.js';
import { POSTGRES_SKIP_REASON, postgresReachable } from '../support/databases.js';
import { CUSTOMER, HOTLINE, SECRET, event, newCallId, postWebhook } from './harness.js';
import { skipNote } from '../support/skip.js';

const SKIP = (await postgresReachable()) ? false : POSTGRES_SKIP_REASON;

describe.skipIf(SKIP)(skipNote('call events on PostgreSQL', SKIP), () => {
  let store: OpenedStore;
  let server: RunningCallCenter;
  beforeAll(async () => {
    store = await openPostgresStore();
    server = await createCallCenterServer({ source: store.store, port: 0, callEvents: { webhookSecrets: [SECRET], redisUrl: null } });
  });
  afterAll(async () => {
    await server?.close();
    await store?.dispose();
  });

  it('stores once, applies a transfer and creates unknown agents and queues', async () => {
    const base = Date.now() - 60_000;
    const first = newCallId();
    const second = newCallId();
    const events = [
      event(first, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_pg' }),
      event(first, 'ANSWERED', base, 5, { agentId: 'agt_pg' }),
      event(second, 'TRANSFERRED', base, 20, { parentCallId: first }),
    ];
    const url = `${server.url}/webhooks/cti`;
    assert.equal((await postWebhook(url, { events })).body.accepted, 3);
    assert.equal((await postWebhook(url, { events })).body.duplicates, 3);
    await server.callEvents.idle();
    const [parent, child] = await store.store.callsByIds([first, second]);
    assert.equal(parent?.disposition, 'TRANSFERRED');
    assert.equal(parent?.talkSeconds, 15);
    assert.equal(child?.parentCallId, first);
    assert.equal(child?.customerNumber, CUSTOMER);
    const [agent] = await store.store.agentsByIds(['agt_pg']);
    assert.equal(agent?.name, 'Agent agt_pg');
  });
});
