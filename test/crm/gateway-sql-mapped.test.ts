/**
 * The unified customer view through the real gateway, with the CRM subgraph over the
 * mapped-SQL adapter (`CRM_SOURCE=sql-mapped`) reading a foreign schema in the test
 * PostgreSQL; the call center and tickets are Switchboard's seeded stores.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { POSTGRES_SKIP_REASON, POSTGRES_URL, postgresReachable } from '../support/databases.js';
import { skipNote } from '../support/skip.js';
import { startStack, type Stack } from '../support/stack.js';
import { id, portDataset } from './port/dataset.js';
import { createForeignCrm, foreignMappingJson } from './port/foreign-schema.js';

const skip = (await postgresReachable()) ? null : POSTGRES_SKIP_REASON;

const CUSTOMER_VIEW = /* GraphQL */ `
  query CustomerView($phone: String!) {
    identifyCaller(phone: $phone) {
      phone
      status
      candidates {
        id displayName tier
        phones { e164 extension type }
        owner { name team }
        lifetimeValue
        openTickets: tickets(status: [NEW, OPEN, PENDING], first: 5) { totalCount }
        calls(first: 5) { totalCount }
        orders(first: 3) { totalCount nodes { number status total } }
        activities(first: 2) { totalCount nodes { type author ... on NoteActivity { body } } }
      }
    }
  }`;

interface View {
  identifyCaller: {
    phone: string;
    status: string;
    candidates: {
      id: string;
      displayName: string;
      tier: string;
      phones: { e164: string; extension: string | null; type: string }[];
      owner: { name: string; team: string } | null;
      lifetimeValue: string;
      openTickets: { totalCount: number };
      calls: { totalCount: number };
      orders: { totalCount: number; nodes: { number: string; status: string; total: string }[] };
      activities: { totalCount: number; nodes: { type: string; author: string; body?: string }[] };
    }[];
  };
}

describe.skipIf(skip !== null)(skipNote('customer view through the gateway over a mapped SQL CRM', skip), () => {
  const schema = `foreign_crm_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-sql-mapped-'));
  let drop: () => Promise<void>;
  let stack: Stack;

  beforeAll(async () => {
    drop = await createForeignCrm(schema, portDataset());
    const mappingFile = join(dir, 'crm-mapping.json');
    writeFileSync(mappingFile, JSON.stringify(foreignMappingJson(schema), null, 2));
    stack = await startStack({ customers: 20, crmEnv: { CRM_SOURCE: 'sql-mapped', CRM_SQL_URL: POSTGRES_URL, CRM_SQL_MAPPING_FILE: mappingFile } });
  });
  afterAll(async () => {
    await stack?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the README's customer view: one caller, with owner, orders, lifetime value and timeline from the foreign CRM", async () => {
    const response = await stack.query<View>(CUSTOMER_VIEW, { phone: '+86 138-0013-8000' });
    assert.equal(response.status, 200);
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const view = response.data!.identifyCaller;
    assert.deepEqual([view.phone, view.status], ['+8613800138000', 'SINGLE']);
    const [customer] = view.candidates;
    assert.deepEqual(
      { id: customer!.id, name: customer!.displayName, tier: customer!.tier, owner: customer!.owner, value: customer!.lifetimeValue },
      { id: id(1), name: '王芳', tier: 'GOLD', owner: { name: 'Li Lei', team: 'east' }, value: '501.00' },
    );
    assert.deepEqual(customer!.phones, [{ e164: '+8613800138000', extension: null, type: 'MOBILE' }]);
    assert.deepEqual(customer!.orders, { totalCount: 3, nodes: [{ number: 'SO-5003', status: 'PAID', total: '300.50' }, { number: 'SO-5002', status: 'PAID', total: '200.50' }, { number: 'SO-5001', status: 'CANCELLED', total: '100.50' }] });
    assert.deepEqual(customer!.activities, { totalCount: 3, nodes: [{ type: 'NOTE', author: 'agent-1', body: 'Note 3' }, { type: 'NOTE', author: 'agent-1', body: 'Note 2' }] });
    // The other subgraphs answer for the foreign id too (nothing there for it: no tickets, no calls).
    assert.deepEqual([customer!.openTickets.totalCount, customer!.calls.totalCount], [0, 0]);
  });

  test('a number two foreign customers share is MULTIPLE, never one picked', async () => {
    const response = await stack.query<View>(CUSTOMER_VIEW, { phone: '(010) 6552-9988' });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.equal(response.data!.identifyCaller.status, 'MULTIPLE');
    assert.deepEqual(response.data!.identifyCaller.candidates.map((c) => [c.id, c.phones[0]!.extension]), [[id(2), null], [id(3), '8001']]);
  });

  test('writing a note is refused: FORBIDDEN, SOURCE_READ_ONLY, nothing written', async () => {
    const response = await stack.query<{ addCustomerNote: unknown }>(
      'mutation { addCustomerNote(input: { customerId: "101", body: "Called back" }) { id } }',
    );
    assert.equal(response.data?.addCustomerNote ?? null, null);
    assert.deepEqual(response.errors?.map((e) => [e.extensions?.code, e.extensions?.reason]), [['FORBIDDEN', 'SOURCE_READ_ONLY']]);
    const after = await stack.query<View>(CUSTOMER_VIEW, { phone: '13800138000' });
    assert.equal(after.data!.identifyCaller.candidates[0]!.activities.totalCount, 3);
  });
});
