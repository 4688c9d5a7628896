/**
 * National IDs at rest: sealed with AES-256-GCM in the CRM store (never the plain number in
 * the column), decrypted for the graph, readable across a key rotation, re-encrypted by
 * `reencryptAll()`, and a tampered value fails clearly without taking the customer down.
 * SQLite and, when reachable, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { openEmbeddedCrmStore } from '../../../subgraphs/crm/source/embedded/open.js';
import { keyIdOf, PiiCipher, PiiDecryptionError } from '../../../subgraphs/crm/source/embedded/pii-cipher.js';
import type { SqlCrmStore } from '../../../subgraphs/crm/source/embedded/store.js';
import { crmFixture, startCrm, type RunningCrm } from '../fixture.js';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema, tempSqlite, type TempDatabase } from '../../support/databases.js';
import { internalHeaders, viewer } from '../../support/viewers.js';

const PLAIN_ID = '110101199003070011'; // cus_000001's, in the fixture
const keyA = randomBytes(32);
const keyB = randomBytes(32);

async function nationalIdColumn(store: SqlCrmStore): Promise<Map<string, string | null>> {
  const rows = await store.database.db.selectFrom('customers').select(['id', 'national_id']).execute();
  return new Map(rows.map((row) => [row.id, row.national_id]));
}

async function setColumn(store: SqlCrmStore, id: string, value: string | null): Promise<void> {
  await store.database.db.updateTable('customers').set({ national_id: value }).where('id', '=', id).execute();
}

function rotationSuite(dialect: string, openTestDatabase: () => Promise<TempDatabase>) {
  describe(`national ID encryption on ${dialect}`, () => {
    let database: TempDatabase;
    const opened: SqlCrmStore[] = [];
    const open = async (cipher: PiiCipher) => {
      const store = await openEmbeddedCrmStore(database.config, cipher);
      opened.push(store);
      return store;
    };
    const nationalIdOf = async (store: SqlCrmStore, id = 'cus_000001') => (await store.customersByIds([id]))[0];

    beforeAll(async () => {
      database = await openTestDatabase();
      const store = await open(new PiiCipher(keyA));
      await store.loadSeed(crmFixture());
    });
    afterAll(async () => {
      for (const store of opened) await store.close();
      await database?.cleanup();
    });

    test('the column holds only sealed values under the current key, never the plain number', async () => {
      const store = await open(new PiiCipher(keyA));
      const column = await nationalIdColumn(store);
      const sealed = column.get('cus_000001')!;
      assert.match(sealed, new RegExp(`^v1:${keyIdOf(keyA)}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$`));
      assert.ok(!sealed.includes(PLAIN_ID));
      for (const value of column.values()) assert.ok(value === null || !/\d{15}/.test(value), `no plain ID in ${value}`);
      assert.equal(column.get('cus_000002'), null, 'no national ID stays NULL');
      assert.equal((await nationalIdOf(store))?.nationalId, PLAIN_ID);
    });

    test('after switching to key B with A among the old keys, data written under A still reads', async () => {
      const store = await open(new PiiCipher(keyB, [keyA]));
      assert.equal((await nationalIdOf(store))?.nationalId, PLAIN_ID);
      assert.equal((await nationalIdOf(store))?.nationalIdUnreadable, undefined);
    });

    test('key B alone cannot read what A wrote, and says which key is missing', async () => {
      const store = await open(new PiiCipher(keyB));
      const customer = await nationalIdOf(store);
      assert.equal(customer?.nationalId, null);
      assert.match(customer?.nationalIdUnreadable ?? '', new RegExp(`encrypted with key ${keyIdOf(keyA)}, which is neither`));
      assert.equal(customer?.displayName, 'Zhang Wei', 'the rest of the customer still reads');
    });

    test('reencryptAll() rewrites old-key and plain-text rows under B; then B alone reads everything', async () => {
      const rotating = await open(new PiiCipher(keyB, [keyA]));
      // A row from before encryption existed: stored in plain text.
      await setColumn(rotating, 'cus_000003', '440301198807150023');
      const result = await rotating.reencryptAll();
      assert.deepEqual(result, { scanned: 2, reencrypted: 2, currentKeyId: keyIdOf(keyB) });
      assert.deepEqual(await rotating.reencryptAll(), { scanned: 2, reencrypted: 0, currentKeyId: keyIdOf(keyB) }, 'a second run has nothing to do');

      const onlyB = await open(new PiiCipher(keyB));
      for (const value of (await nationalIdColumn(onlyB)).values()) {
        if (value !== null) assert.ok(value.startsWith(`v1:${keyIdOf(keyB)}:`), value);
      }
      assert.equal((await nationalIdOf(onlyB))?.nationalId, PLAIN_ID);
      assert.equal((await nationalIdOf(onlyB, 'cus_000003'))?.nationalId, '440301198807150023');
    });

    test('a tampered value or one copied from another row fails GCM authentication', async () => {
      const store = await open(new PiiCipher(keyB));
      const sealed = (await nationalIdColumn(store)).get('cus_000001')!;
      const parts = sealed.split(':');
      const ciphertext = Buffer.from(parts[4]!, 'base64');
      ciphertext[0] = ciphertext[0]! ^ 0x01;
      await setColumn(store, 'cus_000001', [...parts.slice(0, 4), ciphertext.toString('base64')].join(':'));
      assert.match((await nationalIdOf(store))?.nationalIdUnreadable ?? '', /failed AES-GCM authentication/);

      // The untouched value of cus_000001, pasted into cus_000005: bound to its row, so refused.
      await setColumn(store, 'cus_000001', sealed);
      await setColumn(store, 'cus_000005', sealed);
      assert.equal((await nationalIdOf(store))?.nationalId, PLAIN_ID);
      assert.match((await nationalIdOf(store, 'cus_000005'))?.nationalIdUnreadable ?? '', /failed AES-GCM authentication/);
      await setColumn(store, 'cus_000005', null);
    });
  });
}

rotationSuite('SQLite', () => tempSqlite('crm'));

if (await postgresReachable()) {
  rotationSuite('PostgreSQL', () => tempPostgresSchema('crm_pii'));
} else {
  test('national ID encryption on PostgreSQL', (t) => {
    t.skip(POSTGRES_SKIP_REASON);
  });
}

describe('PII keys from the environment', () => {
  const base64 = (key: Buffer) => key.toString('base64');

  test('SWITCHBOARD_PII_OLD_KEYS takes keyId=base64 or plain base64 entries', () => {
    const cipher = PiiCipher.fromEnv({ SWITCHBOARD_PII_KEY: base64(keyB), SWITCHBOARD_PII_OLD_KEYS: `${keyIdOf(keyA)}=${base64(keyA)}` });
    const underA = new PiiCipher(keyA).encrypt('secret', 'ctx');
    assert.equal(cipher.decrypt(underA, 'ctx'), 'secret');
    assert.equal(cipher.currentKeyId, keyIdOf(keyB));
    const plain = PiiCipher.fromEnv({ SWITCHBOARD_PII_KEY: base64(keyB), SWITCHBOARD_PII_OLD_KEYS: ` ${base64(keyA)} ,` });
    assert.equal(plain.decrypt(underA, 'ctx'), 'secret');
  });

  test('a wrong key length or a key id that does not match its key is refused at start', () => {
    assert.throws(() => PiiCipher.fromEnv({ SWITCHBOARD_PII_KEY: Buffer.alloc(16).toString('base64') }), /SWITCHBOARD_PII_KEY must be 32 bytes/);
    assert.throws(
      () => PiiCipher.fromEnv({ SWITCHBOARD_PII_KEY: base64(keyB), SWITCHBOARD_PII_OLD_KEYS: `deadbeef=${base64(keyA)}` }),
      /key id deadbeef does not match its key/,
    );
  });

  test('the context is authenticated: a value only decrypts for the record it was sealed for', () => {
    const cipher = new PiiCipher(keyA);
    const sealed = cipher.encrypt(PLAIN_ID, 'customers.national_id:cus_1');
    assert.notEqual(cipher.encrypt(PLAIN_ID, 'customers.national_id:cus_1'), sealed, 'a fresh IV every time');
    assert.throws(() => cipher.decrypt(sealed, 'customers.national_id:cus_2'), PiiDecryptionError);
    assert.throws(() => cipher.decrypt(PLAIN_ID, 'customers.national_id:cus_1'), /is not an encrypted value/);
  });
});

describe('Customer.nationalId through the CRM subgraph', () => {
  let crm: RunningCrm;
  beforeAll(async () => {
    crm = await startCrm();
  });
  afterAll(async () => {
    await crm?.close();
  });

  const QUERY = /* GraphQL */ `query ($id: ID!) { customer(id: $id) { id displayName nationalId } }`;

  test('decrypted for pii:read, masked without it', async () => {
    const admin = await crm.query<{ customer: { nationalId: string | null } }>(QUERY, { id: 'cus_000001' });
    assert.equal(admin.errors, undefined);
    assert.equal(admin.data?.customer.nationalId, PLAIN_ID);
    // The agent's own team (own_01 is team-bj): full record, masked national ID.
    const agent = await crm.query<{ customer: { nationalId: string | null } }>(QUERY, { id: 'cus_000001' }, await internalHeaders(viewer('agent')));
    assert.equal(agent.errors, undefined);
    assert.equal(agent.data?.customer.nationalId, '110***********0011');
  });

  test('a value that does not decrypt is null with an error on that field only', async () => {
    // Sealed under a key this CRM does not have (the resolver also logs why, to stderr).
    await setColumn(crm.store, 'cus_000001', new PiiCipher(randomBytes(32)).encrypt(PLAIN_ID, 'customers.national_id:cus_000001'));
    const { data, errors } = await crm.query<{ customer: { displayName: string; nationalId: string | null } }>(QUERY, { id: 'cus_000001' });
    assert.equal(data?.customer.displayName, 'Zhang Wei');
    assert.equal(data?.customer.nationalId, null);
    assert.equal(errors?.length, 1);
    assert.deepEqual(errors?.[0]?.path, ['customer', 'nationalId']);
    assert.equal(errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
    assert.equal(errors?.[0]?.extensions?.reason, 'PII_UNREADABLE');
    assert.match(errors?.[0]?.message ?? '', /cannot be decrypted/);
  });
});
