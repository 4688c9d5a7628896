/**
 * `node --import tsx bench/cti-write/run.ts [--customers 1000] [--calls 300]`: what one CTI
 * event costs the call center's store, statement by statement. Seeds a SQLite call-center
 * store (the demo generator), then applies `--calls` live calls of three events each
 * (OFFERED, ANSWERED, ENDED), one event per transaction as the webhook applies them, and
 * prints the statements per event and where the time of `applyEvents` goes: SQL text
 * (first 90 characters, literals included) → executions, total ms, ms per event. Times are
 * wall time of better-sqlite3's run/all/get (SQLite's own work); the rest of an event
 * (Kysely's compiling, folding, JSON) is the difference to the event's total.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { openCallCenterSource } from '../../subgraphs/callcenter/source/open.js';
import { SqlCallEventStore } from '../../subgraphs/callcenter/events/sql-event-store.js';
import type { AcceptedEvent, CallEventType, CtiEvent } from '../../subgraphs/callcenter/cti/event.js';
import { generateDataset } from '../../subgraphs/devdata/seed/generate.js';

const { values } = parseArgs({ options: { customers: { type: 'string', default: '1000' }, calls: { type: 'string', default: '300' } } });
const customers = Number(values.customers);
const calls = Number(values.calls);
const ANCHOR = '2026-11-01T00:00:00.000Z';

const timings = new Map<string, { count: number; ms: number }>();
let recording = false;
const proto = (SQLite as unknown as { prototype: { prepare(sql: string): unknown } }).prototype;
const prepare = proto.prepare;
proto.prepare = function (this: unknown, text: string) {
  const statement = prepare.call(this, text) as Record<string, (...args: unknown[]) => unknown>;
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
  for (const method of ['run', 'all', 'get', 'iterate']) {
    const original = statement[method] as (...args: unknown[]) => unknown;
    statement[method] = function (this: unknown, ...args: unknown[]) {
      if (!recording) return original.apply(this, args);
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const entry = timings.get(key) ?? { count: 0, ms: 0 };
        entry.count += 1;
        entry.ms += performance.now() - start;
        timings.set(key, entry);
      }
    };
  }
  return statement;
};

function event(callId: string, type: CallEventType, at: string, extra: Partial<CtiEvent> = {}): AcceptedEvent {
  const e: CtiEvent = { id: `evt_${callId}_${type}`, callId, parentCallId: null, type, at, sequence: null, from: null, to: null, direction: null, queueId: null, agentId: null, disconnectReason: null, ...extra };
  return { event: e, source: 'internal', raw: {} };
}

const dir = mkdtempSync(join(tmpdir(), 'switchboard-cti-write-'));
try {
  const store = await openCallCenterSource({ driver: 'sqlite', file: join(dir, 'callcenter.sqlite') });
  const phones: string[] = [];
  for (const chunk of generateDataset({ seed: 7, customers, anchor: ANCHOR })) {
    await store.loadSeed(chunk.callcenter);
    for (const call of chunk.callcenter.calls) if (call.customerNumber && phones.length < 2000) phones.push(call.customerNumber);
  }
  const events = new SqlCallEventStore(store.database);
  const agents = ['agt_001', 'agt_002', 'agt_003', 'agt_004'];
  const statementsBefore = store.database.statementCount;
  recording = true;
  const started = performance.now();
  let applied = 0;
  for (let i = 0; i < calls; i++) {
    const id = `bench_${i}`;
    const t0 = Date.parse(ANCHOR) - 3_600_000 + i * 7_000;
    const at = (s: number) => new Date(t0 + s * 1000).toISOString();
    const from = phones[i % phones.length] ?? '+8613800000001';
    for (const e of [
      event(id, 'OFFERED', at(0), { direction: 'INBOUND', from, to: '+864008123456', queueId: 'q_support' }),
      event(id, 'ANSWERED', at(20 + (i % 40)), { agentId: agents[i % agents.length] ?? null }),
      event(id, 'ENDED', at(200 + (i % 300))),
    ]) {
      await events.insertEvents([e], new Date().toISOString());
      await events.applyEvents([e.event.id], new Date().toISOString());
      applied += 1;
    }
  }
  const totalMs = performance.now() - started;
  recording = false;
  const sqlMs = [...timings.values()].reduce((sum, t) => sum + t.ms, 0);
  console.log(`${customers} customers seeded; ${applied} events applied one per transaction in ${totalMs.toFixed(0)} ms: ${(totalMs / applied).toFixed(3)} ms per event, of which SQLite ${(sqlMs / applied).toFixed(3)} ms; ${((store.database.statementCount - statementsBefore) / applied).toFixed(1)} statements per event (insert + apply).`);
  console.log('\n| ms/event | runs/event | statement |\n|--:|--:|---|');
  for (const [text, t] of [...timings.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
    console.log(`| ${(t.ms / applied).toFixed(3)} | ${(t.count / applied).toFixed(2)} | \`${text.replace(/\|/g, '\\|')}\` |`);
  }
  await store.database.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
