/**
 * Every entry point that reads a phone number accepts and refuses the same corpus
 * (`corpus.ts`), through the real servers: the CRM's `identifyCaller`, `customers(search:)`
 * and `updateCustomerContact`, the call center's CTI webhook, and the CRM's seed load.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { openEmbeddedCrmStore } from '../../subgraphs/crm/source/embedded/open.js';
import type { CrmSeed, CustomerRecord } from '../../subgraphs/crm/source/records.js';
import { crmFixture, startCrm, type RunningCrm } from '../crm/fixture.js';
import { HOTLINE, deliver, event, gql, newCallId, startHarness, type Harness } from '../cti/harness.js';
import { tempSqlite } from '../support/databases.js';
import { ACCEPTED, REFUSED, REFUSED_TEXTS } from './corpus.js';

interface Candidate {
  id: string;
  phones: { e164: string; extension: string | null; raw: string }[];
}
interface Identification {
  phone: string;
  status: string;
  candidates: Candidate[];
}

/** One request asking `identifyCaller` and `customers(search:)` for every text, as aliases. */
function lookups(texts: readonly string[]): { query: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const fields = texts.map((text, i) => {
    variables[`p${i}`] = text;
    return `i${i}: identifyCaller(phone: $p${i}) { phone status candidates { id } }
      s${i}: customers(search: $p${i}, first: 100) { nodes { id } }`;
  });
  return { query: `query (${texts.map((_, i) => `$p${i}: String!`).join(', ')}) { ${fields.join('\n')} }`, variables };
}

const UPDATE = /* GraphQL */ `
  mutation ($input: UpdateCustomerContactInput!) {
    updateCustomerContact(input: $input) { id phones { e164 extension raw type } }
  }
`;
const IDENTIFY = `query ($phone: String!) { identifyCaller(phone: $phone) { status } }`;
const SEARCH = `query ($search: String!) { customers(search: $search, first: 100) { nodes { id displayName company { name } emails } } }`;
const PHONES = `query ($id: ID!) { customer(id: $id) { phones { e164 extension raw } } }`;

describe('GraphQL entry points (CRM server)', () => {
  let crm: RunningCrm;
  const holder = 'cus_000050';
  beforeAll(async () => {
    crm = await startCrm();
    // cus_000001 holds two of the corpus numbers in the fixture: only the holder may have them here.
    await crm.store.updateContact('cus_000001', { phones: [] });
  });
  afterAll(async () => {
    await crm?.close();
  });

  for (const group of ACCEPTED) {
    test(`${group.name}: stored by updateCustomerContact in any spelling, found by identifyCaller and customers(search:) in every spelling`, async () => {
      const texts = group.spellings.map(([text]) => text);
      const { query, variables } = lookups(texts);
      for (const [stored, extension] of group.spellings) {
        const update = await crm.query<{ updateCustomerContact: Candidate }>(UPDATE, { input: { customerId: holder, phones: [{ number: stored, type: 'OTHER' }] } });
        assert.equal(update.errors, undefined, `stored as ${JSON.stringify(stored)}: ${JSON.stringify(update.errors)}`);
        assert.deepEqual(update.data?.updateCustomerContact.phones, [{ e164: group.e164, extension, raw: stored.trim(), type: 'OTHER' }]);
        const result = await crm.query<Record<string, Identification | { nodes: { id: string }[] }>>(query, variables);
        assert.equal(result.errors, undefined, JSON.stringify(result.errors));
        texts.forEach((called, i) => {
          const why = `stored as ${JSON.stringify(stored)}, called as ${JSON.stringify(called)}`;
          assert.deepEqual(result.data?.[`i${i}`], { phone: group.e164, status: 'SINGLE', candidates: [{ id: holder }] }, why);
          assert.ok((result.data?.[`s${i}`] as { nodes: { id: string }[] }).nodes.some((node) => node.id === holder), why);
        });
      }
    });
  }

  test('every refused input is BAD_USER_INPUT with its reason from identifyCaller and updateCustomerContact; nothing is written', async () => {
    const before = await crm.query<{ customer: Candidate }>(PHONES, { id: holder });
    for (const [input, reason] of REFUSED) {
      const label = JSON.stringify(input);
      const identify = await crm.query(IDENTIFY, { phone: input });
      // Root fields are nullable: a refused one is null (the rest of an operation would stay).
      assert.equal((identify.data as Record<string, unknown> | null | undefined)?.identifyCaller ?? null, null, label);
      assert.equal(identify.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', label);
      const update = await crm.query(UPDATE, { input: { customerId: holder, phones: [{ number: '138 0013 8000', type: 'MOBILE' }, { number: input, type: 'OTHER' }] } });
      assert.equal((update.data as Record<string, unknown> | null | undefined)?.updateCustomerContact ?? null, null, label);
      assert.equal(update.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', label);
      if (typeof input === 'string') {
        // A String argument reaches the normaliser; any other JSON value is refused by GraphQL's String type.
        assert.equal(identify.errors?.[0]?.extensions?.reason, reason, label);
        assert.equal(identify.errors?.[0]?.extensions?.argumentName, 'phone', label);
        assert.equal(update.errors?.[0]?.extensions?.reason, reason, label);
        assert.equal(update.errors?.[0]?.extensions?.argumentName, 'phones[1].number', label);
      }
    }
    assert.deepEqual(await crm.query(PHONES, { id: holder }), before);
  });

  test('customers(search:) never matches a refused text as a phone number, only as text', async () => {
    // Rows as an older release wrote them: the fake +86 numbers its length-only fallback made of
    // "84664163" and "(650) 253-0000". Searching those texts must not find them.
    await crm.store.database.db
      .insertInto('customer_phones')
      .values([
        { customer_id: 'cus_000051', position: 5, raw: '84664163', e164: '+8684664163', extension: null, type: 'OTHER' },
        { customer_id: 'cus_000051', position: 6, raw: '(650) 253-0000', e164: '+866502530000', extension: null, type: 'OTHER' },
      ])
      .execute();
    for (const [text] of REFUSED_TEXTS) {
      const result = await crm.query<{ customers: { nodes: { id: string; displayName: string; company: { name: string } | null; emails: string[] }[] } }>(SEARCH, { search: text });
      assert.equal(result.errors, undefined, JSON.stringify(text));
      const needle = text.trim().toLowerCase();
      for (const node of result.data?.customers.nodes ?? []) {
        const asText = [node.displayName, node.company?.name ?? '', ...node.emails].some((field) => field.toLowerCase().includes(needle));
        assert.ok(asText, `${JSON.stringify(text)} found ${node.id} other than by text`);
      }
    }
  });
});

describe('CTI webhook entry point (call-center server)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('every accepted spelling becomes the E.164 caller; refused numbers are null and counted, withheld ones are null and not', async () => {
    const base = Date.now() - 60_000;
    const cases: { callId: string; from: unknown; expected: string | null }[] = [
      ...ACCEPTED.flatMap((group) => group.spellings.map(([text]) => ({ callId: newCallId(), from: text as unknown, expected: group.e164 as string | null }))),
      ...REFUSED.map(([input]) => ({ callId: newCallId(), from: input, expected: null })),
    ];
    const response = await deliver(harness, cases.map(({ callId, from }) => event(callId, 'OFFERED', base, 0, { from, to: HOTLINE })));
    const counted = REFUSED.filter(([, reason]) => reason !== 'WITHHELD' && reason !== 'EMPTY').length;
    assert.equal(response.body.accepted, cases.length);
    assert.equal(response.body.ignored?.invalidNumbers, counted);
    const query = `{ ${cases.map(({ callId }, i) => `c${i}: call(id: "${callId}") { from caller { phone } }`).join('\n')} }`;
    const result = await gql<Record<string, { from: string | null; caller: { phone: string } | null }>>(harness, query);
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    cases.forEach(({ from, expected }, i) => {
      assert.deepEqual(result.data?.[`c${i}`], { from: expected, caller: expected === null ? null : { phone: expected } }, JSON.stringify(from));
    });
  });
});

describe('seed entry point (CRM store load, then the CRM server)', () => {
  const template = crmFixture().customers[0]!;
  const seedOf = (customers: CustomerRecord[]): CrmSeed => ({ owners: crmFixture().owners, customers, orders: [], activities: [] });

  test('seed customers in every accepted spelling load and are identified by their main number', async () => {
    let n = 0;
    const customers = ACCEPTED.flatMap((group) =>
      group.spellings.map(([raw, extension]) => ({
        ...template,
        id: `cus_seed_${String(n++).padStart(3, '0')}`,
        nationalId: null,
        phones: [{ raw, e164: group.e164, extension, type: 'OTHER' as const }],
      })),
    );
    const crm = await startCrm(seedOf(customers));
    try {
      for (const group of ACCEPTED) {
        const result = await crm.query<{ identifyCaller: { status: string; candidates: Candidate[] } }>(
          `query ($phone: String!) { identifyCaller(phone: $phone) { status candidates { id phones { e164 extension raw } } } }`,
          { phone: group.e164 },
        );
        assert.equal(result.errors, undefined);
        const phones = result.data?.identifyCaller.candidates.map((c) => c.phones[0]) ?? [];
        assert.deepEqual(
          phones,
          group.spellings.map(([raw, extension]) => ({ e164: group.e164, extension, raw })),
          group.name,
        );
      }
    } finally {
      await crm.close();
    }
  });

  test('a seed with any refused number is refused as a whole, naming the customer and the reason', async () => {
    for (const [raw, reason] of REFUSED_TEXTS) {
      const database = await tempSqlite('crm');
      const store = await openEmbeddedCrmStore(database.config);
      try {
        const customers = [
          { ...template, nationalId: null },
          { ...template, id: 'cus_refused', nationalId: null, phones: [{ raw, e164: '+8613800138000', extension: null, type: 'OTHER' as const }] },
        ];
        await assert.rejects(store.loadSeed(seedOf(customers)), (error: Error) => {
          assert.match(error.message, new RegExp(`cus_refused.*\\(${reason}\\)`), JSON.stringify(raw));
          return true;
        });
        assert.equal(await store.isEmpty(), true, JSON.stringify(raw));
      } finally {
        await store.close();
        await database.cleanup();
      }
    }
  });
});
