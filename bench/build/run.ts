/**
 * `npm run bench:build`: resident memory of the four processes (crm, callcenter, tickets,
 * gateway) started from the sources through tsx (`npm start`) and from the build with plain
 * node (`npm run start:prod`), over the same seeded data (1,000 demo customers in SQLite).
 * Linux only (reads `/proc`). For each way: start the stack, wait 5 s idle and read RSS, send a
 * fixed workload (customer views by phone number, 4 at a time), read RSS again and each
 * process's peak (VmHWM). Prints a Markdown table and writes bench/results/build-memory-<time>.md.
 *
 *   npm run bench:build [-- --requests N]   (default 400 requests)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from '../../gateway/build.js';
import { main as seed } from '../../subgraphs/devdata/seed/cli.js';
import { signDevToken } from '../../gateway/auth/token-cli.js';
import { lifetimePeakRssMb, rssMb } from '../screen-pop/process-usage.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROCESSES = ['crm', 'callcenter', 'tickets', 'gateway'] as const;
const CUSTOMERS = 1000;
const IDLE_MS = 5000;
const CONCURRENCY = 4;

interface Sample {
  idle: Record<string, number>;
  afterLoad: Record<string, number>;
  peak: Record<string, number>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the stack with `args`, waits until it is ready and returns it with the pids it launched. */
async function startStack(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ child: ChildProcess; pids: Record<string, number> }> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((ready, failed) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Switchboard is running.')) ready();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => failed(new Error(`the stack exited (${code}) before it was ready:\n${output}`)));
  });
  const pids: Record<string, number> = {};
  for (const match of output.matchAll(/^\[(\w+)\]\s+node .* \(pid (\d+)\)$/gm)) pids[match[1]!] = Number(match[2]);
  return { child, pids };
}

async function stopStack(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

async function workload(url: string, requests: number): Promise<void> {
  const authorization = `Bearer ${await signDevToken({ role: 'admin', sub: 'bench-memory' })}`;
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
    return (await response.json()) as { data?: Record<string, unknown> };
  };
  const list = await post('{ customers(first: 100) { nodes { phones { raw } } } }');
  const phones = ((list.data?.customers as { nodes: { phones: { raw: string }[] }[] }).nodes.flatMap((c) => c.phones.map((p) => p.raw)));
  const view = `query($phone: String!) { identifyCaller(phone: $phone) { status candidates { displayName tier
    tickets(status: [NEW, OPEN, PENDING], first: 5) { totalCount nodes { number subject } }
    calls(first: 5) { nodes { startedAt state agent { name } } } orders(first: 3) { nodes { number status } } } } }`;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests) {
        const phone = phones[next++ % phones.length]!;
        await post(view, { phone });
      }
    }),
  );
}

async function measure(label: string, args: string[], baseEnv: NodeJS.ProcessEnv, seededData: string, work: string, requests: number): Promise<Sample> {
  const dataDir = join(work, `data-${label}`);
  cpSync(seededData, dataDir, { recursive: true });
  const ports = { GATEWAY_PORT: await freePort(), CRM_PORT: await freePort(), CALLCENTER_PORT: await freePort(), TICKETS_PORT: await freePort() };
  const env: NodeJS.ProcessEnv = { ...baseEnv, SWITCHBOARD_DATA_DIR: dataDir, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  const { child, pids } = await startStack(args, env, ROOT);
  try {
    const read = (reader: (pid: number) => number) => Object.fromEntries(PROCESSES.map((name) => [name, reader(pids[name]!)]));
    await sleep(IDLE_MS);
    const idle = read(rssMb);
    await workload(`http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`, requests);
    await sleep(1000);
    return { idle, afterLoad: read(rssMb), peak: read(lifetimePeakRssMb) };
  } finally {
    await stopStack(child);
  }
}

function table(samples: Record<string, Sample>): string {
  const lines = ['| process | ' + Object.keys(samples).map((way) => `${way}: idle / after load / peak MB`).join(' | ') + ' |', '|---|' + Object.keys(samples).map(() => '--:|').join('')];
  const total = (values: Record<string, number>) => PROCESSES.reduce((sum, name) => sum + (values[name] ?? 0), 0);
  for (const name of [...PROCESSES, 'all four'] as const) {
    const cells = Object.values(samples).map((s) => {
      const pick = (values: Record<string, number>) => (name === 'all four' ? total(values) : values[name]!);
      return `${Math.round(pick(s.idle))} / ${Math.round(pick(s.afterLoad))} / ${Math.round(pick(s.peak))}`;
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

async function run(): Promise<void> {
  const { values } = parseArgs({ options: { requests: { type: 'string', default: '400' } } });
  const requests = Number(values.requests);
  const work = mkdtempSync(join(tmpdir(), 'switchboard-memory-'));
  try {
    console.log('building into a temporary directory ...');
    const out = join(work, 'dist');
    if (build(out) !== 0) throw new Error('the build failed');
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    const seededData = join(work, 'data-seeded');
    const baseEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: '',
      SWITCHBOARD_DATA_DIR: seededData,
      SWITCHBOARD_SEED_CUSTOMERS: '0',
      SWITCHBOARD_JWT_SECRET: process.env.SWITCHBOARD_JWT_SECRET ?? 'bench-memory-jwt-secret-0123456789abcdef',
      SWITCHBOARD_INTERNAL_SECRET: process.env.SWITCHBOARD_INTERNAL_SECRET ?? 'bench-memory-internal-secret-0123456789ab',
      SWITCHBOARD_PII_KEY: process.env.SWITCHBOARD_PII_KEY ?? Buffer.alloc(32, 9).toString('base64'),
    };
    // This process seeds and signs tokens too: the same secrets, none generated into ./data.
    for (const name of ['SWITCHBOARD_JWT_SECRET', 'SWITCHBOARD_INTERNAL_SECRET', 'SWITCHBOARD_PII_KEY']) process.env[name] = baseEnv[name];
    for (const name of ['CRM_URL', 'CALLCENTER_URL', 'TICKETS_URL', 'SWITCHBOARD_SUPERGRAPH', 'CALL_LOG_API_KEY']) delete baseEnv[name];
    console.log(`seeding ${CUSTOMERS} customers ...`);
    mkdirSync(seededData, { recursive: true });
    if ((await seed(['--customers', String(CUSTOMERS), '--anchor', '2026-11-01T00:00:00Z'], baseEnv, { out: () => undefined, err: console.error })) !== 0) throw new Error('seeding failed');
    const samples: Record<string, Sample> = {};
    console.log('measuring from the sources (tsx) ...');
    samples['tsx (npm start)'] = await measure('tsx', ['--import', 'tsx', join(ROOT, 'gateway/start-stack.ts'), '--no-simulate'], baseEnv, seededData, work, requests);
    console.log('measuring the build (plain node) ...');
    samples['node dist (npm run start:prod)'] = await measure('dist', [join(out, 'gateway/start-stack.js'), '--no-simulate'], baseEnv, seededData, work, requests);
    const when = new Date().toISOString();
    const report = `Memory of the four processes, ${when} (Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}; ${CUSTOMERS} customers in SQLite; ${requests} customer views, ${CONCURRENCY} at a time; RSS in MB)\n\n${table(samples)}\n`;
    console.log(`\n${report}`);
    const results = join(ROOT, 'bench/results');
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, `build-memory-${when.replace(/[:.]/g, '-')}.md`), report);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await run();
