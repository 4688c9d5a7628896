/** The tickets subgraph's source configuration and RT mapping file are validated at start, naming every problem. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { ticketsSourceConfig, TicketsSourceConfigError } from '../../subgraphs/tickets/source/config.js';
import { parseRtMapping, RtMappingError } from '../../subgraphs/tickets/source/rt/mapping.js';
import { RT_TEST_MAPPING_FILE } from '../support/rt/rt-server.js';

const DATABASE = { driver: 'sqlite', file: '/tmp/none.sqlite' } as const;
const dir = mkdtempSync(join(tmpdir(), 'switchboard-tickets-config-'));
const example = JSON.parse(readFileSync(RT_TEST_MAPPING_FILE, 'utf8')) as Record<string, unknown>;

function configError(env: NodeJS.ProcessEnv): string {
  try {
    ticketsSourceConfig(env, DATABASE);
  } catch (error) {
    assert.ok(error instanceof TicketsSourceConfigError || error instanceof RtMappingError, String(error));
    return error.message;
  }
  assert.fail('expected a configuration error');
}

/** The example mapping as loosely typed JSON, for breaking it on purpose. */
interface LooseMapping {
  [key: string]: unknown;
  statuses: { toRt: Record<string, string>; fromRt: Record<string, string> };
  priorities: { toRt: Record<string, number>; fromRt: unknown[] };
}

function mappingError(change: (mapping: LooseMapping) => void): string {
  const mapping = structuredClone(example) as LooseMapping;
  change(mapping);
  try {
    parseRtMapping(mapping, 'rt-mapping.json');
  } catch (error) {
    assert.ok(error instanceof RtMappingError);
    return error.message;
  }
  assert.fail('expected a mapping error');
}

describe('tickets source configuration', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the embedded store unless TICKETS_SOURCE says otherwise', () => {
    assert.deepEqual(ticketsSourceConfig({}, DATABASE), { kind: 'embedded', database: DATABASE });
    assert.deepEqual(ticketsSourceConfig({ TICKETS_SOURCE: 'embedded', RT_URL: 'ignored' }, DATABASE), { kind: 'embedded', database: DATABASE });
  });

  it('reads RT settings and the mapping file', () => {
    const config = ticketsSourceConfig({ TICKETS_SOURCE: 'rt', RT_URL: 'https://rt.example.com/REST/2.0/', RT_TOKEN: '1-2-abc', RT_MAPPING_FILE: RT_TEST_MAPPING_FILE }, DATABASE);
    assert.equal(config.kind, 'rt');
    if (config.kind !== 'rt') return;
    assert.equal(config.url, 'https://rt.example.com');
    assert.equal(config.timeoutMs, 10_000);
    assert.equal(config.mapping.statuses.toRt.PENDING, 'stalled');
  });

  it('names an unknown source', () => {
    assert.match(configError({ TICKETS_SOURCE: 'zendesk' }), /TICKETS_SOURCE must be "embedded" or "rt", got "zendesk"/);
  });

  it('names every missing or malformed RT variable at once', () => {
    const message = configError({ TICKETS_SOURCE: 'rt', RT_URL: 'ftp://rt', RT_TIMEOUT_MS: '-5' });
    assert.match(message, /RT_URL must be an http\(s\) URL/);
    assert.match(message, /RT_TOKEN is required when TICKETS_SOURCE=rt/);
    assert.match(message, /RT_MAPPING_FILE is required when TICKETS_SOURCE=rt/);
    assert.match(message, /RT_TIMEOUT_MS must be a positive number/);
  });

  it('names a mapping file that is missing or not JSON', () => {
    const base = { TICKETS_SOURCE: 'rt', RT_URL: 'http://rt.local', RT_TOKEN: 't' };
    assert.match(configError({ ...base, RT_MAPPING_FILE: join(dir, 'nope.json') }), /RT_MAPPING_FILE .*nope\.json cannot be read/);
    writeFileSync(join(dir, 'broken.json'), '{ "queue": ');
    assert.match(configError({ ...base, RT_MAPPING_FILE: join(dir, 'broken.json') }), /broken\.json is not JSON/);
  });
});

describe('RT mapping file', () => {
  it('accepts the documented example', () => {
    const mapping = parseRtMapping(example, 'example');
    assert.equal(mapping.statuses.fromRt.stalled, 'PENDING');
  });

  it('names each missing or unknown field with its path', () => {
    const message = mappingError((m) => {
      delete m.queue;
      delete m.statuses.toRt.HOLD;
      m.statuses.fromRt.open = 'WORKING';
      m.colour = 'blue';
    });
    assert.match(message, /Invalid RT mapping file rt-mapping\.json/);
    assert.match(message, /queue: /);
    assert.match(message, /statuses\.toRt\.HOLD: /);
    assert.match(message, /statuses\.fromRt\.open: /);
    assert.match(message, /colour/);
  });

  it('refuses a status written to RT that does not read back, and priorities that do not round-trip', () => {
    assert.match(
      mappingError((m) => (m.statuses.toRt.HOLD = 'on-hold')),
      /statuses\.toRt\.HOLD: writes RT status "on-hold", which statuses\.fromRt does not map back/,
    );
    assert.match(
      mappingError((m) => (m.priorities.toRt.URGENT = 75)),
      /priorities\.toRt\.URGENT: writes RT priority 75, which priorities\.fromRt reads back as HIGH/,
    );
    assert.match(mappingError((m) => (m.priorities.fromRt = [{ from: 10, priority: 'LOW' }])), /priorities\.fromRt: needs a range starting at 0/);
  });

  it('refuses an email template without {customerId}', () => {
    assert.match(mappingError((m) => (m.requester = { key: 'email', emailTemplate: 'someone@example.com' })), /requester\.emailTemplate: must be an email address containing \{customerId\}/);
  });
});
