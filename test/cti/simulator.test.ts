/** `runSimulator` (what `npm run simulate` runs) against a real call center, sped up. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { runSimulator } from '../../subgraphs/devdata/simulator/simulate.js';
import { loadCallerNumbers } from '../../subgraphs/devdata/simulator/callers.js';
import { SECRET, gql, startHarness, type Harness } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('simulator', () => {
  it('calls from the demo data set\'s numbers by default: the README example is a known caller, shared numbers are ambiguous', () => {
    const callers = loadCallerNumbers(1000);
    assert.ok(callers.known.includes('+8613561709456'), 'the README example number');
    assert.ok(callers.known.length > 1000, `${callers.known.length} known numbers`);
    assert.ok(callers.ambiguous.length > 0 && callers.ambiguous.every((number) => !callers.known.includes(number)));
    const none = loadCallerNumbers(0);
    assert.deepEqual([none.known, none.ambiguous], [[], []], 'SWITCHBOARD_SEED_CUSTOMERS=0: every call from an unknown number');
  });

  it('plays out signed calls that the call center accepts and ends', async () => {
    const lines: string[] = [];
    const stats = await runSimulator({
      url: harness.webhookUrl,
      secret: SECRET,
      ratePerMinute: 3,
      speedup: 2000,
      durationSeconds: 0.5,
      agents: 5,
      seed: 42,
      callers: { known: ['+8613800138000', '+8613900139000'], ambiguous: ['+8613700000049'], where: 'the test' },
      log: (line) => lines.push(line),
    });
    await harness.server.callEvents.idle();
    assert.equal(stats.failed, 0, lines.join('\n'));
    assert.ok(stats.calls > 0 && stats.events >= stats.calls * 2, JSON.stringify(stats));
    const active = await gql<{ activeCalls: { id: string }[] }>(harness, '{ activeCalls { id } }');
    assert.deepEqual(active.data?.activeCalls.filter((c) => c.id.startsWith('sim_call_')), [], 'every simulated call has ended');
    assert.equal(harness.server.callEvents.stats.accepted, stats.events);
  });

  it('ends the calls in progress when it is stopped', async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    // Real time: every call is still ringing or talking when the simulator stops.
    const running = runSimulator({
      url: harness.webhookUrl,
      secret: SECRET,
      ratePerMinute: 240,
      speedup: 1,
      agents: 5,
      seed: 7,
      callers: { known: ['+8613800138000'], ambiguous: [], where: 'the test' },
      signal: stop.signal,
      log: (line) => lines.push(line),
    });
    const before = async () => (await gql<{ activeCalls: { id: string }[] }>(harness, '{ activeCalls { id } }')).data?.activeCalls.filter((c) => c.id.startsWith('sim_call_')) ?? [];
    let active: { id: string }[] = [];
    for (let attempt = 0; attempt < 50 && active.length < 2; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await harness.server.callEvents.idle();
      active = await before();
    }
    assert.ok(active.length >= 2, `calls in progress before the stop: ${lines.join('\n')}`);
    stop.abort();
    const stats = await running;
    assert.equal(stats.failed, 0, lines.join('\n'));
    await harness.server.callEvents.idle();
    assert.deepEqual(await before(), [], 'no simulated call is left active');
  });
});
