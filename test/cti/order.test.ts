/**
 * Order independence through the real webhook and store: a call and its transfer leg end up
 * the same for every delivery order of their events (all 120 orders of five events), and a
 * parent that arrives after its leg fills the leg in (its caller) without waiting for the
 * leg's next event.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CALL_EVENTS_TOPIC, type CallEventMessage } from '../../subgraphs/callcenter/events/message.js';
import { CUSTOMER, HOTLINE, deliver, event, getCall, gql, startHarness, type CallView, type Harness, type InternalEvent } from './harness.js';

let harness: Harness;
const base = Date.now() - 40 * 60_000;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** A call answered by agt_001, transferred at 90 s to a new leg answered by agt_002, which ends at 200 s. */
function transferScenario(tag: string): { parent: string; leg: string; events: InternalEvent[] } {
  const parent = `call_p_${tag}`;
  const leg = `call_l_${tag}`;
  return {
    parent,
    leg,
    events: [
      event(parent, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_sales' }),
      event(parent, 'ANSWERED', base, 10, { agentId: 'agt_001' }),
      event(leg, 'TRANSFERRED', base, 90, { parentCallId: parent, queueId: 'q_support' }),
      event(leg, 'ANSWERED', base, 100, { agentId: 'agt_002' }),
      event(leg, 'ENDED', base, 200, { agentId: 'agt_002' }),
    ],
  };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const stateOf = (call: CallView | null) =>
  call && {
    from: call.from,
    to: call.to,
    state: call.state,
    disposition: call.disposition,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    waitSeconds: call.waitSeconds,
    talkSeconds: call.talkSeconds,
    holdSeconds: call.holdSeconds,
    agent: call.agent?.id ?? null,
    queue: call.queue?.id ?? null,
    parent: call.parentCall?.id ?? null,
  };

describe('delivery order', () => {
  it('gives the same parent and leg for all 120 orders of their five events', async () => {
    const reference = transferScenario(`ref_${randomUUID().slice(0, 8)}`);
    await deliver(harness, reference.events);
    const expectedParent = stateOf(await getCall(harness, reference.parent));
    const expectedLeg = stateOf(await getCall(harness, reference.leg));
    assert.equal(expectedParent?.disposition, 'TRANSFERRED');
    assert.equal(expectedLeg?.from, CUSTOMER, 'the leg inherits the caller');
    assert.equal(expectedLeg?.parent, reference.parent);

    const orders = permutations([0, 1, 2, 3, 4]);
    const runs = orders.map((order, i) => ({ order, scenario: transferScenario(`perm_${i}_${randomUUID().slice(0, 8)}`) }));
    // Round r delivers the r-th event of every order in one request: each call sees its own events one at a time, in its order.
    for (let round = 0; round < 5; round += 1) {
      await deliver(harness, runs.map(({ order, scenario }) => scenario.events[order[round]!]));
    }
    for (const { order, scenario } of runs) {
      const parent = stateOf(await getCall(harness, scenario.parent));
      const leg = stateOf(await getCall(harness, scenario.leg));
      assert.deepEqual({ ...parent }, { ...expectedParent }, `parent, order ${order.join(',')}`);
      assert.deepEqual({ ...leg, parent: leg?.parent === scenario.parent ? 'parent' : leg?.parent }, { ...expectedLeg, parent: 'parent' }, `leg, order ${order.join(',')}`);
    }
  });

  it('fills in a leg with its caller as soon as the parent arrives, and tells the leg\'s subscribers', async () => {
    const { parent, leg, events } = transferScenario(`late_${randomUUID().slice(0, 8)}`);
    const published: CallEventMessage[] = [];
    const unsubscribe = harness.server.callEvents.pubsub.subscribe<CallEventMessage>(CALL_EVENTS_TOPIC, (message) => {
      if (message.call.id === leg) published.push(message);
    });
    await deliver(harness, [events[2]!]);
    const before = await getCall(harness, leg);
    assert.equal(before?.state, 'RINGING');
    assert.equal(before?.from, null, 'nothing is known of the caller yet');
    await deliver(harness, [events[0]!]);
    const after = await getCall(harness, leg);
    assert.equal(after?.from, CUSTOMER);
    assert.equal(after?.to, HOTLINE);
    assert.equal(after?.parentCall?.id, parent);
    const caller = await gql<{ call: { caller: { phone: string } | null } }>(harness, `query ($id: ID!) { call(id: $id) { caller { phone } } }`, { id: leg });
    assert.equal(caller.data?.call.caller?.phone, CUSTOMER);
    unsubscribe();
    assert.equal(published.length, 2, 'the leg\'s own event, then its update when the parent came');
    assert.equal(published[0]?.call.from, null);
    assert.equal(published[1]?.type, 'TRANSFERRED');
    assert.equal(published[1]?.call.from, CUSTOMER);
    assert.equal(published[1]?.call.parentCallId, parent);
  });
});
