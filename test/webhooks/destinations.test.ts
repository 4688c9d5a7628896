/**
 * Where webhooks may go (subgraphs/shared/address-policy.ts): every address outside the public
 * internet is refused unless its network is allowed, at registration (literal hosts, names
 * and IPv6 spellings of internal addresses) and at delivery on the address the connection
 * uses; signing secrets are stored sealed, and secrets from before sealing are sealed at start.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { GatewayStore } from '../../gateway/store/gateway-store.js';
import { WebhookSender } from '../../gateway/webhooks/sender.js';
import type { WebhookTables } from '../../gateway/webhooks/tables.js';
import { WebhookStore, type EndpointRules } from '../../gateway/webhooks/webhook-store.js';
import { addressPolicy, LOOPBACK_NETWORKS, refusalOf } from '../../subgraphs/shared/address-policy.js';
import { FieldCipher, WEBHOOK_KEYS } from '../../subgraphs/shared/field-cipher.js';
import { tempSqlite, type TempDatabase } from '../support/databases.js';
import { startReceiver, type Receiver } from './receiver.js';

const NONE = addressPolicy([]);

describe('webhook destinations', () => {
  test('public unicast addresses pass; every special-purpose range is refused, whatever the spelling', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(refusalOf(address, NONE), null, address);
    }
    const refused: [string, RegExp][] = [
      ['127.0.0.1', /loopback/],
      ['127.255.0.9', /loopback/],
      ['::1', /loopback/],
      ['::ffff:127.0.0.1', /127\.0\.0\.1 is a loopback/],
      ['::ffff:7f00:1', /127\.0\.0\.1 is a loopback/],
      ['10.1.2.3', /private/],
      ['172.16.0.1', /private/],
      ['192.168.1.10', /private/],
      ['169.254.169.254', /linkLocal/],
      ['fe80::1', /linkLocal/],
      ['fd00::1', /uniqueLocal/],
      ['100.64.0.1', /carrierGradeNat/],
      ['0.0.0.0', /unspecified/],
      ['::', /unspecified/],
      ['224.0.0.1', /multicast/],
      ['255.255.255.255', /broadcast/],
      ['192.0.2.10', /reserved/],
      ['198.18.0.1', /reserved/],
      ['64:ff9b::7f00:1', /rfc6052/],
      ['2002:7f00:1::', /6to4/],
      ['2001::1', /teredo/],
    ];
    for (const [address, reason] of refused) {
      const refusal = refusalOf(address, NONE);
      assert.ok(refusal, `${address} should be refused`);
      assert.match(refusal, reason, address);
      assert.match(refusal, /WEBHOOK_ALLOWED_NETWORKS/);
    }
    const internal = addressPolicy(['10.20.0.0/16', 'fd00::/8', '192.168.1.10']);
    assert.equal(refusalOf('10.20.3.4', internal), null);
    assert.equal(refusalOf('fd00::1', internal), null);
    assert.equal(refusalOf('192.168.1.10', internal), null);
    assert.match(refusalOf('10.21.0.1', internal) ?? '', /private/);
    assert.match(refusalOf('192.168.1.11', internal) ?? '', /private/);
    assert.equal(refusalOf('::ffff:127.0.0.1', addressPolicy([...LOOPBACK_NETWORKS])), null, 'an IPv4-mapped loopback is loopback');
  });

  describe('registration and delivery', () => {
    let database: TempDatabase;
    let gateway: GatewayStore;
    let store: WebhookStore;
    let receiver: Receiver;
    const cipher = new FieldCipher(randomBytes(32), [], WEBHOOK_KEYS);
    const strict: EndpointRules = { httpsOnly: false, addressPolicy: NONE };
    const loopback: EndpointRules = { httpsOnly: false, addressPolicy: addressPolicy([...LOOPBACK_NETWORKS]) };

    beforeAll(async () => {
      database = await tempSqlite('webhook-destinations');
      gateway = await GatewayStore.open(database.config);
      store = new WebhookStore(gateway.database.db as unknown as Kysely<WebhookTables>, cipher);
      receiver = await startReceiver(() => 204);
    });
    afterAll(async () => {
      await receiver?.close();
      await gateway?.close();
      await database?.cleanup();
    });

    test('internal hosts are refused at registration with reason DESTINATION_NOT_ALLOWED, and nothing is stored', async () => {
      const port = new URL(receiver.url).port;
      for (const url of [
        `http://127.0.0.1:${port}/hook`,
        `http://localhost:${port}/hook`,
        'http://169.254.169.254/latest/meta-data/',
        'http://10.0.0.5/admin',
        'http://[::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
        'http://[fd12::1]/hook',
        'http://2130706433/hook',
        'http://0x7f.1/hook',
        'http://0/hook',
      ]) {
        await assert.rejects(store.register({ url, eventTypes: ['TICKET_CREATED'] }, strict), (error: { extensions?: Record<string, unknown>; message: string }) => {
          assert.equal(error.extensions?.code, 'BAD_USER_INPUT', url);
          assert.equal(error.extensions?.reason, 'DESTINATION_NOT_ALLOWED', `${url}: ${error.message}`);
          assert.equal(error.extensions?.argumentName, 'input.url');
          return true;
        });
      }
      await assert.rejects(store.register({ url: 'http://no-such-host.invalid/hook', eventTypes: ['TICKET_CREATED'] }, strict), (error: { extensions?: Record<string, unknown> }) => {
        assert.equal(error.extensions?.reason, 'HOST_NOT_FOUND');
        return true;
      });
      assert.deepEqual(await store.listEndpoints(), []);
    });

    test('an allowed internal network may be registered; its secret is stored sealed, never in the clear', async () => {
      const { endpoint, secret } = await store.register({ url: `${receiver.url}/internal`, eventTypes: ['TICKET_CREATED'] }, loopback);
      const [row] = await gateway.database.db.selectFrom('webhook_endpoints' as never).selectAll().where('id' as never, '=', endpoint.id as never).execute() as { secret: string }[];
      assert.ok(FieldCipher.isSealed(row!.secret), row!.secret);
      assert.ok(!row!.secret.includes(secret.slice('whsec_'.length, 20)));
      const [read] = await store.endpointsByIds([endpoint.id]);
      assert.equal(read!.secret, secret);
    });

    test('a delivery is refused on the address the connection would use, even for a name that passed registration', async () => {
      // `localhost` stands for a name that resolved to a public address when registered and
      // to an internal one now (DNS rebinding): the sender checks the address it connects to.
      const before = receiver.received.length;
      const port = new URL(receiver.url).port;
      const sender = new WebhookSender(NONE, 2000);
      try {
        const byName = await sender.send(`http://localhost:${port}/rebound`, ['whsec_' + randomBytes(24).toString('base64')], 'msg_1', '{}');
        assert.equal(byName.ok, false);
        assert.match(byName.error ?? '', /^destination refused: localhost: .*loopback/);
        const byAddress = await sender.send(`http://127.0.0.1:${port}/literal`, ['whsec_' + randomBytes(24).toString('base64')], 'msg_2', '{}');
        assert.match(byAddress.error ?? '', /^destination refused: 127\.0\.0\.1 is a loopback/);
      } finally {
        await sender.close();
      }
      assert.equal(receiver.received.length, before, 'nothing reached the receiver');
      const allowed = new WebhookSender(addressPolicy([...LOOPBACK_NETWORKS]), 2000);
      try {
        const delivered = await allowed.send(`http://localhost:${port}/allowed`, ['whsec_' + randomBytes(24).toString('base64')], 'msg_3', '{}');
        assert.deepEqual(delivered, { ok: true, statusCode: 204, error: null });
      } finally {
        await allowed.close();
      }
    });

    test('secrets written in the clear by an earlier version, or under an old key, are sealed under the current key at start', async () => {
      const db = gateway.database.db as unknown as Kysely<WebhookTables>;
      const plainSecret = `whsec_${randomBytes(24).toString('base64')}`;
      await db
        .insertInto('webhook_endpoints')
        .values({ id: 'whe_legacy', url: `${receiver.url}/legacy`, event_types: '["TICKET_CREATED"]', description: null, include_personal_data: 0, secret: plainSecret, previous_secret: null, previous_secret_until: null, created_at: new Date().toISOString(), removed_at: null })
        .execute();
      assert.equal((await store.endpointsByIds(['whe_legacy']))[0]!.secret, plainSecret, 'still readable before sealing');
      assert.ok((await store.sealSecrets()) >= 1);
      const sealed = await db.selectFrom('webhook_endpoints').select('secret').where('id', '=', 'whe_legacy').executeTakeFirstOrThrow();
      assert.ok(FieldCipher.isSealed(sealed.secret));
      assert.equal((await store.endpointsByIds(['whe_legacy']))[0]!.secret, plainSecret);
      assert.equal(await store.sealSecrets(), 0, 'a second start has nothing to do');
      // A new key, the old one kept for reading: the next start rewrites every secret under the new key.
      const rotatedCipher = new FieldCipher(randomBytes(32), [cipherKey(cipher)], WEBHOOK_KEYS);
      const rotated = new WebhookStore(db, rotatedCipher);
      assert.ok((await rotated.sealSecrets()) >= 2);
      const rows = await db.selectFrom('webhook_endpoints').select('secret').execute();
      for (const row of rows) assert.ok(row.secret.startsWith(`v1:${rotatedCipher.currentKeyId}:`));
      assert.equal((await rotated.endpointsByIds(['whe_legacy']))[0]!.secret, plainSecret);
      // Without the old key the store cannot open what it wrote before: it says which key is missing.
      await assert.rejects(new WebhookStore(db, new FieldCipher(randomBytes(32), [], WEBHOOK_KEYS)).endpointsByIds(['whe_legacy']), /neither SWITCHBOARD_WEBHOOK_KEY nor in SWITCHBOARD_WEBHOOK_OLD_KEYS/);
    });
  });
});

/** The key a cipher was made with (test only: read back through its private field). */
function cipherKey(cipher: FieldCipher): Buffer {
  return (cipher as unknown as { current: Buffer }).current;
}
