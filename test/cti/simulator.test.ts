/** `runSimulator` (what `npm run simulate` runs) against a real call center, sped up. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runSimulator } from '../../subgraphs/callcenter/simulator/simulate.js';
import { SECRET, gql, startHarness, type Harness } from './harness.js';

let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

describe('simulator', () => {
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
});
