/**
 * Applying CTI events through the webhook: the final call row, whatever the delivery
 * order; late events; dispositions; transfers; unknown agents and queues; presence;
 * `activeCalls`.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { CALL_FIELDS, CUSTOMER, HOTLINE, deliver, event, getCall, gql, newCallId, startHarness, type CallView, type Harness } from './harness.js';

let harness: Harness;
const base = Date.now() - 30 * 60_000;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** A full answered call with a hold: offered 0, answered 12, hold 60-90, ended 200, wrap-up done 230. */
function answeredCall(callId: string, agentId = 'agt_002') {
  return [
    event(callId, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, direction: 'INBOUND', queueId: 'q_support' }),
    event(callId, 'ANSWERED', base, 12, { agentId }),
    event(callId, 'HELD', base, 60, { agentId }),
    event(callId, 'RESUMED', base, 90, { agentId }),
    event(callId, 'ENDED', base, 200, { agentId, disconnectReason: 'AGENT_DISCONNECT' }),
    event(callId, 'WRAP_UP_DONE', base, 230, { agentId }),
  ];
}

const expectedAnswered = (id: string): Partial<CallView> => ({
  id,
  state: 'ENDED',
  disposition: 'ANSWERED',
  from: CUSTOMER,
  to: HOTLINE,
  startedAt: new Date(base).toISOString(),
  answeredAt: new Date(base + 12_000).toISOString(),
  endedAt: new Date(base + 200_000).toISOString(),
  waitSeconds: 12,
  holdSeconds: 30,
  talkSeconds: 158,
  wrapUpSeconds: 30,
});

function pickFields(call: CallView | null, fields: Partial<CallView>) {
  return Object.fromEntries(Object.keys(fields).map((key) => [key, call?.[key as keyof CallView]]));
}

describe('order tolerance', () => {
  it('gives the same final call in order, reversed, shuffled and one event per request', async () => {
    const orders: ((events: ReturnType<typeof answeredCall>) => ReturnType<typeof answeredCall>[])[] = [
      (events) => [events],
      (events) => [[...events].reverse()],
      (events) => [[events[4]!, events[1]!, events[5]!, events[0]!, events[3]!, events[2]!]],
      (events) => [[events[5]!], [events[2]!], [events[4]!], [events[3]!], [events[0]!], [events[1]!]],
    ];
    for (const order of orders) {
      const callId = newCallId();
      for (const batch of order(answeredCall(callId))) await deliver(harness, batch);
      const call = await getCall(harness, callId);
      const expected = expectedAnswered(callId);
      assert.deepEqual(pickFields(call, expected), expected);
      assert.equal(call?.agent?.id, 'agt_002');
      assert.equal(call?.queue?.name, 'Support');
    }
  });

  it('never lets a late OFFERED reopen an ended call', async () => {
    const callId = newCallId();
    await deliver(harness, answeredCall(callId));
    await deliver(harness, [event(callId, 'OFFERED', base, 500, { from: CUSTOMER, to: HOTLINE })]);
    const call = await getCall(harness, callId);
    assert.equal(call?.state, 'ENDED');
    assert.equal(call?.disposition, 'ANSWERED');
    assert.equal(call?.startedAt, new Date(base).toISOString());
  });

  it('a late ANSWERED after ENDED fills answeredAt without reopening', async () => {
    const callId = newCallId();
    await deliver(harness, [
      event(callId, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_sales' }),
      event(callId, 'ENDED', base, 100, { disconnectReason: 'NETWORK' }),
      event(callId, 'WRAP_UP_DONE', base, 130, { agentId: 'agt_001' }),
    ]);
    await deliver(harness, [event(callId, 'ANSWERED', base, 150, { agentId: 'agt_001' })]);
    const call = await getCall(harness, callId);
    assert.equal(call?.state, 'ENDED');
    assert.equal(call?.answeredAt, new Date(base + 150_000).toISOString());
    assert.equal(call?.agent?.id, 'agt_001');
  });
});

describe('dispositions', () => {
  it('abandoned, missed, voicemail', async () => {
    const abandoned = newCallId();
    const hungUp = newCallId();
    const missed = newCallId();
    const voicemail = newCallId();
    await deliver(harness, [
      event(abandoned, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_sales' }),
      event(abandoned, 'ABANDONED', base, 25),
      event(hungUp, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_sales', agentId: 'agt_003' }),
      event(hungUp, 'ENDED', base, 15, { disconnectReason: 'CUSTOMER_DISCONNECT' }),
      event(missed, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_sales', agentId: 'agt_003' }),
      event(missed, 'ENDED', base, 30, { disconnectReason: 'NO_ANSWER' }),
      event(voicemail, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE }),
      event(voicemail, 'ENDED', base, 60, { disconnectReason: 'VOICEMAIL_LEFT' }),
    ]);
    const results = await Promise.all([abandoned, hungUp, missed, voicemail].map((id) => getCall(harness, id)));
    assert.deepEqual(results.map((c) => [c?.state, c?.disposition, c?.waitSeconds]), [
      ['ENDED', 'ABANDONED', 25],
      ['ENDED', 'ABANDONED', 15],
      ['ENDED', 'MISSED', 30],
      ['ENDED', 'VOICEMAIL', 60],
    ]);
  });

  it('a transfer ends the first leg as TRANSFERRED and links the new leg to it', async () => {
    const first = newCallId();
    const second = newCallId();
    await deliver(harness, [
      event(first, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_sales' }),
      event(first, 'ANSWERED', base, 10, { agentId: 'agt_001' }),
      event(second, 'TRANSFERRED', base, 70, { parentCallId: first, queueId: 'q_support', agentId: 'agt_002' }),
      event(second, 'ANSWERED', base, 80, { agentId: 'agt_002' }),
    ]);
    const [parent, child] = await Promise.all([getCall(harness, first), getCall(harness, second)]);
    assert.equal(parent?.disposition, 'TRANSFERRED');
    assert.equal(parent?.state, 'WRAP_UP');
    assert.equal(parent?.talkSeconds, 60);
    assert.equal(child?.parentCall?.id, first);
    assert.equal(child?.state, 'CONNECTED');
    assert.equal(child?.from, CUSTOMER, 'the new leg inherits the numbers');
    assert.equal(child?.queue?.id, 'q_support');
  });
});

describe('agents, queues and presence', () => {
  it('creates unknown agents and queues with placeholder names', async () => {
    const callId = newCallId();
    await deliver(harness, [
      event(callId, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_new_one' }),
      event(callId, 'ANSWERED', base, 5, { agentId: 'agt_new_one' }),
    ]);
    const call = await getCall(harness, callId);
    assert.deepEqual(call?.agent, { id: 'agt_new_one', name: 'Agent agt_new_one', presence: 'BUSY' });
    assert.deepEqual(call?.queue, { id: 'q_new_one', name: 'Queue q_new_one' });
  });

  it('an agent is BUSY while on a call and AVAILABLE after wrap-up', async () => {
    const callId = newCallId();
    const events = answeredCall(callId, 'agt_presence');
    await deliver(harness, events.slice(0, 2));
    assert.equal((await getCall(harness, callId))?.agent?.presence, 'BUSY');
    await deliver(harness, events.slice(2, 5));
    assert.equal((await getCall(harness, callId))?.agent?.presence, 'BUSY', 'still busy in wrap-up');
    await deliver(harness, events.slice(5));
    assert.equal((await getCall(harness, callId))?.agent?.presence, 'AVAILABLE');
  });
});

describe('activeCalls', () => {
  it('lists ringing, connected, on-hold and wrap-up calls, filtered by agent or queue', async () => {
    const ringing = newCallId();
    const onHold = newCallId();
    const ended = newCallId();
    await deliver(harness, [
      event(ringing, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_active' }),
      event(onHold, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_active' }),
      event(onHold, 'ANSWERED', base, 3, { agentId: 'agt_active' }),
      event(onHold, 'HELD', base, 9, { agentId: 'agt_active' }),
      event(ended, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_active' }),
      event(ended, 'ABANDONED', base, 9),
    ]);
    const query = `query ($agentId: ID, $queueId: ID) { activeCalls(agentId: $agentId, queueId: $queueId) { ${CALL_FIELDS} } }`;
    const byQueue = await gql<{ activeCalls: CallView[] }>(harness, query, { queueId: 'q_active' });
    assert.equal(byQueue.errors, undefined);
    assert.deepEqual(byQueue.data?.activeCalls.map((c) => [c.id, c.state]).sort(), [[ringing, 'RINGING'], [onHold, 'ON_HOLD']].sort());
    const byAgent = await gql<{ activeCalls: CallView[] }>(harness, query, { agentId: 'agt_active' });
    assert.deepEqual(byAgent.data?.activeCalls.map((c) => c.id), [onHold]);
    const all = await gql<{ activeCalls: CallView[] }>(harness, query);
    assert.ok(all.data?.activeCalls.some((c) => c.id === ringing));
    assert.ok(!all.data?.activeCalls.some((c) => c.id === ended));
  });
});
