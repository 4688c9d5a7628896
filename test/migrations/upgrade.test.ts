/**
 * Versioned migrations (subgraphs/shared/migrations.ts): a database created by release 0.1
 * (its DDL in fixtures/release-0.1, extracted from commit 53e7cce) holding rows is opened with
 * today's code, on SQLite and, when reachable, PostgreSQL. The later migrations apply, the rows
 * stay, the new columns work, a second open applies nothing; a failing migration changes nothing.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { GatewayStore } from '../../gateway/store/gateway-store.js';
import { GATEWAY_MIGRATIONS } from '../../gateway/store/migrations.js';
import { CALLCENTER_MIGRATIONS } from '../../subgraphs/callcenter/source/migrations.js';
import { openCallCenterSource } from '../../subgraphs/callcenter/source/open.js';
import { CRM_MIGRATIONS } from '../../subgraphs/crm/source/embedded/migrations.js';
import { openEmbeddedCrmStore } from '../../subgraphs/crm/source/embedded/open.js';
import { openDatabase, type DatabaseConfig } from '../../subgraphs/shared/database.js';
import {
  MigrationError,
  applyMigrations,
  hasColumn,
  migrateAtOpen,
  migrateDatabase,
  migrateOnStart,
  type StoreMigrations,
} from '../../subgraphs/shared/migrations.js';
import { pageArgs } from '../../subgraphs/shared/pagination.js';
import { TICKETS_MIGRATIONS } from '../../subgraphs/tickets/source/embedded/migrations.js';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema, tempSqlite, type TempDatabase } from '../support/databases.js';
import { skipNote } from '../support/skip.js';

type Store = 'crm' | 'callcenter' | 'tickets' | 'gateway';

/** Runs release 0.1's DDL for `store`, then `rows` (plain SQL), as that release would have left the database. */
async function createRelease01(config: DatabaseConfig, store: Store, rows: string[]): Promise<void> {
  const ddl = await readFile(new URL(`./fixtures/release-0.1/${store}.sql`, import.meta.url), 'utf8');
  const statements = ddl
    .split('\n')
    .filter((line) => !line.startsWith('--') && line.trim() !== '')
    .map((line) => line.replace(/;$/, ''));
  const database = openDatabase<Record<string, never>>(config);
  try {
    for (const statement of [...statements, ...rows]) await sql.raw(statement).execute(database.db);
  } finally {
    await database.close();
  }
}

/** The migrations recorded as applied in `<store>_migrations`, in name order. */
async function appliedMigrations(config: DatabaseConfig, store: string): Promise<string[]> {
  const database = openDatabase<Record<string, never>>(config);
  try {
    const { rows } = await sql<{ name: string }>`SELECT name FROM ${sql.table(`${store}_migrations`)} ORDER BY name`.execute(database.db);
    return rows.map((row) => row.name);
  } finally {
    await database.close();
  }
}

/** Names of the tables in the store's own schema. */
async function tableNames<DB>(db: Kysely<DB>, dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const query =
    dialect === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`
      : sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`;
  return (await query.execute(db)).rows.map((row) => row.name);
}

const NOW = '2026-11-01T09:00:00.000Z';

function upgradeSuite(dialect: string, openTestDatabase: () => Promise<TempDatabase>) {
  describe(`Upgrading a release 0.1 database on ${dialect}`, () => {
    test('CRM: customers and phones kept, phone extensions stored, statuses ACTIVE, a second open applies nothing', async () => {
      const old = await openTestDatabase();
      try {
        await createRelease01(old.config, 'crm', [
          `insert into customers (id, display_name, tier, tags, created_at, updated_at) values ('cus_000001', 'Li Wei', 'GOLD', '[]', '${NOW}', '${NOW}')`,
          `insert into customer_phones values ('cus_000001', 0, '138 0013 8000', '+8613800138000', 'MOBILE')`,
        ]);
        const store = await openEmbeddedCrmStore(old.config);
        try {
          const [found] = await store.customersByPhoneNumbers(['+8613800138000']);
          assert.deepEqual(found?.map((c) => [c.id, c.displayName, c.phones]), [
            ['cus_000001', 'Li Wei', [{ raw: '138 0013 8000', e164: '+8613800138000', extension: null, type: 'MOBILE' }]],
          ]);
          const updated = await store.updateContact('cus_000001', { phones: [{ number: '010-65529988转8001', type: 'WORK' }] });
          assert.deepEqual(updated.phones, [{ raw: '010-65529988转8001', e164: '+861065529988', extension: '8001', type: 'WORK' }]);
          // 0006: the customer a release without statuses made is ACTIVE, and its status can change.
          assert.equal(found?.[0]?.status, 'ACTIVE');
          const { customer, change } = await store.setStatus('cus_000001', 'INACTIVE', null, 'upgrade');
          assert.deepEqual([customer.status, change?.from, change?.to], ['INACTIVE', 'ACTIVE', 'INACTIVE']);
        } finally {
          await store.close();
        }
        assert.deepEqual(await appliedMigrations(old.config, 'crm'), ['0001_release_0_1', '0002_customer_phone_extension', '0003_change_events', '0004_privacy', '0005_engagement', '0006_customer_status']);
        assert.deepEqual(await migrateDatabase(old.config, CRM_MIGRATIONS), []);
      } finally {
        await old.cleanup();
      }
    });

    test('tickets: tickets and the number counter kept, assigned_by stored, a second open applies nothing', async () => {
      const old = await openTestDatabase();
      try {
        await createRelease01(old.config, 'tickets', [
          `insert into tickets (id, number, subject, description, status, priority, channel, requester_id, created_at, updated_at, sla_breached)
             values ('tkt_old', 'T-100001', 'Parcel lost', '', 'OPEN', 'NORMAL', 'PHONE', 'cus_000001', '${NOW}', '${NOW}', 0)`,
          `update ticket_counters set value = 100001 where name = 'ticket_number'`,
        ]);
        const store = await openEmbeddedTicketsSource(old.config);
        try {
          const created = await store.createTicket({ idempotencyKey: 'upgrade-1', requesterId: 'cus_000001', subject: 'Refund', assigneeId: 'agt_007' }, 'sup_001');
          assert.equal(created.number, 'T-100002');
          assert.equal(created.assignedBy, 'sup_001');
          const [page] = await store.ticketsByRequesterIds(['cus_000001'], null, pageArgs('ticket', 10, null));
          const byNumber = Object.fromEntries(page!.nodes.map((t) => [t.number, [t.subject, t.assignedBy]]));
          assert.deepEqual(byNumber, { 'T-100001': ['Parcel lost', null], 'T-100002': ['Refund', 'sup_001'] });
          // The old ticket's history is the one its row implies (NEW at creation, then its status); the new one's is written.
          const history = await store.database.db.selectFrom('ticket_status_history').select(['ticket_id', 'seq', 'status', 'backlog_delta']).orderBy('ticket_id').orderBy('seq').execute();
          assert.deepEqual(
            history.map((h) => [h.ticket_id === 'tkt_old' ? 'old' : 'new', Number(h.seq), h.status, Number(h.backlog_delta)]),
            [['new', 1, 'NEW', 1], ['old', 1, 'NEW', 1], ['old', 2, 'OPEN', 0]], // tkt_<hex> sorts before tkt_old
          );
        } finally {
          await store.close();
        }
        assert.deepEqual(await appliedMigrations(old.config, 'tickets'), ['0001_release_0_1', '0002_ticket_assigned_by', '0003_change_events', '0004_ticket_status_history', '0005_ticket_classification', '0006_ticket_rollups', '0007_rollup_multi_day_blocks', '0008_rollup_backlog_moves', '0009_rollup_covering_index']);
        assert.deepEqual(await migrateDatabase(old.config, TICKETS_MIGRATIONS), []);
      } finally {
        await old.cleanup();
      }
    });

    test('call center: calls kept and the release adopted as migration 1', async () => {
      const old = await openTestDatabase();
      try {
        await createRelease01(old.config, 'callcenter', [
          `insert into calls (id, direction, to_number, customer_number, state, started_at, customer_id, customer_tier)
             values ('call_old', 'INBOUND', '+862161234567', '+8613800138000', 'ENDED', '${NOW}', 'cus_000001', 'GOLD')`,
        ]);
        const store = await openCallCenterSource(old.config);
        try {
          const [call] = await store.callsByIds(['call_old']);
          assert.equal(call?.customerNumber, '+8613800138000');
        } finally {
          await store.close();
        }
        // The release is adopted as 0001; 0002 adds the report roll-ups, summed from the calls kept.
        assert.deepEqual(await appliedMigrations(old.config, 'callcenter'), ['0001_release_0_1', '0002_call_rollups', '0003_privacy', '0004_handoffs', '0005_call_wrap_up_codes', '0006_handoff_accepted_at', '0007_call_contact_gaps', '0008_call_histograms', '0009_histogram_multi_day_blocks', '0010_call_rollup_days', '0011_histogram_covering_index', '0012_call_definition_statistics']);
        assert.deepEqual(await migrateDatabase(old.config, CALLCENTER_MIGRATIONS), []);
      } finally {
        await old.cleanup();
      }
    });

    test('gateway: API keys kept and the release adopted as migration 1', async () => {
      const old = await openTestDatabase();
      try {
        await createRelease01(old.config, 'gateway', [
          `insert into api_keys values ('0123456789abcdef', 'archiver', '["calls:read"]', '${'0'.repeat(64)}', '${NOW}', null)`,
        ]);
        const store = await GatewayStore.open(old.config);
        try {
          assert.deepEqual(
            (await store.listApiKeys()).map((key) => [key.id, key.name, key.scopes]),
            [['0123456789abcdef', 'archiver', ['calls:read']]],
          );
        } finally {
          await store.close();
        }
        assert.deepEqual(await appliedMigrations(old.config, 'gateway'), ['0001_release_0_1', '0002_webhooks', '0003_privacy', '0004_webhook_secret_rotation']);
        assert.deepEqual(await migrateDatabase(old.config, GATEWAY_MIGRATIONS), []);
      } finally {
        await old.cleanup();
      }
    });

    test('with SWITCHBOARD_MIGRATE_ON_START=false a store with pending migrations refuses to open and changes nothing', async () => {
      const old = await openTestDatabase();
      try {
        await createRelease01(old.config, 'crm', []);
        const database = openDatabase<Record<string, never>>(old.config);
        try {
          await assert.rejects(
            migrateAtOpen(database, old.config, CRM_MIGRATIONS, 'refuse'),
            /pending migrations \(0001_release_0_1, 0002_customer_phone_extension, 0003_change_events, 0004_privacy, 0005_engagement, 0006_customer_status\).*npm run migrate/,
          );
          assert.equal(await hasColumn(database.db, 'customer_phones', 'extension'), false);
          assert.deepEqual(await applyMigrations(database, old.config, CRM_MIGRATIONS), ['0001_release_0_1', '0002_customer_phone_extension', '0003_change_events', '0004_privacy', '0005_engagement', '0006_customer_status']);
          assert.deepEqual(await migrateAtOpen(database, old.config, CRM_MIGRATIONS, 'refuse'), []);
        } finally {
          await database.close();
        }
      } finally {
        await old.cleanup();
      }
    });

    test('the column migrations step down again: a downgrade drops the newer columns only', async () => {
      const temp = await openTestDatabase();
      const database = openDatabase<Record<string, never>>(temp.config);
      try {
        for (const [plan, table, column] of [
          [CRM_MIGRATIONS, 'customer_phones', 'extension'],
          [TICKETS_MIGRATIONS, 'tickets', 'assigned_by'],
        ] as const) {
          await applyMigrations(database, temp.config, plan);
          const migrator = new Migrator({
            db: database.db,
            provider: { getMigrations: () => Promise.resolve(plan.migrations) },
            migrationTableName: `${plan.store}_migrations`,
            migrationLockTableName: `${plan.store}_migrations_lock`,
            ...(temp.config.driver === 'postgres' ? { migrationTableSchema: temp.config.schema } : {}),
          });
          // Down to release 0.1: every later migration steps down, newest first.
          const [first, ...later] = Object.keys(plan.migrations);
          const { error, results } = await migrator.migrateTo(first!);
          assert.equal(error, undefined);
          assert.deepEqual(results?.map((r) => [r.migrationName, r.status]), [...later].reverse().map((name) => [name, 'Success']));
          assert.equal(await hasColumn(database.db, table, column), false);
          assert.deepEqual(await applyMigrations(database, temp.config, plan), later);
          assert.equal(await hasColumn(database.db, table, column), true);
        }
      } finally {
        await database.close();
        await temp.cleanup();
      }
    });

    test('a failing migration leaves the database as it was and the error names it', async () => {
      const temp = await openTestDatabase();
      const database = openDatabase<Record<string, never>>(temp.config);
      const plan = (withBroken: boolean): StoreMigrations => ({
        store: 'probe',
        migrations: {
          '0001_first': { up: (db) => db.schema.createTable('first_table').addColumn('id', 'text').execute() },
          '0002_second': { up: (db) => db.schema.createTable('second_table').addColumn('id', 'text').execute() },
          ...(withBroken
            ? {
                '0003_broken': {
                  up: async (db: Kysely<unknown>) => {
                    await db.schema.createTable('third_table').addColumn('id', 'text').execute();
                    await db.schema.alterTable('no_such_table').addColumn('x', 'text').execute();
                  },
                },
              }
            : {}),
        },
      });
      try {
        // A fresh database: none of the three migrations is kept.
        await assert.rejects(applyMigrations(database, temp.config, plan(true)), (error: unknown) => {
          assert.ok(error instanceof MigrationError);
          assert.match(error.message, /^Migration probe\/0003_broken failed: .*no_such_table/);
          return true;
        });
        const tables = await tableNames(database.db, database.dialect);
        assert.deepEqual(tables.filter((name) => name.endsWith('_table')), []);
        // Applied migrations stay applied when a later one fails.
        assert.deepEqual(await applyMigrations(database, temp.config, plan(false)), ['0001_first', '0002_second']);
        await assert.rejects(applyMigrations(database, temp.config, plan(true)), /probe\/0003_broken/);
        assert.deepEqual((await tableNames(database.db, database.dialect)).filter((name) => name.endsWith('_table')), ['first_table', 'second_table']);
        assert.deepEqual(await appliedMigrations(temp.config, 'probe'), ['0001_first', '0002_second']);
      } finally {
        await database.close();
        await temp.cleanup();
      }
    });
  });
}

test('SWITCHBOARD_MIGRATE_ON_START: true by default, false refuses, anything else is an error', () => {
  assert.equal(migrateOnStart({}), 'apply');
  assert.equal(migrateOnStart({ SWITCHBOARD_MIGRATE_ON_START: 'true' }), 'apply');
  assert.equal(migrateOnStart({ SWITCHBOARD_MIGRATE_ON_START: 'FALSE' }), 'refuse');
  assert.throws(() => migrateOnStart({ SWITCHBOARD_MIGRATE_ON_START: 'no' }), /SWITCHBOARD_MIGRATE_ON_START must be true or false/);
});

upgradeSuite('SQLite', () => tempSqlite('upgrade'));

/** Runs `npm run migrate -- <args>` (the CLI itself) with `env`; resolves to its exit code and output. */
function runMigrateCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'gateway/migrate-cli.ts', ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolvePromise({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

test('npm run migrate: two processes migrating the same SQLite files at once apply each migration once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-migrate-cli-'));
  try {
    const env = { SWITCHBOARD_DATA_DIR: dir, CRM_DATABASE_URL: '', CALLCENTER_DATABASE_URL: '', TICKETS_DATABASE_URL: '', GATEWAY_DATABASE_URL: '' };
    const runs = await Promise.all([runMigrateCli(['tickets'], env), runMigrateCli(['tickets'], env)]);
    assert.deepEqual(runs.map((run) => [run.code, run.stderr]), [[0, ''], [0, '']]);
    const lines = runs.map((run) => run.stdout.trim()).sort();
    assert.match(lines[0]!, /^tickets \(.*tickets\.sqlite\): applied 0001_release_0_1, 0002_ticket_assigned_by, 0003_change_events, 0004_ticket_status_history, 0005_ticket_classification, 0006_ticket_rollups, 0007_rollup_multi_day_blocks, 0008_rollup_backlog_moves, 0009_rollup_covering_index$/);
    assert.match(lines[1]!, /^tickets \(.*tickets\.sqlite\): up to date$/);
    const unknown = await runMigrateCli(['billing'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown store "billing"/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

const postgres = await postgresReachable();
if (postgres) {
  upgradeSuite('PostgreSQL', () => tempPostgresSchema('upgrade'));
  test('PostgreSQL: two stores opening the same new schema at once apply each migration once', async () => {
    const temp = await tempPostgresSchema('upgrade');
    try {
      const runs = await Promise.all([migrateDatabase(temp.config, TICKETS_MIGRATIONS), migrateDatabase(temp.config, TICKETS_MIGRATIONS)]);
      assert.deepEqual(runs.flat().sort(), ['0001_release_0_1', '0002_ticket_assigned_by', '0003_change_events', '0004_ticket_status_history', '0005_ticket_classification', '0006_ticket_rollups', '0007_rollup_multi_day_blocks', '0008_rollup_backlog_moves', '0009_rollup_covering_index']);
      assert.deepEqual(await appliedMigrations(temp.config, 'tickets'), ['0001_release_0_1', '0002_ticket_assigned_by', '0003_change_events', '0004_ticket_status_history', '0005_ticket_classification', '0006_ticket_rollups', '0007_rollup_multi_day_blocks', '0008_rollup_backlog_moves', '0009_rollup_covering_index']);
    } finally {
      await temp.cleanup();
    }
  });
} else {
  test.skipIf(POSTGRES_SKIP_REASON)(skipNote('upgrading on PostgreSQL', POSTGRES_SKIP_REASON), () => {});
}
