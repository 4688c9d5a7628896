import { afterAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedStore } from '../../subgraphs/devdata/seed/load.js';
import { main } from '../../subgraphs/devdata/seed/cli.js';
import { generateDataset } from '../../subgraphs/devdata/seed/generate.js';
import { DEFAULT_SEED, defaultAnchor } from '../../subgraphs/devdata/seed/dataset.js';
import type { CallCenterSeed } from '../../subgraphs/callcenter/source/records.js';
import type { CrmSeed } from '../../subgraphs/crm/source/records.js';
import { openEmbeddedCrmStore } from '../../subgraphs/crm/source/embedded/open.js';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';

describe('seedStore', () => {
  test('loads its part of every chunk, with the default seed and anchor', async () => {
    const parts: CallCenterSeed[] = [];
    await seedStore({ loadSeed: async (part: CallCenterSeed) => void parts.push(part) }, 'callcenter', { customers: 1200 });
    assert.equal(parts.length, 3);
    assert.deepEqual(parts.map((p) => p.agents.length), [60, 0, 0]);
    const expected = generateDataset({ seed: DEFAULT_SEED, customers: 1200, anchor: defaultAnchor() }).next().value;
    assert.deepEqual(parts[0], expected?.callcenter);
    const anchor = defaultAnchor();
    assert.ok(parts.every((p) => p.calls.every((c) => c.startedAt < anchor)));
  });

  test('honours seed and anchor', async () => {
    const parts: CrmSeed[] = [];
    await seedStore({ loadSeed: async (part: CrmSeed) => void parts.push(part) }, 'crm', { customers: 10, seed: 5, anchor: '2025-01-01T00:00:00.000Z' });
    assert.equal(parts.length, 1);
    assert.equal(parts[0]?.customers.length, 10);
    assert.deepEqual(parts[0], generateDataset({ seed: 5, customers: 10, anchor: '2025-01-01T00:00:00.000Z' }).next().value?.crm);
  });
});

describe('seed CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-seed-'));
  const env = { SWITCHBOARD_DATA_DIR: dir };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (line: string) => void out.push(line), err: (line: string) => void err.push(line) }, out, err };
  }

  test('bad arguments exit with 2 and a clear message', async () => {
    for (const argv of [['--customers', 'many'], ['--customers', '-3'], ['--seed', '1.5'], ['--anchor', 'tomorrow'], ['--bogus'], ['stray']]) {
      const { io, err } = capture();
      assert.equal(await main(argv, env, io), 2, argv.join(' '));
      assert.match(err.join('\n'), /^seed: .+/, argv.join(' '));
    }
    assert.ok(!existsSync(join(dir, 'crm.sqlite')), 'nothing was written');
  });

  test('--help prints usage', async () => {
    const { io, out } = capture();
    assert.equal(await main(['--help'], env, io), 0);
    assert.match(out.join('\n'), /Usage: npm run seed -- \[--customers N\]/);
  });

  test('seeds all three stores, refuses to seed them again, and --reset starts over', async () => {
    const first = capture();
    assert.equal(await main(['--customers', '120', '--seed', '3', '--anchor', '2026-11-01'], env, first.io), 0, first.err.join('\n'));
    assert.match(first.out.join('\n'), /Done in [\d.]+ s: 120 customers, .* calls, 60 agents, 5 queues .* tickets/);
    for (const name of ['crm', 'callcenter', 'tickets']) assert.ok(existsSync(join(dir, `${name}.sqlite`)), name);

    const again = capture();
    assert.equal(await main(['--customers', '120'], env, again.io), 1);
    assert.match(again.err.join('\n'), /crm already holds data .*--reset/);

    const reset = capture();
    assert.equal(await main(['--customers', '50', '--reset', '--anchor', '2026-11-01T00:00:00Z'], env, reset.io), 0, reset.err.join('\n'));
    assert.match(reset.out.join('\n'), /Done in [\d.]+ s: 50 customers/);

    const crm = await openEmbeddedCrmStore({ driver: 'sqlite', file: join(dir, 'crm.sqlite') });
    const tickets = await openEmbeddedTicketsSource({ driver: 'sqlite', file: join(dir, 'tickets.sqlite') });
    try {
      assert.equal(await crm.isEmpty(), false);
      assert.equal(await tickets.isEmpty(), false);
    } finally {
      await crm.close();
      await tickets.close();
    }
  });
});
