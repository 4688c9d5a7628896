import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startCrm, type RunningCrm } from './fixture.js';
import { internalHeaders, viewer } from '../support/viewers.js';

const CONTACT = /* GraphQL */ `
  query ($id: ID!) { customer(id: $id) { phones { e164 raw type } emails updatedAt } }
`;
const UPDATE = /* GraphQL */ `
  mutation ($input: UpdateCustomerContactInput!) {
    updateCustomerContact(input: $input) { id phones { e164 raw type } emails updatedAt }
  }
`;
const ADD_NOTE = /* GraphQL */ `
  mutation ($input: AddCustomerNoteInput!) { addCustomerNote(input: $input) { id type at author body } }
`;

interface Contact {
  phones: { e164: string; raw: string; type: string }[];
  emails: string[];
  updatedAt: string;
}

describe('CRM mutations', () => {
  let crm: RunningCrm;
  beforeAll(async () => {
    crm = await startCrm();
  });
  afterAll(async () => {
    await crm.close();
  });

  const contact = async (id: string) => (await crm.query<{ customer: Contact }>(CONTACT, { id })).data!.customer;

  test('updateCustomerContact with one bad number writes nothing', async () => {
    const before = await contact('cus_000005');
    const { data, errors } = await crm.query(UPDATE, {
      input: {
        customerId: 'cus_000005',
        phones: [
          { number: '138 0013 8001', type: 'MOBILE' },
          { number: '12345', type: 'HOME' },
        ],
        emails: ['new@example.com'],
      },
    });
    assert.deepEqual(data, { updateCustomerContact: null });
    assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(errors?.[0]?.extensions?.argumentName, 'phones[1].number');
    assert.deepEqual(await contact('cus_000005'), before);
  });

  test('updateCustomerContact with one bad email writes nothing', async () => {
    const before = await contact('cus_000005');
    const { errors } = await crm.query(UPDATE, {
      input: { customerId: 'cus_000005', phones: [{ number: '138 0013 8001', type: 'MOBILE' }], emails: ['ok@example.com', 'not an email'] },
    });
    assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(errors?.[0]?.extensions?.argumentName, 'emails[1]');
    assert.deepEqual(await contact('cus_000005'), before);
  });

  test('updateCustomerContact normalises, deduplicates and replaces; identification follows', async () => {
    const before = await contact('cus_000006');
    const { data, errors } = await crm.query<{ updateCustomerContact: Contact & { id: string } }>(UPDATE, {
      input: {
        customerId: 'cus_000006',
        phones: [
          { number: ' +86-138-0013-8001 ', type: 'MOBILE' },
          { number: '8613800138001', type: 'WORK' },
          { number: '(021) 6888 1234', type: 'LANDLINE' },
        ],
        emails: [' New.Person@Example.COM ', 'new.person@example.com', 'second@example.org'],
      },
    });
    assert.equal(errors, undefined);
    const updated = data!.updateCustomerContact;
    assert.deepEqual(updated.phones, [
      { e164: '+8613800138001', raw: '+86-138-0013-8001', type: 'MOBILE' },
      { e164: '+862168881234', raw: '(021) 6888 1234', type: 'LANDLINE' },
    ]);
    assert.deepEqual(updated.emails, ['new.person@example.com', 'second@example.org']);
    assert.ok(updated.updatedAt > before.updatedAt);
    assert.deepEqual(await contact('cus_000006'), { phones: updated.phones, emails: updated.emails, updatedAt: updated.updatedAt });

    const old = await crm.query<{ identifyCaller: { status: string } }>(`{ identifyCaller(phone: "137 0000 0006") { status } }`);
    assert.equal(old.data?.identifyCaller.status, 'NONE');
    const found = await crm.query<{ identifyCaller: { candidates: { id: string }[] } }>(`{ identifyCaller(phone: "021-68881234") { candidates { id } } }`);
    assert.deepEqual(found.data?.identifyCaller.candidates, [{ id: 'cus_000006' }]);

    // Only the emails given: the phones stay.
    const emailsOnly = await crm.query<{ updateCustomerContact: Contact }>(UPDATE, { input: { customerId: 'cus_000006', emails: [] } });
    assert.deepEqual(emailsOnly.data?.updateCustomerContact.emails, []);
    assert.equal(emailsOnly.data?.updateCustomerContact.phones.length, 2);
  });

  test('updateCustomerContact: more than 10 numbers is BAD_USER_INPUT, an unknown customer NOT_FOUND', async () => {
    const phones = Array.from({ length: 11 }, (_, i) => ({ number: `137 1111 00${String(i).padStart(2, '0')}`, type: 'MOBILE' }));
    const tooMany = await crm.query(UPDATE, { input: { customerId: 'cus_000007', phones } });
    assert.equal(tooMany.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const unknown = await crm.query(UPDATE, { input: { customerId: 'cus_999999', emails: ['a@b.co'] } });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('addCustomerNote puts the note on the timeline, by the calling user, and bumps lastContactAt', async () => {
    const started = new Date().toISOString();
    const { data, errors } = await crm.query<{ addCustomerNote: { id: string; type: string; at: string; author: string; body: string } }>(
      ADD_NOTE,
      { input: { customerId: 'cus_000008', body: '  Asked about the invoice.  ' } },
      await internalHeaders(viewer('agent', { subject: 'own_02' })),
    );
    assert.equal(errors, undefined);
    const note = data!.addCustomerNote;
    assert.match(note.id, /^act_[0-9a-f]{32}$/);
    assert.equal(note.type, 'NOTE');
    assert.equal(note.author, 'own_02');
    assert.equal(note.body, 'Asked about the invoice.');
    assert.ok(note.at >= started);

    const timeline = await crm.query<{ customer: { lastContactAt: string; activities: { totalCount: number; nodes: { id: string }[] } } }>(
      `{ customer(id: "cus_000008") { lastContactAt activities(first: 1, types: [NOTE]) { totalCount nodes { id } } } }`,
    );
    assert.equal(timeline.data?.customer.lastContactAt, note.at);
    assert.deepEqual(timeline.data?.customer.activities.nodes, [{ id: note.id }]);
    assert.equal(timeline.data?.customer.activities.totalCount, 2);

    const refused = await crm.query<{ addCustomerNote: { author: string } }>(
      ADD_NOTE,
      { input: { customerId: 'cus_000008', body: 'Called back.' } },
      await internalHeaders(viewer('analyst')),
    );
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'an analyst may not write notes, even calling the subgraph directly');
  });

  test('addCustomerNote: an empty or too long body is BAD_USER_INPUT, an unknown customer NOT_FOUND', async () => {
    for (const body of ['   ', 'x'.repeat(5001)]) {
      const { data, errors } = await crm.query(ADD_NOTE, { input: { customerId: 'cus_000009', body } });
      assert.deepEqual(data, { addCustomerNote: null });
      assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    }
    const unknown = await crm.query(ADD_NOTE, { input: { customerId: 'cus_999999', body: 'Hello' } });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const count = await crm.query<{ customer: { activities: { totalCount: number } } }>(`{ customer(id: "cus_000009") { activities { totalCount } } }`);
    assert.equal(count.data?.customer.activities.totalCount, 3);
  });
});
