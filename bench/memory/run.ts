/**
 * `npm run bench:memory`: gateway memory under a stream of distinct operations. Seeds a small
 * data set, starts the three subgraphs and two gateways as separate processes (A Switchboard,
 * B plain `@apollo/gateway`, both from bench/gateway/), sends each gateway in turn the same N
 * distinct ~5 KB operations (bench/memory/operations.ts; distinct names, variables and
 * aliases, rotating customer ids), and every `--sample-every` operations reads each process's
 * RSS and heap after a full GC (bench/memory/memory-probe.ts). Prints the series, the
 * plateau check (heap growth over the second half of the run) and the A÷B ratios, and writes
 * them to bench/results/. See bench/README.md.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSecurityRules } from '../../gateway/authz/security-rules.js';
import { signDevToken } from '../../gateway/auth/token-cli.js';
import { postJson, seedDataset } from '../gateway/dataset.js';
import { startGatewayProcess, type GatewaySetup, type RunningGatewayProcess } from '../gateway/gateways.js';
import { BENCH_ADMIN_SUBJECT } from '../gateway/internal-header.js';
import { freePort, startNode, stopAll, stopChild, waitForHttp, type Child } from '../gateway/processes.js';
import { distinctOperation, operationVariables } from './operations.js';
import { benchEnvironment } from '../gateway/environment.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results');
const SUBGRAPHS = ['crm', 'callcenter', 'tickets'] as const;
const PROBE = ['--expose-gc', '--import', './bench/memory/memory-probe.ts'];

const USAGE = `Usage: npm run bench:memory -- [options]

  --operations N      distinct operations sent to each gateway (default 1500)
  --sample-every K    sample memory after every K operations (default 150)
  --concurrency C     operations in flight at once (default 4)
  --customers N       customers to seed (default 200)
  --sensitive         operations also read a PII field (audited, rewritten by the authorizer)
  --gateways a,b      among switchboard, apollo (default both)`;

interface Options {
  operations: number;
  sampleEvery: number;
  concurrency: number;
  customers: number;
  sensitive: boolean;
  gateways: ('switchboard' | 'apollo')[];
}

function parseOptions(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      operations: { type: 'string', default: '1500' },
      'sample-every': { type: 'string', default: '150' },
      concurrency: { type: 'string', default: '4' },
      customers: { type: 'string', default: '200' },
      sensitive: { type: 'boolean', default: false },
      gateways: { type: 'string', default: 'switchboard,apollo' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const count = (name: string, value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive whole number, got ${JSON.stringify(value)}`);
    return parsed;
  };
  const gateways = values.gateways.split(',').map((g) => g.trim());
  for (const gateway of gateways) if (gateway !== 'switchboard' && gateway !== 'apollo') throw new Error(`unknown gateway ${JSON.stringify(gateway)}`);
  return {
    operations: count('operations', values.operations),
    sampleEvery: count('sample-every', values['sample-every']),
    concurrency: count('concurrency', values.concurrency),
    customers: count('customers', values.customers),
    sensitive: values.sensitive,
    gateways: gateways as Options['gateways'],
  };
}

function log(line: string): void {
  console.log(`[bench:memory ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

interface Memory {
  rssMb: number;
  heapMb: number;
}

/** Asks `child` (started with the probe) for its memory after a full GC. */
async function sampleMemory(child: Child, dir: string): Promise<Memory> {
  const file = join(dir, `${child.pid}.json`);
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { sequence: number }).sequence : 0;
  child.process.kill('SIGUSR2');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      const usage = JSON.parse(readFileSync(file, 'utf8')) as { sequence: number; rss: number; heapUsed: number };
      if (usage.sequence > before) return { rssMb: usage.rss / 2 ** 20, heapMb: usage.heapUsed / 2 ** 20 };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${child.name} did not report its memory (see ${child.logFile})`);
}

interface Sample {
  operations: number;
  seconds: number;
  gateway: Memory;
  /** Each subgraph's memory, by name. */
  subgraphs: Record<string, Memory>;
}

interface Phase {
  gateway: 'switchboard' | 'apollo';
  samples: Sample[];
  errors: number;
  firstError: string | null;
}

/** Sends operations `from..to-1` with `concurrency` in flight; counts responses with errors. */
async function send(gateway: RunningGatewayProcess, from: number, to: number, options: Options, customerIds: string[], phase: Phase): Promise<void> {
  let next = from;
  const worker = async () => {
    while (next < to) {
      const i = next;
      next += 1;
      const { status, body } = await postJson<unknown>(
        gateway.graphqlUrl,
        { query: distinctOperation(i, { sensitive: options.sensitive }), variables: operationVariables(i, customerIds[i % customerIds.length]!), operationName: `Distinct${i}` },
        gateway.headers,
      );
      if (status !== 200 || body.errors) {
        phase.errors += 1;
        phase.firstError ??= `HTTP ${status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}

async function runPhase(gateway: RunningGatewayProcess, subgraphs: Child[], options: Options, customerIds: string[], dir: string): Promise<Phase> {
  const phase: Phase = { gateway: gateway.id as Phase['gateway'], samples: [], errors: 0, firstError: null };
  const started = performance.now();
  const sample = async (operations: number) => {
    const subgraphMemory: Record<string, Memory> = {};
    for (const [i, child] of subgraphs.entries()) subgraphMemory[SUBGRAPHS[i]!] = await sampleMemory(child, dir);
    const entry: Sample = { operations, seconds: (performance.now() - started) / 1000, gateway: await sampleMemory(gateway.child, dir), subgraphs: subgraphMemory };
    phase.samples.push(entry);
    log(`${gateway.id} ${operations} ops (${entry.seconds.toFixed(0)} s): RSS ${entry.gateway.rssMb.toFixed(0)} MB, heap ${entry.gateway.heapMb.toFixed(0)} MB; subgraph heaps ${Object.values(subgraphMemory).map((m) => m.heapMb.toFixed(0)).join(' / ')} MB`);
  };
  await sample(0);
  for (let from = 0; from < options.operations; from += options.sampleEvery) {
    const to = Math.min(options.operations, from + options.sampleEvery);
    await send(gateway, from, to, options, customerIds, phase);
    if (gateway.child.exited !== null) throw new Error(`${gateway.child.name} exited (${gateway.child.exited}); see ${gateway.child.logFile}`);
    await sample(to);
  }
  return phase;
}

/** Heap growth over the second half of the run, in MB per 1,000 operations (least squares): about 0 on a plateau. */
function secondHalfSlope(samples: Sample[], pick: (sample: Sample) => number): number {
  const last = samples[samples.length - 1]!.operations;
  const points = samples.filter((s) => s.operations >= last / 2);
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.operations, 0) / n;
  const meanY = points.reduce((sum, p) => sum + pick(p), 0) / n;
  const numerator = points.reduce((sum, p) => sum + (p.operations - meanX) * (pick(p) - meanY), 0);
  const denominator = points.reduce((sum, p) => sum + (p.operations - meanX) ** 2, 0);
  return denominator === 0 ? 0 : (numerator / denominator) * 1000;
}

function report(phases: Phase[], options: Options, about: string): string {
  const names = { switchboard: 'A Switchboard', apollo: 'B plain Apollo' } as const;
  const lines = [about, ''];
  const header = ['operations', ...phases.flatMap((p) => [`${names[p.gateway]} RSS MB`, `${names[p.gateway]} heap MB`]), ...SUBGRAPHS.map((s) => `${s} heap MB (A run)`)];
  lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '--:').join('|')}|`);
  const rows = phases[0]!.samples.length;
  for (let r = 0; r < rows; r += 1) {
    const cells = [String(phases[0]!.samples[r]!.operations)];
    for (const phase of phases) {
      const sample = phase.samples[r];
      cells.push(sample ? sample.gateway.rssMb.toFixed(0) : '', sample ? sample.gateway.heapMb.toFixed(0) : '');
    }
    for (const name of SUBGRAPHS) cells.push(phases[0]!.samples[r]!.subgraphs[name]!.heapMb.toFixed(0));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('');
  for (const phase of phases) {
    const samples = phase.samples;
    const peakRss = Math.max(...samples.map((s) => s.gateway.rssMb));
    const finalHeap = samples[samples.length - 1]!.gateway.heapMb;
    lines.push(
      `${names[phase.gateway]}: heap ${samples[0]!.gateway.heapMb.toFixed(0)} → ${finalHeap.toFixed(0)} MB, peak RSS ${peakRss.toFixed(0)} MB, ` +
        `second-half heap slope ${secondHalfSlope(samples, (s) => s.gateway.heapMb).toFixed(1)} MB per 1,000 operations, ` +
        `${phase.errors} responses with errors${phase.firstError ? ` (first: ${phase.firstError})` : ''}.`,
    );
    for (const name of SUBGRAPHS) {
      lines.push(`  ${name} subgraph during this run: heap ${samples[0]!.subgraphs[name]!.heapMb.toFixed(0)} → ${samples[samples.length - 1]!.subgraphs[name]!.heapMb.toFixed(0)} MB, slope ${secondHalfSlope(samples, (s) => s.subgraphs[name]!.heapMb).toFixed(1)} MB per 1,000.`);
    }
  }
  const a = phases.find((p) => p.gateway === 'switchboard');
  const b = phases.find((p) => p.gateway === 'apollo');
  if (a && b) {
    const last = (p: Phase) => p.samples[p.samples.length - 1]!.gateway;
    const peak = (p: Phase) => Math.max(...p.samples.map((s) => s.gateway.rssMb));
    lines.push(`A÷B: final heap ${(last(a).heapMb / last(b).heapMb).toFixed(2)}, final RSS ${(last(a).rssMb / last(b).rssMb).toFixed(2)}, peak RSS ${(peak(a) / peak(b)).toFixed(2)}.`);
  }
  return lines.join('\n');
}

async function main(options: Options): Promise<void> {
  if (process.platform !== 'linux') throw new Error('the benchmark runs on Linux only.');
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-memory-'));
  const probeDir = join(dir, 'memory');
  mkdirSync(probeDir);
  log(`working directory ${dir}`);
  try {
    const env: NodeJS.ProcessEnv = {
      ...benchEnvironment(dir),
      BENCH_MEMORY_DIR: probeDir,
    };
    Object.assign(process.env, { SWITCHBOARD_INTERNAL_SECRET: env.SWITCHBOARD_INTERNAL_SECRET, SWITCHBOARD_JWT_SECRET: env.SWITCHBOARD_JWT_SECRET });
    log(`seeding ${options.customers} customers`);
    log(await seedDataset(options.customers, env, ROOT));

    const ports: Record<string, number> = {};
    const subgraphs: Child[] = [];
    for (const name of SUBGRAPHS) {
      ports[name] = await freePort();
      const subgraphEnv = { ...env, [`${name.toUpperCase()}_PORT`]: String(ports[name]), [`${name.toUpperCase()}_HOST`]: '127.0.0.1' };
      subgraphs.push(startNode(`subgraph ${name}`, ['--import', 'tsx', ...PROBE, `subgraphs/${name}/index.ts`], subgraphEnv, join(dir, `subgraph-${name}.log`), ROOT));
    }
    await Promise.all(subgraphs.map((child, i) => waitForHttp(child, `http://127.0.0.1:${ports[SUBGRAPHS[i]!]}/health`, 120_000)));
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`])) as GatewaySetup['subgraphUrls'];

    const supergraph = readFileSync(join(ROOT, 'schema', 'supergraph.graphql'), 'utf8');
    const supergraphPath = join(dir, 'supergraph.graphql');
    writeFileSync(supergraphPath, supergraph);
    let peerSdl = readSecurityRules(supergraph).executableSdl;
    for (const name of SUBGRAPHS) peerSdl = peerSdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`), `$1"${subgraphUrls[name]}"`);
    peerSdl = peerSdl.replace(/(@join__graph\(name: "audit", url: )"[^"]*"/, '$1"http://127.0.0.1:9/audit"');
    const peerSupergraphPath = join(dir, 'supergraph-peers.graphql');
    writeFileSync(peerSupergraphPath, peerSdl);
    const adminAuthorization = `Bearer ${await signDevToken({ role: 'admin', sub: BENCH_ADMIN_SUBJECT, ttl: '12h' }, env)}`;
    const setup: GatewaySetup = { root: ROOT, dir, env, subgraphUrls, supergraphPath, peerSupergraphPath, adminAuthorization };

    const phases: Phase[] = [];
    let customerIds: string[] = [];
    for (const id of options.gateways) {
      const gateway = await startGatewayProcess(id, await freePort(), setup, PROBE);
      log(`${id} ready (pid ${gateway.child.pid})`);
      try {
        if (customerIds.length === 0) {
          const { body } = await postJson<{ customers: { nodes: { id: string }[] } }>(gateway.graphqlUrl, { query: '{ customers(first: 100) { nodes { id } } }' }, gateway.headers);
          customerIds = body.data?.customers.nodes.map((c) => c.id) ?? [];
          if (customerIds.length === 0) throw new Error(`no customers: ${JSON.stringify(body.errors)}`);
        }
        phases.push(await runPhase(gateway, subgraphs, options, customerIds, probeDir));
      } finally {
        await stopChild(gateway.child);
      }
    }
    const about =
      `Memory benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpus().length} cores, Node ${process.version}, load average at end ${loadavg().map((v) => v.toFixed(1)).join(', ')}. ` +
      `${options.operations} distinct operations of ~${(distinctOperation(1, { sensitive: options.sensitive }).length / 1024).toFixed(1)} KB${options.sensitive ? ' (reading a PII field)' : ''} per gateway, ${options.concurrency} in flight, as an admin; ` +
      `memory after a full GC every ${options.sampleEvery} operations; gateways in turns on the same three subgraphs (${options.customers} customers, SQLite).`;
    const markdown = report(phases, options, about);
    mkdirSync(RESULTS, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    writeFileSync(join(RESULTS, `memory-${stamp}.json`), JSON.stringify({ options, phases }, null, 2));
    writeFileSync(join(RESULTS, `memory-${stamp}.md`), `${markdown}\n`);
    console.log(`\n${markdown}\n`);
    log(`written bench/results/memory-${stamp}.md in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

let options: Options | 'help';
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`bench:memory: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options === 'help') {
  console.log(USAGE);
} else {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  }
  try {
    await main(options);
  } catch (error) {
    console.error(`bench:memory: FAILED: ${(error as Error).stack ?? String(error)}`);
    await stopAll();
    process.exit(1);
  }
}
