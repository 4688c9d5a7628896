/**
 * A ticket's category over a real Request Tracker 5 (skips with a note when RT is not
 * installed): written to and read from the custom field the mapping names, changed by
 * `classifyTicket`; tags, and a category without a mapped field, are refused as
 * SOURCE_NOT_SUPPORTED.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { RtClient } from '../../subgraphs/tickets/source/rt/client.js';
import { loadRtMapping } from '../../subgraphs/tickets/source/rt/mapping.js';
import { RtTicketSource } from '../../subgraphs/tickets/source/rt/rt-source.js';
import { skipNote } from '../support/skip.js';
import { RT_SKIP_REASON, RT_TEST_MAPPING_FILE, startRt, type RunningRt } from '../support/rt/rt-server.js';

describe.skipIf(RT_SKIP_REASON !== null)(skipNote('ticket category over Request Tracker 5', RT_SKIP_REASON), () => {
  let rt: RunningRt;
  let source: RtTicketSource;
  let unmapped: RtTicketSource;

  beforeAll(async () => {
    rt = await startRt();
    const client = () => new RtClient({ url: rt.url, token: rt.token, timeoutMs: 30_000 });
    const mapping = loadRtMapping(RT_TEST_MAPPING_FILE);
    source = new RtTicketSource(mapping, client());
    const { category: _category, ...fields } = mapping.customFields;
    unmapped = new RtTicketSource({ ...mapping, customFields: fields }, client());
  }, 120_000);
  afterAll(async () => {
    await source?.close();
    await rt?.close();
  });

  const code = (error: unknown) => (error instanceof GraphQLError ? [error.extensions.code, error.extensions.reason] : [String(error)]);

  it('keeps the category in the mapped custom field, at creation and on classifyTicket', async () => {
    const created = await source.createTicket({ idempotencyKey: 'rt-category-1', requesterId: 'cus_000001', subject: 'Refund', category: 'billing' });
    assert.equal(created.category, 'billing');
    const [read] = await source.ticketsByIds([created.id]);
    assert.equal(read?.category, 'billing');
    assert.equal((await source.classifyTicket(created.id, 'delivery', [])).category, 'delivery');
    assert.equal((await source.classifyTicket(created.id, null, [])).category, null);
  });

  it('refuses tags, and a category when the mapping names no field for it', async () => {
    const tags = await source.createTicket({ idempotencyKey: 'rt-category-2', requesterId: 'cus_000001', subject: 'x', tags: ['vip'] }).catch((e: unknown) => e);
    assert.deepEqual(code(tags), ['BAD_USER_INPUT', 'SOURCE_NOT_SUPPORTED']);
    const category = await unmapped.createTicket({ idempotencyKey: 'rt-category-3', requesterId: 'cus_000001', subject: 'x', category: 'billing' }).catch((e: unknown) => e);
    assert.deepEqual(code(category), ['BAD_USER_INPUT', 'SOURCE_NOT_SUPPORTED']);
  });
});
