/**
 * Calls whose end never arrives are expired after a configurable silence: at once for
 * `activeCalls` (so they grant no record access), and by the sweep through the normal event
 * path (state ENDED, disposition EXPIRED, counted apart in call-center metrics). A real end arriving
 * later replaces the expiry; other late events do not reopen the call. Real call-center
 * servers over SQLite, and the whole stack for the record-level rule.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { callEventsConfig } from '../../subgraphs/shared/config.js';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { CALL_FIELDS, CUSTOMER, HOTLINE, deliver, event, getCall, gql, newCallId, startHarness, type CallView, type Harness } from '../cti/harness.js';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

const SILENCE_MS = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ACTIVE = `{ activeCalls { ${CALL_FIELDS} } }`;

async function activeIds(harness: Harness): Promise<string[]> {
  const result = await gql<{ activeCalls: CallView[] }>(harness, ACTIVE);
  assert.equal(result.errors, undefined);
  return result.data!.activeCalls.map((c) => c.id);
}

describe('the silence setting', () => {
  test('CALL_EXPIRY_SILENCE_SECONDS, 4 hours by default, refused when not a positive number', () => {
    assert.equal(callEventsConfig({ CTI_WEBHOOK_SECRETS: 's' }).callSilenceMs, 4 * 3600 * 1000);
    assert.equal(callEventsConfig({ CTI_WEBHOOK_SECRETS: 's', CALL_EXPIRY_SILENCE_SECONDS: '90' }).callSilenceMs, 90_000);
    assert.throws(() => callEventsConfig({ CTI_WEBHOOK_SECRETS: 's', CALL_EXPIRY_SILENCE_SECONDS: '0' }), /CALL_EXPIRY_SILENCE_SECONDS/);
    assert.throws(() => callEventsConfig({ CTI_WEBHOOK_SECRETS: 's', CALL_EXPIRY_SILENCE_SECONDS: 'soon' }), /CALL_EXPIRY_SILENCE_SECONDS/);
  });
});

describe('silent calls (sweep run by hand)', () => {
  let harness: Harness;
  beforeAll(async () => {
    // The periodic sweep is far away: what happens before it runs is visible.
    harness = await startHarness({ callSilenceMs: SILENCE_MS, expirySweepIntervalMs: 3_600_000 });
  });
  afterAll(() => harness.close());

  test('a connected call without its ENDED: inactive after the silence before the sweep, then ENDED as EXPIRED', async () => {
    const callId = newCallId();
    const base = Date.now();
    await deliver(harness, [
      event(callId, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, direction: 'INBOUND', queueId: 'q_expiry' }),
      event(callId, 'ANSWERED', base, 0.2, { agentId: 'agt_expiry' }),
    ]);
    assert.ok((await activeIds(harness)).includes(callId));
    assert.equal((await getCall(harness, callId))?.agent?.presence, 'BUSY');
    await sleep(SILENCE_MS + 300);
    assert.ok(!(await activeIds(harness)).includes(callId), 'a silent call is not active, even before the sweep');
    assert.equal((await getCall(harness, callId))?.state, 'CONNECTED', 'the sweep has not run yet');

    assert.ok((await harness.server.callEvents.expiry.sweep()) >= 1);
    const call = await getCall(harness, callId);
    assert.equal(call?.state, 'ENDED');
    assert.equal(call?.disposition, 'EXPIRED');
    assert.equal(call?.endedAt, new Date(base + 201).toISOString(), 'ended just after its last event, not when the sweep ran');
    assert.equal(call?.talkSeconds, 0);
    assert.equal(call?.agent?.presence, 'AVAILABLE', 'the agent is free again');
    assert.equal(await harness.server.callEvents.expiry.sweep(), 0, 'expired once');
  });

  test('a late non-ending event does not reopen an expired call; a late real end replaces the expiry', async () => {
    const callId = newCallId();
    const base = Date.now();
    await deliver(harness, [
      event(callId, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, direction: 'INBOUND', queueId: 'q_expiry' }),
      event(callId, 'ANSWERED', base, 1, { agentId: 'agt_late' }),
    ]);
    await sleep(SILENCE_MS + 300);
    await harness.server.callEvents.expiry.sweep();
    assert.equal((await getCall(harness, callId))?.disposition, 'EXPIRED');
    await deliver(harness, [event(callId, 'HELD', base, 30, { agentId: 'agt_late' })]);
    const held = await getCall(harness, callId);
    assert.equal(held?.state, 'ENDED');
    assert.equal(held?.disposition, 'EXPIRED');
    await deliver(harness, [event(callId, 'ENDED', base, 60, { agentId: 'agt_late', disconnectReason: 'CUSTOMER_DISCONNECT' })]);
    const call = await getCall(harness, callId);
    assert.equal(call?.disposition, 'ANSWERED');
    assert.equal(call?.endedAt, new Date(base + 60_000).toISOString());
    assert.equal(call?.state, 'WRAP_UP');
  });

  test('a call stuck in wrap-up (no WRAP_UP_DONE) ends, keeping how it ended', async () => {
    const callId = newCallId();
    const base = Date.now() - 10_000;
    await deliver(harness, [
      event(callId, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, direction: 'INBOUND', queueId: 'q_expiry' }),
      event(callId, 'ANSWERED', base, 1, { agentId: 'agt_wrap' }),
      event(callId, 'ENDED', base, 5, { agentId: 'agt_wrap', disconnectReason: 'CUSTOMER_DISCONNECT' }),
    ]);
    assert.equal((await getCall(harness, callId))?.state, 'WRAP_UP');
    await sleep(SILENCE_MS + 300);
    assert.ok(!(await activeIds(harness)).includes(callId));
    await harness.server.callEvents.expiry.sweep();
    const call = await getCall(harness, callId);
    assert.equal(call?.state, 'ENDED');
    assert.equal(call?.disposition, 'ANSWERED');
    assert.equal(call?.talkSeconds, 4);
    assert.equal(call?.agent?.presence, 'AVAILABLE');
  });

  test('call-center metrics count expired contacts apart', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const report = await gql<{ callCenterMetrics: { totals: { offered: number; answered: number; expired: number; abandoned: number; missed: number } } }>(
      harness,
      'query($range: TimeRangeInput!) { callCenterMetrics(range: $range) { totals { offered answered expired abandoned missed } } }',
      { range: { from, to, timeZone: 'UTC' } },
    );
    assert.equal(report.errors, undefined, JSON.stringify(report.errors));
    // The first test's call (EXPIRED); the second's was really ended (ANSWERED); the third ANSWERED.
    assert.equal(report.data!.callCenterMetrics.totals.expired, 1);
    assert.equal(report.data!.callCenterMetrics.totals.abandoned, 0);
    assert.equal(report.data!.callCenterMetrics.totals.missed, 0);
  });
});

describe('silent calls (periodic sweep)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ callSilenceMs: 1000, expirySweepIntervalMs: 200 });
  });
  afterAll(() => harness.close());

  test('a ringing call whose end never comes is ended as EXPIRED by the sweep on its own', async () => {
    const callId = newCallId();
    await deliver(harness, [event(callId, 'OFFERED', Date.now(), 0, { from: CUSTOMER, to: HOTLINE, direction: 'INBOUND', queueId: 'q_expiry', agentId: 'agt_ring' })]);
    let call = await getCall(harness, callId);
    for (let attempt = 0; attempt < 40 && call?.state !== 'ENDED'; attempt += 1) {
      await sleep(100);
      call = await getCall(harness, callId);
    }
    assert.equal(call?.state, 'ENDED');
    assert.equal(call?.disposition, 'EXPIRED');
  });
});

describe('an expired call grants no record access through the gateway', () => {
  let stack: Stack;
  const SECRET = 'expiry-test-secret';
  beforeAll(async () => {
    stack = await startStack({
      customers: 20,
      callEvents: { webhookSecrets: [SECRET], callSilenceMs: 4000, expirySweepIntervalMs: 3_600_000 },
      gatewayEnv: { SWITCHBOARD_RELATED_CUSTOMERS_TTL_MS: '0' },
    });
  });
  afterAll(() => stack.close());

  test('FULL while the call is active, MINIMAL once it is silent (before any sweep)', async () => {
    const customers = await stack.query<{ customers: { nodes: { id: string; phones: { e164: string }[] }[] } }>('{ customers(first: 20) { nodes { id phones { e164 } } } }');
    const customer = customers.data!.customers.nodes.find((c) => c.phones.length > 0)!;
    // An agent of a team that owns no customer: only the caller on their own call is FULL.
    const token = await bearer('agent', { team: 'team-elsewhere', agentId: 'agt_expiry', sub: 'agent-expiry' });
    const access = async () => {
      const response = await stack.query<{ customer: { recordAccess: string } }>('query($id: ID!) { customer(id: $id) { recordAccess } }', { id: customer.id }, { authorization: token });
      return response.data?.customer.recordAccess;
    };
    assert.equal(await access(), 'MINIMAL');
    const callId = newCallId();
    const body = JSON.stringify({
      events: [
        event(callId, 'OFFERED', Date.now(), 0, { from: customer.phones[0]!.e164, to: HOTLINE, direction: 'INBOUND', queueId: 'q_support' }),
        event(callId, 'ANSWERED', Date.now(), 0.1, { agentId: 'agt_expiry' }),
      ],
    });
    const response = await fetch(`${stack.callcenter.server.url}/webhooks/cti`, { method: 'POST', headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(SECRET, body) }, body });
    assert.equal(response.status, 202);
    await stack.callcenter.server.callEvents.idle();
    assert.equal(await access(), 'FULL', 'the caller on the agent’s active call');
    await sleep(4300);
    assert.equal(await access(), 'MINIMAL', 'a silent call grants nothing, before the sweep ran');
  });
});
