/**
 * The conflict rule of the RT ticket copy, without RT: which system wins a field is declared in
 * the mapping file (`sync.owners`, seed rule: the system that holds the field), checked at
 * start, and applied to every write of the copy whatever its order: never the last write.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { mergeByOwner } from '../../subgraphs/shared/sync/ownership.js';
import type { ReportingTicketsDatabase } from '../../subgraphs/tickets/reports/tables.js';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import type { SqlTicketStore } from '../../subgraphs/tickets/source/embedded/sql-store.js';
import { parseRtMapping, RtMappingError } from '../../subgraphs/tickets/source/rt/mapping.js';
import { RtTicketCopy } from '../../subgraphs/tickets/source/rt/sync.js';
import type { TicketRecord } from '../../subgraphs/tickets/source/records.js';
import { RT_TEST_MAPPING_FILE } from '../support/rt/rt-server.js';

const base = JSON.parse(readFileSync(RT_TEST_MAPPING_FILE, 'utf8')) as Record<string, unknown>;

function ticket(overrides: Partial<TicketRecord>): TicketRecord {
  return {
    id: 'tkt_rt7',
    number: 'RT-7',
    subject: 'Router keeps rebooting',
    description: '',
    status: 'NEW',
    priority: 'NORMAL',
    channel: 'PHONE',
    requesterId: 'cus_1',
    assigneeId: 'agt_1',
    assignedBy: null,
    relatedCallId: null,
    createdAt: '2026-11-30T08:00:00.000Z',
    updatedAt: '2026-11-30T08:00:00.000Z',
    slaDueAt: null,
    slaBreached: false,
    firstRespondedAt: null,
    solvedAt: null,
    idempotencyKey: 'k-7',
    ...overrides,
  };
}

describe('the RT copy’s conflict rule', () => {
  it('defaults to the system that holds each field: RT for everything RT stores, Switchboard for who assigned', () => {
    const owners = parseRtMapping(base, 'mapping.json').sync.owners;
    assert.equal(owners.status, 'rt');
    assert.equal(owners.priority, 'rt');
    assert.equal(owners.assignedBy, 'switchboard');
    assert.ok(Object.entries(owners).every(([field, owner]) => owner === (field === 'assignedBy' ? 'switchboard' : 'rt')));
  });

  it('is checked at start: an unknown field, an unknown system, or a field given to a system that never writes it is refused with its path', () => {
    const refused = (owners: Record<string, string>) => assert.throws(() => parseRtMapping({ ...base, sync: { owners } }, 'mapping.json'), RtMappingError);
    refused({ assignedBy: 'rt' });
    refused({ status: 'hubspot' });
    refused({ lastWriteWins: 'rt' });
    assert.throws(() => parseRtMapping({ ...base, sync: { owners: { assignedBy: 'rt' } } }, 'mapping.json'), /sync\.owners\.assignedBy: must be "switchboard"/);
    assert.throws(() => parseRtMapping({ ...base, sync: { owners: { color: 'rt' } } }, 'mapping.json'), /sync\.owners: Unrecognized key: "color"/);
    assert.equal(parseRtMapping({ ...base, sync: { owners: { priority: 'switchboard' } } }, 'mapping.json').sync.owners.priority, 'switchboard');
  });

  it('mergeByOwner: the owner’s value wins in either order; a non-owner only fills a record the copy lacks', () => {
    const owners = { status: 'rt', assignedBy: 'switchboard' } as const;
    const fromRt = { id: 1, status: 'OPEN', assignedBy: null as string | null };
    const fromSwitchboard = { id: 1, status: 'NEW', assignedBy: 'usr_lead' as string | null };
    assert.deepEqual(mergeByOwner(null, fromSwitchboard, 'switchboard', owners), fromSwitchboard);
    assert.deepEqual(mergeByOwner(fromSwitchboard, fromRt, 'rt', owners), { id: 1, status: 'OPEN', assignedBy: 'usr_lead' });
    assert.deepEqual(mergeByOwner({ id: 1, status: 'OPEN', assignedBy: 'usr_lead' }, fromSwitchboard, 'switchboard', owners), { id: 1, status: 'OPEN', assignedBy: 'usr_lead' });
  });

  describe('in the copy', () => {
    let dir: string;
    let store: SqlTicketStore;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'switchboard-rt-owners-'));
      store = await openEmbeddedTicketsSource({ driver: 'sqlite', file: join(dir, 'tickets.sqlite') });
    });
    afterAll(async () => {
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const row = async (id: string) => store.database.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('keeps Switchboard’s priority when the mapping gives priority to Switchboard, however late RT’s write comes', async () => {
      const owners = parseRtMapping({ ...base, sync: { owners: { priority: 'switchboard' } } }, 'mapping.json').sync.owners;
      const copy = new RtTicketCopy(store.database.db as unknown as Kysely<ReportingTicketsDatabase>, owners);
      await copy.write([ticket({ priority: 'URGENT', assignedBy: 'usr_lead' })], 'switchboard');
      await copy.write([ticket({ priority: 'LOW', status: 'OPEN', firstRespondedAt: '2026-11-30T08:10:00.000Z', updatedAt: '2026-11-30T09:00:00.000Z' })], 'rt');
      const kept = await row('tkt_rt7');
      assert.deepEqual([kept.priority, kept.status, kept.assigned_by, kept.updated_at], ['URGENT', 'OPEN', 'usr_lead', '2026-11-30T09:00:00.000Z']);
      // The SLA columns follow the fields kept: URGENT's first-reply target (1 h) met, resolution due 4 h after creation.
      assert.equal(kept.sla_due_at, '2026-11-30T12:00:00.000Z');
    });

    it('with the seed rule, RT’s values win over what Switchboard wrote first', async () => {
      const copy = new RtTicketCopy(store.database.db as unknown as Kysely<ReportingTicketsDatabase>, parseRtMapping(base, 'mapping.json').sync.owners);
      await copy.write([ticket({ id: 'tkt_rt8', number: 'RT-8', idempotencyKey: 'k-8', priority: 'URGENT', assignedBy: 'usr_lead' })], 'switchboard');
      await copy.write([ticket({ id: 'tkt_rt8', number: 'RT-8', idempotencyKey: 'k-8', priority: 'LOW' })], 'rt');
      // Switchboard writing again later changes no field RT owns.
      await copy.write([ticket({ id: 'tkt_rt8', number: 'RT-8', idempotencyKey: 'k-8', priority: 'HIGH', assignedBy: 'usr_other' })], 'switchboard');
      const kept = await row('tkt_rt8');
      assert.deepEqual([kept.priority, kept.assigned_by], ['LOW', 'usr_other']);
    });
  });
});
