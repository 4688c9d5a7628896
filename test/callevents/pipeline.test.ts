/**
 * The event pipeline (`CallEventPipeline`) on SQLite and PostgreSQL: a failing application
 * leaves nothing half-written, the accepted events stay stored and the sweep applies them
 * once the database recovers; concurrent requests to one instance and duplicate deliveries
 * to two instances sharing PostgreSQL apply and publish every event exactly once, with the
 * report tables as a rebuild writes them.
 */
import { afterEach, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { openCallCenterSource } from '../../subgraphs/callcenter/source/open.js';
import type { SqlCallCenterStore } from '../../subgraphs/callcenter/source/sql-store.js';
import { SqlCallEventStore } from '../../subgraphs/callcenter/events/sql-event-store.js';
import { CallEventPipeline } from '../../subgraphs/callcenter/events/pipeline.js';
import { CALL_EVENTS_TOPIC, type CallEventMessage } from '../../subgraphs/callcenter/events/message.js';
import { MemoryPubSub } from '../../subgraphs/shared/pubsub/memory-pubsub.js';
import type { AcceptedEvent, CallEventType, CtiEvent } from '../../subgraphs/callcenter/cti/event.js';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema, tempSqlite, type TempDatabase } from '../support/databases.js';
import { skipNote } from '../support/skip.js';

const PG_SKIP = (await postgresReachable()) ? false : POSTGRES_SKIP_REASON;
const CUSTOMER = '+8613800138000';
const HOTLINE = '+864008123456';

function ctiEvent(callId: string, type: CallEventType, at: string, extra: Partial<CtiEvent> = {}): AcceptedEvent {
  const event: CtiEvent = { id: `${callId}_${type}`, callId, parentCallId: null, type, at, sequence: null, from: null, to: null, direction: null, queueId: null, agentId: null, disconnectReason: null, ...extra };
  return { event, source: 'internal', raw: { type } };
}

/** OFFERED, ANSWERED and ENDED of call `callId`, offered `minutesAgo` ago, talking 60 s (then in wrap-up). */
function callEvents(callId: string, minutesAgo: number, agentId = 'agt_pipe'): AcceptedEvent[] {
  const t0 = Date.now() - minutesAgo * 60_000;
  const at = (s: number) => new Date(t0 + s * 1000).toISOString();
  return [
    ctiEvent(callId, 'OFFERED', at(0), { direction: 'INBOUND', from: CUSTOMER, to: HOTLINE, queueId: 'q_pipe' }),
    ctiEvent(callId, 'ANSWERED', at(10), { agentId }),
    ctiEvent(callId, 'ENDED', at(70)),
  ];
}

/** Every table the application writes, for before/after comparisons. */
async function snapshot(db: Kysely<unknown>): Promise<Record<string, unknown[]>> {
  const rows = (query: ReturnType<typeof sql<Record<string, unknown>>>) => query.execute(db).then((r) => r.rows);
  return {
    events: await rows(sql`SELECT id, applied_at FROM cti_events ORDER BY id`),
    locks: await rows(sql`SELECT call_id FROM cti_call_locks ORDER BY call_id`),
    calls: await rows(sql`SELECT * FROM calls ORDER BY id`),
    agents: await rows(sql`SELECT * FROM agents ORDER BY id`),
    queues: await rows(sql`SELECT * FROM queues ORDER BY id`),
    rollups: await rows(sql`SELECT * FROM call_rollups ORDER BY dimension, hour, key`),
    histograms: await rows(sql`SELECT * FROM call_histograms ORDER BY dimension, grain, hour, key, measure, bucket`),
  };
}

/** Makes writing a call whose id starts with `fail_` fail inside the application (a trigger). */
async function failCallsNamedFail(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<() => Promise<void>> {
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER fail_calls BEFORE INSERT ON calls WHEN NEW.id LIKE 'fail_%' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`.execute(db);
    return async () => void (await sql`DROP TRIGGER fail_calls`.execute(db));
  }
  await sql`CREATE FUNCTION fail_calls() RETURNS trigger AS $$ BEGIN IF NEW.id LIKE 'fail_%' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(db);
  await sql`CREATE TRIGGER fail_calls BEFORE INSERT ON calls FOR EACH ROW EXECUTE FUNCTION fail_calls()`.execute(db);
  return async () => void (await sql`DROP TRIGGER fail_calls ON calls`.execute(db));
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Instance {
  store: SqlCallCenterStore;
  events: SqlCallEventStore;
  pipeline: CallEventPipeline;
  published: CallEventMessage[];
}

function suite(dialect: 'sqlite' | 'postgres', skip: string | false): void {
  describe.skipIf(skip)(skipNote(`the event pipeline on ${dialect}`, skip), () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    async function database(): Promise<TempDatabase> {
      const temp = dialect === 'sqlite' ? await tempSqlite('pipeline') : await tempPostgresSchema('pipeline_test');
      cleanups.push(() => temp.cleanup());
      return temp;
    }

    async function instance(temp: TempDatabase, sweepIntervalMs = 60_000): Promise<Instance> {
      const store = await openCallCenterSource(temp.config);
      const events = new SqlCallEventStore(store.database);
      const pubsub = new MemoryPubSub();
      const published: CallEventMessage[] = [];
      pubsub.subscribe<CallEventMessage>(CALL_EVENTS_TOPIC, (message) => published.push(message));
      const pipeline = new CallEventPipeline({ store: events, pubsub, sweepIntervalMs });
      pipeline.start();
      cleanups.push(async () => {
        await pipeline.close();
        await store.close();
      });
      return { store, events, pipeline, published };
    }

    it('a failing application writes nothing; the stored events are applied once it succeeds', async () => {
      const temp = await database();
      const one = await instance(temp, 200);
      const db = one.store.database.db as Kysely<unknown>;
      const healthy = await snapshot(db);
      const stopFailing = await failCallsNamedFail(db, dialect);
      const events = callEvents('fail_call', 5, 'agt_new');
      // Accepted (stored), not applied, not lost; nothing of the failed application is left.
      assert.deepEqual(await one.pipeline.accept(events), { accepted: 3, duplicates: 0 });
      const stored = await sql<{ id: string; applied_at: string | null }>`SELECT id, applied_at FROM cti_events WHERE call_id = 'fail_call' ORDER BY id`.execute(db);
      assert.deepEqual(stored.rows.map((r) => [r.id, r.applied_at]), events.map((e) => [e.event.id, null]).sort());
      await one.pipeline.idle();
      assert.ok(one.pipeline.stats.failures >= 1, `failures ${one.pipeline.stats.failures}`);
      const after = await snapshot(db);
      assert.deepEqual({ ...after, events: [] }, { ...healthy, events: [] }, 'the failed application left nothing');
      assert.equal(one.published.length, 0);
      assert.equal((await one.store.callsByIds(['fail_call']))[0], null);
      // The database recovers: the sweep applies them, each published once.
      await stopFailing();
      await until(() => one.published.length >= 3, 'the sweep to apply the stored events');
      await one.pipeline.idle();
      assert.deepEqual(one.published.map((m) => m.id).sort(), events.map((e) => e.event.id).sort());
      const call = (await one.store.callsByIds(['fail_call']))[0];
      assert.equal(call?.state, 'WRAP_UP');
      assert.equal(call?.talkSeconds, 60);
      assert.equal((await one.store.agentsByIds(['agt_new']))[0]?.name, 'Agent agt_new');
      // Reports as a rebuild writes them: the failed attempts left no trace in the increments.
      const maintained = await snapshot(db);
      await one.store.rebuildReports();
      assert.deepEqual(await snapshot(db), maintained);
    });

    it('concurrent requests to one instance: every event applied and published once', async () => {
      const one = await instance(await database());
      const calls = Array.from({ length: 12 }, (_, i) => callEvents(`call_conc_${i}`, 30 - i, `agt_c${i % 3}`));
      const requests = calls.flat().map((e) => [e]);
      // Each event twice, all at once.
      const answers = await Promise.all([...requests, ...requests].map((events) => one.pipeline.accept(events)));
      await one.pipeline.idle();
      assert.equal(answers.reduce((n, a) => n + a.accepted, 0), requests.length);
      const ids = one.published.map((m) => m.id);
      assert.equal(new Set(ids).size, ids.length, 'no event published twice');
      assert.deepEqual([...ids].sort(), requests.map(([e]) => e!.event.id).sort());
      for (const call of await one.store.callsByIds(calls.map((c) => c[0]!.event.callId))) assert.deepEqual([call?.state, call?.talkSeconds], ['WRAP_UP', 60]);
      const db = one.store.database.db as Kysely<unknown>;
      const maintained = await snapshot(db);
      await one.store.rebuildReports();
      assert.deepEqual(await snapshot(db), maintained);
    });

    // Several processes on one SQLite file are not supported (subgraphs/callcenter/README.md).
    if (dialect === 'postgres') it('two instances sharing the database, each sent every event: each applied and published exactly once', async () => {
      const temp = await database();
      const a = await instance(temp, 200);
      const b = await instance(temp, 200);
      const calls = Array.from({ length: 10 }, (_, i) => callEvents(`call_two_${i}`, 40 - i, `agt_t${i % 2}`));
      const requests = calls.flat().map((e) => [e]);
      // Every request to both instances at once (a sender retrying on the other one), in two orders.
      await Promise.all([...requests.map((events) => a.pipeline.accept(events)), ...[...requests].reverse().map((events) => b.pipeline.accept(events))]);
      await until(async () => {
        await Promise.all([a.pipeline.idle(), b.pipeline.idle()]);
        return a.published.length + b.published.length >= requests.length;
      }, 'every event to be published');
      const ids = [...a.published, ...b.published].map((m) => m.id);
      assert.equal(new Set(ids).size, ids.length, `no event published twice (a ${a.published.length}, b ${b.published.length})`);
      assert.deepEqual([...ids].sort(), requests.map(([e]) => e!.event.id).sort());
      for (const call of await a.store.callsByIds(calls.map((c) => c[0]!.event.callId))) assert.deepEqual([call?.state, call?.talkSeconds], ['WRAP_UP', 60]);
      const db = a.store.database.db as Kysely<unknown>;
      const unapplied = await sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM cti_events WHERE applied_at IS NULL`.execute(db);
      assert.equal(Number(unapplied.rows[0]?.n), 0);
      const maintained = await snapshot(db);
      await a.store.rebuildReports();
      assert.deepEqual(await snapshot(db), maintained);
    });
  });
}

suite('sqlite', false);
suite('postgres', PG_SKIP);
