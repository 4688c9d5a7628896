import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { SHARED_NUMBER, startCrm, type RunningCrm } from './fixture.js';

const IDENTIFY = /* GraphQL */ `
  query ($phone: String!) {
    identifyCaller(phone: $phone) { phone status candidates { id displayName phones { e164 raw type } } }
  }
`;

interface Identification {
  phone: string;
  status: 'NONE' | 'SINGLE' | 'MULTIPLE';
  candidates: { id: string; displayName: string; phones: { e164: string; raw: string; type: string }[] }[];
}

describe('CRM caller identification', () => {
  let crm: RunningCrm;
  beforeAll(async () => {
    crm = await startCrm();
  });
  afterAll(async () => {
    await crm.close();
  });

  const identify = async (phone: string) => crm.query<{ identifyCaller: Identification }>(IDENTIFY, { phone });

  test('a number nobody has is NONE', async () => {
    const { data, errors } = await identify('+1 202 555 0100');
    assert.equal(errors, undefined);
    assert.deepEqual(data?.identifyCaller, { phone: '+12025550100', status: 'NONE', candidates: [] });
  });

  test('one match is SINGLE, with the customer', async () => {
    const { data } = await identify('137 0000 0042');
    assert.equal(data?.identifyCaller.status, 'SINGLE');
    assert.equal(data?.identifyCaller.phone, '+8613700000042');
    assert.deepEqual(data?.identifyCaller.candidates.map((c) => c.id), ['cus_000042']);
  });

  test('a shared number is MULTIPLE with every candidate, never one picked', async () => {
    const { data } = await identify('139 0013 9000');
    assert.equal(data?.identifyCaller.status, 'MULTIPLE');
    assert.equal(data?.identifyCaller.phone, SHARED_NUMBER);
    assert.deepEqual(data?.identifyCaller.candidates.map((c) => c.id), ['cus_000002', 'cus_000003']);
  });

  test('every common spelling finds the same customer', async () => {
    for (const spelling of ['138 0013 8000', '+86-138-0013-8000', '(010) 6552 9988', '8613800138000', '0086 138 0013 8000']) {
      const { data, errors } = await identify(spelling);
      assert.equal(errors, undefined, spelling);
      assert.equal(data?.identifyCaller.status, 'SINGLE', spelling);
      assert.deepEqual(data?.identifyCaller.candidates.map((c) => c.id), ['cus_000001'], spelling);
    }
    const { data } = await identify('(010) 6552 9988');
    assert.equal(data?.identifyCaller.phone, '+861065529988');
    assert.deepEqual(data?.identifyCaller.candidates[0]?.phones, [
      { e164: '+8613800138000', raw: '138 0013 8000', type: 'MOBILE' },
      { e164: '+861065529988', raw: '(010) 6552 9988', type: 'LANDLINE' },
    ]);
  });

  test('an unparseable number is BAD_USER_INPUT naming the argument', async () => {
    for (const phone of ['not a number', '12', '']) {
      const { data, errors } = await identify(phone);
      assert.deepEqual(data, { identifyCaller: null }, phone);
      assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', phone);
      assert.equal(errors?.[0]?.extensions?.argumentName, 'phone', phone);
    }
  });

  test('CallerIdentification references resolve in one batch; an impossible number is NONE', async () => {
    const representations = [
      { __typename: 'CallerIdentification', phone: '+8613800138000' },
      { __typename: 'CallerIdentification', phone: SHARED_NUMBER },
      { __typename: 'CallerIdentification', phone: '+12025550100' },
      { __typename: 'CallerIdentification', phone: 'garbage' },
      ...Array.from({ length: 20 }, (_, i) => ({ __typename: 'CallerIdentification', phone: `+86137000000${String(i + 10)}` })),
    ];
    const { result, statements } = await crm.countStatements(() =>
      crm.query<{ _entities: (Identification | null)[] }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on CallerIdentification { phone status candidates { id emails } } } }`,
        { r: representations },
      ),
    );
    assert.equal(result.errors, undefined);
    const entities = result.data?._entities ?? [];
    assert.equal(entities.length, representations.length);
    assert.deepEqual(entities.slice(0, 4).map((e) => [e?.status, e?.candidates.map((c) => c.id)]), [
      ['SINGLE', ['cus_000001']],
      ['MULTIPLE', ['cus_000002', 'cus_000003']],
      ['NONE', []],
      ['NONE', []],
    ]);
    assert.deepEqual(entities[3], { phone: 'garbage', status: 'NONE', candidates: [] });
    assert.deepEqual(entities[4]?.candidates, [{ id: 'cus_000010', emails: ['customer10@mail.test'] }]);
    // Phone lookup, then customers + phones + emails: the same for 24 numbers as for one.
    assert.equal(statements, 4);
  });
});
