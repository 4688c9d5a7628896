/**
 * `node --import tsx bench/cti-write/run.ts [--customers 1000] [--calls 300]`: what one CTI
 * event costs the call center's store, statement by statement. Seeds a SQLite call-center
 * store (the demo generator), then applies `--calls` live calls of three events each
 * (OFFERED, ANSWERED, ENDED), each stored and then applied in its own transaction, one event
 * at a time as the webhook's pipeline does at low rates (under load it applies several per
 * transaction, see webhook.ts), and prints
 * the CPU time (`process.cpuUsage`) and wall time per event, the statements per event and
 * where the time goes: SQL text (first 90 characters, literals included) → executions, total
 * ms, ms per event. Statement times are wall time of better-sqlite3's run/all/get (SQLite's
 * own work); the rest of an event (Kysely's compiling, folding, JSON) is the difference to
 * the event's total.
 *
 * Comparing (each side in its own process, seeded alike, run in turns so both see the same
 * machine; prints the medians and the ratio):
 * `--compare <dir>`: this checkout against another's code (a `git worktree add` of an
 * earlier commit with a symlink to this `node_modules`), both driven by this script.
 * `--rounds` (3) runs per side. `--impl <dir>` runs another checkout's code once.
 * `--profile <file>` (a single run) writes a V8 CPU profile of the applying loop only
 * (summarise it with `node --import tsx bench/gateway/profile-summary.ts <file>`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { recordStatements } from './statements.js';
import type { AcceptedEvent, CallEventType, CtiEvent } from '../../subgraphs/callcenter/cti/event.js';
import type { CallEventMessage } from '../../subgraphs/callcenter/events/message.js';
import type { Database } from '../../subgraphs/shared/database.js';
import { generateDataset } from '../../subgraphs/devdata/seed/generate.js';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000' },
    calls: { type: 'string', default: '300' },
    impl: { type: 'string' },
    compare: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
});
const customers = Number(values.customers);
const calls = Number(values.calls);
const ANCHOR = '2026-11-01T00:00:00.000Z';
const HERE = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** One run's figures (per applied event). */
interface RunResult {
  label: string;
  events: number;
  cpuMs: number;
  wallMs: number;
  sqliteMs: number;
  statements: number;
  top: { text: string; ms: number; runs: number }[];
}

/** The parts of the event store this bench drives. */
interface BenchEventStore {
  insertEvents(events: readonly AcceptedEvent[], receivedAt: string): Promise<string[]>;
  applyEvents(ids: readonly string[], appliedAt: string): Promise<CallEventMessage[]>;
}

interface BenchSource {
  database: Database<never>;
  loadSeed(seed: unknown): Promise<unknown>;
}

function event(callId: string, type: CallEventType, at: string, extra: Partial<CtiEvent> = {}): AcceptedEvent {
  const e: CtiEvent = { id: `evt_${callId}_${type}`, callId, parentCallId: null, type, at, sequence: null, from: null, to: null, direction: null, queueId: null, agentId: null, disconnectReason: null, ...extra };
  return { event: e, source: 'internal', raw: {} };
}


/** Seeds a store with the code of checkout `impl` and applies the live calls; one process, one run. */
async function runOnce(impl: string, label: string): Promise<RunResult> {
  const { timings, setRecording } = recordStatements();
  const load = (path: string) => import(pathToFileURL(join(impl, path)).href);
  const { openCallCenterSource } = (await load('subgraphs/callcenter/source/open.ts')) as { openCallCenterSource(config: unknown): Promise<BenchSource> };
  const { SqlCallEventStore } = (await load('subgraphs/callcenter/events/sql-event-store.ts')) as { SqlCallEventStore: new (database: unknown) => BenchEventStore };
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
    const profiler = values.profile ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    setRecording(true);
    const cpu = process.cpuUsage();
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
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    setRecording(false);
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(values.profile!, JSON.stringify(profile));
      profiler.disconnect();
    }
    const sqlMs = [...timings.values()].reduce((sum, t) => sum + t.ms, 0);
    const result: RunResult = {
      label,
      events: applied,
      cpuMs: (used.user + used.system) / 1000 / applied,
      wallMs: wallMs / applied,
      sqliteMs: sqlMs / applied,
      statements: (store.database.statementCount - statementsBefore) / applied,
      top: [...timings.entries()]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 25)
        .map(([text, t]) => ({ text, ms: t.ms / applied, runs: t.count / applied })),
    };
    await store.database.close();
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printRun(r: RunResult): void {
  console.log(
    `${customers} customers seeded; ${r.events} events, each stored, then applied: ` +
      `CPU ${r.cpuMs.toFixed(3)} ms per event, wall ${r.wallMs.toFixed(3)} ms, of which SQLite ${r.sqliteMs.toFixed(3)} ms; ${r.statements.toFixed(1)} statements per event.`,
  );
  console.log('\n| ms/event | runs/event | statement |\n|--:|--:|---|');
  for (const t of r.top) console.log(`| ${t.ms.toFixed(3)} | ${t.runs.toFixed(2)} | \`${t.text.replace(/\|/g, '\\|')}\` |`);
}

/** Runs this script as a child for one side and reads its JSON line. */
function child(impl: string, label: string): Promise<RunResult> {
  const args = ['--import', 'tsx', join(HERE, 'bench/cti-write/run.ts'), '--json', '--impl', impl, '--customers', String(customers), '--calls', String(calls)];
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, args, { cwd: HERE, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_LABEL: label } });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) reject(new Error(`${label}: exit ${code}\n${out}`));
      else resolvePromise(JSON.parse(line) as RunResult);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function compare(sides: { label: string; impl: string }[]): Promise<void> {
  const rounds = Number(values.rounds);
  const results = new Map<string, RunResult[]>(sides.map((s) => [s.label, []]));
  for (let round = 0; round < rounds; round++) {
    // Alternate which side goes first.
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const r = await child(side.impl, side.label);
      results.get(side.label)!.push(r);
      console.error(`round ${round + 1}: ${side.label} CPU ${r.cpuMs.toFixed(3)} ms/event, wall ${r.wallMs.toFixed(3)}, SQLite ${r.sqliteMs.toFixed(3)}, ${r.statements.toFixed(1)} statements`);
    }
  }
  console.log(`\n${customers} customers, ${calls * 3} events per run, ${rounds} runs per side, medians (range):\n`);
  console.log('| side | CPU ms/event | wall ms/event | SQLite ms/event | statements/event |\n|---|--:|--:|--:|--:|');
  const fmt = (xs: number[]) => `${median(xs).toFixed(3)} (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`;
  for (const side of sides) {
    const rs = results.get(side.label)!;
    console.log(`| ${side.label} | ${fmt(rs.map((r) => r.cpuMs))} | ${fmt(rs.map((r) => r.wallMs))} | ${fmt(rs.map((r) => r.sqliteMs))} | ${rs[0]!.statements.toFixed(1)} |`);
  }
  const [first, second] = sides.map((s) => results.get(s.label)!);
  if (first && second) {
    console.log(`\n${sides[0]!.label} ÷ ${sides[1]!.label}: CPU ${(median(first.map((r) => r.cpuMs)) / median(second.map((r) => r.cpuMs))).toFixed(2)}, wall ${(median(first.map((r) => r.wallMs)) / median(second.map((r) => r.wallMs))).toFixed(2)}`);
  }
  const last = first?.at(-1);
  if (last) {
    console.log(`\nStatements of ${sides[0]!.label}'s last run:\n`);
    printRun(last);
  }
}

if (values.compare) {
  await compare([
    { label: 'this', impl: HERE },
    { label: 'compared', impl: resolve(values.compare) },
  ]);
} else {
  const result = await runOnce(resolve(values.impl ?? HERE), process.env.BENCH_LABEL ?? 'this');
  if (values.json) console.log(JSON.stringify(result));
  else printRun(result);
}
