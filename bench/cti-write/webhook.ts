/**
 * `node --import tsx bench/cti-write/webhook.ts [--compare <dir>] [--rounds 3] [--rate 200]`:
 * the call-center server's CPU per CTI event through its real webhook (HTTP, signature,
 * pipeline, outbox hook), without gateway or subscribers. Starts the server in this process
 * on a seeded SQLite store (the demo generator, 1,000 customers) with the code of `--impl`
 * (default this checkout), posts 300 calls × 3 signed events at `--rate` per second, one
 * event per request, waits until all are applied, and prints the process's CPU time per
 * event (the posting client's share included, the same on both sides) and, without `--json`,
 * SQLite's time per statement. Unlike run.ts it shows the pipeline's batching: at 200/s the
 * drain applies ~2.6 events per transaction, sharing the commit and the report upserts.
 * With `--compare
 * <dir>` each side runs in its own process, in turns, and the medians are compared.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateDataset } from '../../subgraphs/devdata/seed/generate.js';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { recordStatements } from './statements.js';

const { timings, setRecording } = recordStatements();

const { values } = parseArgs({
  options: {
    impl: { type: 'string' },
    compare: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    rate: { type: 'string', default: '200' },
    calls: { type: 'string', default: '300' },
    json: { type: 'boolean', default: false },
  },
});
const HERE = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SECRET = 'bench-cti-secret';
const rate = Number(values.rate);
const calls = Number(values.calls);

interface Result {
  cpuMs: number;
  applied: number;
}

async function runOnce(impl: string): Promise<Result> {
  const load = (path: string) => import(pathToFileURL(join(impl, path)).href);
  const { openCallCenterSource } = (await load('subgraphs/callcenter/source/open.ts')) as { openCallCenterSource(config: unknown): Promise<{ loadSeed(seed: unknown): Promise<unknown>; close(): Promise<void> }> };
  const { createCallCenterServer } = (await load('subgraphs/callcenter/server.ts')) as {
    createCallCenterServer(options: unknown): Promise<{ url: string; callEvents: { idle(): Promise<void>; stats: Record<string, number> }; close(): Promise<void> }>;
  };
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-cti-webhook-'));
  try {
    const store = await openCallCenterSource({ driver: 'sqlite', file: join(dir, 'callcenter.sqlite') });
    const phones: string[] = [];
    for (const chunk of generateDataset({ seed: 7, customers: 1000, anchor: new Date().toISOString() })) {
      await store.loadSeed(chunk.callcenter);
      for (const call of chunk.callcenter.calls) if (call.customerNumber && phones.length < 2000) phones.push(call.customerNumber);
    }
    const server = await createCallCenterServer({ source: store, port: 0, callEvents: { webhookSecrets: [SECRET], redisUrl: null }, outbox: { dispatcher: false } });
    const url = `${server.url}/webhooks/cti`;
    const post = async (event: Record<string, unknown>) => {
      const body = JSON.stringify({ events: [event] });
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(SECRET, body) }, body });
      if (response.status !== 202) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    };
    // Warm-up: a few calls not measured.
    const events: Record<string, unknown>[] = [];
    const now = Date.now();
    for (let i = 0; i < calls + 20; i++) {
      const callId = `bench_${i}`;
      const t0 = now - 600_000 + i * 1000;
      const at = (s: number) => new Date(t0 + s * 1000).toISOString();
      events.push({ id: `${callId}_o`, callId, type: 'OFFERED', at: at(0), direction: 'INBOUND', from: phones[i % phones.length], to: '+864008123456', queueId: 'q_support' });
      events.push({ id: `${callId}_a`, callId, type: 'ANSWERED', at: at(5), agentId: `agt_w${i % 50}` });
      events.push({ id: `${callId}_e`, callId, type: 'ENDED', at: at(65) });
    }
    const warmup = events.splice(0, 60);
    for (const e of warmup) await post(e);
    await server.callEvents.idle();
    const before = { ...server.callEvents.stats };
    setRecording(true);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < events.length; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(post(events[i]!));
    }
    await Promise.all(inFlight);
    await server.callEvents.idle();
    const used = process.cpuUsage(cpu);
    setRecording(false);
    if (!values.json) {
      for (const [text, t] of [...timings.entries()].sort((x, y) => y[1].ms - x[1].ms).slice(0, 25)) console.log(`| ${(t.ms / events.length).toFixed(3)} | ${(t.count / events.length).toFixed(2)} | \`${text}\` |`);
    }
    const stats = server.callEvents.stats;
    const applied = stats.applied! - before.applied!;
    const result: Result = { cpuMs: (used.user + used.system) / 1000 / events.length, applied };
    await server.close();
    await store.close();
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function child(impl: string): Promise<Result> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'bench/cti-write/webhook.ts'), '--json', '--impl', impl, '--rate', String(rate), '--calls', String(calls)], {
      cwd: HERE,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{"cpuMs"'));
      if (code !== 0 || !line) reject(new Error(`${impl}: exit ${code}\n${out.slice(-2000)}`));
      else resolvePromise(JSON.parse(line) as Result);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (values.compare) {
  const sides = [
    { label: 'this', impl: HERE },
    { label: 'compared', impl: resolve(values.compare) },
  ];
  const results = new Map<string, Result[]>(sides.map((s) => [s.label, []]));
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      const r = await child(side.impl);
      results.get(side.label)!.push(r);
      console.error(`round ${round + 1}: ${side.label} CPU ${r.cpuMs.toFixed(3)} ms/event (${r.applied} applied)`);
    }
  }
  const [a, b] = sides.map((s) => results.get(s.label)!.map((r) => r.cpuMs));
  console.log(`call-center server, ${calls * 3} events at ${rate}/s, CPU ms per event, median (range): this ${median(a!).toFixed(3)} (${Math.min(...a!).toFixed(2)}-${Math.max(...a!).toFixed(2)}), compared ${median(b!).toFixed(3)} (${Math.min(...b!).toFixed(2)}-${Math.max(...b!).toFixed(2)}); ratio ${(median(a!) / median(b!)).toFixed(2)}`);
} else {
  const result = await runOnce(resolve(values.impl ?? HERE));
  console.log(values.json ? JSON.stringify(result) : `CPU ${result.cpuMs.toFixed(3)} ms per event; ${result.applied} applied`);
}
