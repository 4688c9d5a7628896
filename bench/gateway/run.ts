/**
 * `npm run bench` (also `npm run bench:gateway`): the gateway benchmark of issue 6.
 * Seeds a data set into a temporary directory, starts the three subgraphs and the three
 * gateways as separate processes, checks that the gateways answer alike, loads them in turns
 * from a separate load process, and writes the table to bench/results/. See bench/README.md.
 * Every child process is stopped at the end, on failure and on Ctrl-C; a failure exits 1.
 */
import { spawnSync } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSecurityRules } from '../../gateway/authz/security-rules.js';
import { signDevToken } from '../../gateway/auth/token-cli.js';
import { checkResponses, type CheckReport } from './compare.js';
import { collectInputs, seedDataset, BENCH_ANCHOR, BENCH_SEED } from './dataset.js';
import { startGatewayProcess, type GatewaySetup, type RunningGatewayProcess } from './gateways.js';
import { BENCH_ADMIN_SUBJECT } from './internal-header.js';
import type { LoadJob, LoadResult } from './load.js';
import { parseOptions, USAGE, type BenchOptions } from './options.js';
import { freePort, machineCpuMs, runNode, startNode, stopAll, stopChild, treeCpuMs, treeCpuTimes, treePeakRssMb, waitForHttp, type Child } from './processes.js';
import { profileMarkdown, summariseProfile } from './profile-summary.js';
import { GATEWAY_NAMES, markdownTable, summarise, type Cell, type GatewayId } from './report.js';
import type { BenchInputs, Workload } from './workloads.js';
import { benchEnvironment } from './environment.js';
import { redisAnswers } from '../../test/support/redis.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results');
const SUBGRAPHS = ['crm', 'callcenter', 'tickets'] as const;
/** The temporary directory of the run in progress, removed on Ctrl-C too (unless --keep). */
let workDir: string | null = null;

class BenchFailure extends Error {}

/** The variables that make gateway A and the subgraphs run `--workers` processes (none for 1). */
function clusterEnv(options: BenchOptions): NodeJS.ProcessEnv {
  return options.workers > 1 ? { SWITCHBOARD_WORKERS: String(options.workers), REDIS_URL: options.redisUrl } : {};
}

function log(line: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** Installs a peer folder's packages from its lockfile when they are missing. */
function ensurePeerInstalled(folder: string): void {
  const dir = join(ROOT, 'bench', 'peers', folder);
  if (existsSync(join(dir, 'node_modules', '.package-lock.json'))) return;
  log(`installing bench/peers/${folder} (npm ci, once)`);
  const result = spawnSync('npm', ['--prefix', dir, 'ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
  if (result.status !== 0) throw new BenchFailure(`npm ci in bench/peers/${folder} failed (exit ${result.status ?? result.signal}).`);
}

function machine() {
  const cores = cpus();
  return {
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
    node: process.version,
    kernel: release(),
  };
}

/** `GET url` on a new connection (no keep-alive: a cluster's primary hands each new connection to the next worker). */
function getJson<T>(url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(body) as T);
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    req.on('error', reject);
  });
}

/**
 * POST requests the three subgraphs have received so far: each worker counts its own
 * (count-requests.ts), so with `workers` per subgraph it asks until that many pids answered.
 */
async function subgraphRequestCount(ports: Record<string, number>, workers: number): Promise<number> {
  let total = 0;
  for (const name of SUBGRAPHS) {
    const counts = new Map<number, number>();
    for (let tries = 0; counts.size < workers; tries += 1) {
      if (tries >= 50 * workers) throw new BenchFailure(`only ${counts.size} of the ${workers} ${name} workers answered GET /__bench/requests`);
      const answer = await getJson<{ count: number; pid: number }>(`http://127.0.0.1:${ports[name]}/__bench/requests`);
      counts.set(answer.pid, answer.count);
    }
    for (const count of counts.values()) total += count;
  }
  return total;
}

async function runLoadProcess(job: LoadJob, dir: string, env: NodeJS.ProcessEnv, name: string): Promise<LoadResult> {
  const file = join(dir, `job-${name}.json`);
  writeFileSync(file, JSON.stringify(job));
  const out = await runNode(['--import', 'tsx', 'bench/gateway/load.ts', file], env, ROOT, (job.durationSeconds + 60) * 1000);
  const last = out.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as LoadResult;
  } catch {
    throw new BenchFailure(`the load process printed no result: ${out.slice(-500)}`);
  }
}

function assertAlive(gateway: RunningGatewayProcess, subgraphs: Child[]): void {
  for (const child of [gateway.child, ...subgraphs]) {
    if (child.exited !== null) throw new BenchFailure(`${child.name} exited (${child.exited}); see ${child.logFile}`);
  }
}

interface Context {
  options: BenchOptions;
  dir: string;
  env: NodeJS.ProcessEnv;
  inputsFile: string;
  ticketStateFile: string;
  subgraphPorts: Record<string, number>;
  subgraphs: Child[];
  /** Worker processes per subgraph (`--workers`). */
  subgraphWorkers: number;
  runId: string;
}

/** One measured cell: warm-up, then the measured window with CPU and subgraph requests read around it. */
async function measureCell(ctx: Context, gateway: RunningGatewayProcess, workload: Workload, connections: number, round: number, start: number): Promise<Cell> {
  const name = `${gateway.id}-${workload}-${connections}-${round}`;
  const job = (durationSeconds: number, phase: string): LoadJob => ({
    url: gateway.graphqlUrl,
    headers: gateway.headers,
    workload,
    connections,
    durationSeconds,
    inputsFile: ctx.inputsFile,
    ticketStateFile: ctx.ticketStateFile,
    start,
    keyPrefix: `bench-${ctx.runId}-${name}-${phase}`,
  });
  assertAlive(gateway, ctx.subgraphs);
  await runLoadProcess(job(ctx.options.warmupSeconds, 'warm'), ctx.dir, ctx.env, `${name}-warm`);
  // CPU of a process and its workers (a cluster primary's children), so --workers counts them all.
  const subgraphCpu = () => ctx.subgraphs.reduce((sum, child) => sum + treeCpuMs(child.pid), 0);
  const workers = ctx.subgraphWorkers;
  const gatewayBefore = treeCpuTimes(gateway.child.pid);
  const subgraphCpuBefore = subgraphCpu();
  const machineBefore = machineCpuMs();
  const subgraphBefore = await subgraphRequestCount(ctx.subgraphPorts, workers);
  const load = await runLoadProcess(job(ctx.options.durationSeconds, 'run'), ctx.dir, ctx.env, name);
  const gatewayAfter = treeCpuTimes(gateway.child.pid);
  const cpuMs = gatewayAfter.userMs + gatewayAfter.kernelMs - (gatewayBefore.userMs + gatewayBefore.kernelMs);
  const subgraphCpuAfter = subgraphCpu();
  const machineAfter = machineCpuMs();
  const subgraphAfter = await subgraphRequestCount(ctx.subgraphPorts, workers);
  assertAlive(gateway, ctx.subgraphs);
  return {
    gateway: gateway.id,
    workload,
    connections,
    round,
    load,
    cpuMs,
    kernelCpuMs: gatewayAfter.kernelMs - gatewayBefore.kernelMs,
    subgraphRequests: subgraphAfter - subgraphBefore,
    peakRssMb: treePeakRssMb(gateway.child.pid),
    subgraphCpuMs: subgraphCpuAfter - subgraphCpuBefore,
    machineBusyPercent: (100 * (machineAfter.busy - machineBefore.busy)) / Math.max(1, machineAfter.total - machineBefore.total),
    systemCpuMs: cpuMs + (subgraphCpuAfter - subgraphCpuBefore),
    gatewayProcesses: gateway.processes,
  };
}

function describeCheck(check: CheckReport): string[] {
  const lines = [`Responses compared before timing: ${Object.entries(check.compared).map(([w, n]) => `${w} ${n}`).join(', ')} requests.`];
  if (check.differences.length === 0) lines.push('All gateways answered identically.');
  for (const difference of check.differences) {
    lines.push(`DIFFERENT (${difference.workload}, ${difference.between}) for ${difference.request}:`);
    for (const detail of difference.details) lines.push(`    ${detail}`);
  }
  return lines;
}

async function profileGateways(ctx: Context, setup: GatewaySetup, stamp: string): Promise<string> {
  const profileDir = join(RESULTS, `profiles-${stamp}`);
  mkdirSync(profileDir, { recursive: true });
  const sections: string[] = [];
  for (const id of ctx.options.gateways) {
    const file = join(profileDir, `${id}.cpuprofile`);
    const port = await freePort();
    log(`profiling ${GATEWAY_NAMES[id]} under view-varied at 50 connections for ${ctx.options.profileSeconds} s`);
    const gateway = await startGatewayProcess(id, port, { ...setup, env: { ...setup.env, BENCH_PROFILE_FILE: file } }, ['--import', './bench/gateway/profile-on-signal.ts'], '-profiled');
    try {
      const job = (durationSeconds: number, phase: string): LoadJob => ({
        url: gateway.graphqlUrl,
        headers: gateway.headers,
        workload: 'view-varied',
        connections: 50,
        durationSeconds,
        inputsFile: ctx.inputsFile,
        ticketStateFile: ctx.ticketStateFile,
        start: 0,
        keyPrefix: `bench-${ctx.runId}-profile-${id}-${phase}`,
      });
      await runLoadProcess(job(Math.max(5, ctx.options.warmupSeconds), 'warm'), ctx.dir, ctx.env, `profile-${id}-warm`);
      // The profile covers the measured window only (see profile-on-signal.ts).
      gateway.child.process.kill('SIGUSR2');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const load = await runLoadProcess(job(ctx.options.profileSeconds, 'run'), ctx.dir, ctx.env, `profile-${id}`);
      gateway.child.process.kill('SIGUSR2');
      const deadline = Date.now() + 30_000;
      while (!existsSync(file) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (!existsSync(file)) throw new BenchFailure(`${GATEWAY_NAMES[id]} wrote no CPU profile to ${file}`);
      sections.push(profileMarkdown(`${GATEWAY_NAMES[id]}: ${join('bench/results', `profiles-${stamp}`, `${id}.cpuprofile`)}`, summariseProfile(file, 20), load.requests));
    } finally {
      await stopChild(gateway.child);
    }
  }
  return sections.join('\n\n');
}

async function main(options: BenchOptions): Promise<void> {
  if (process.platform !== 'linux') throw new BenchFailure('the benchmark reads /proc: it runs on Linux only.');
  ensurePeerInstalled('load');
  if (options.gateways.includes('hive')) ensurePeerInstalled('hive');
  const started = Date.now();
  const about = machine();
  if (about.loadAverageAtStart[0]! > about.cores / 2) {
    log(`WARNING: the machine is already busy (load average ${about.loadAverageAtStart.join(', ')} on ${about.cores} cores): the figures will be disturbed.`);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  if (!options.keep) workDir = dir;
  log(`working directory ${dir}${options.keep ? ' (kept)' : ''}`);
  try {
    const env: NodeJS.ProcessEnv = {
      ...benchEnvironment(dir),
      // One load generator sends far more than any caller may: no rate limits (the peers have none).
      SWITCHBOARD_RATE_LIMIT_OPERATIONS: '0',
      SWITCHBOARD_RATE_LIMIT_COST: '0',
    };
    if (options.workers > 1) {
      if (!(await redisAnswers(options.redisUrl, 2000))) throw new BenchFailure(`--workers ${options.workers} needs Redis for the subgraphs' pub/sub, and none answers at ${options.redisUrl} (--redis-url)`);
      log(`--workers ${options.workers}: gateway A and each subgraph run ${options.workers} processes (SWITCHBOARD_WORKERS, node:cluster; REDIS_URL ${options.redisUrl}); B and C are single processes`);
    }
    // The secrets above are this process's too (signing the admin token, the peers' internal token).
    Object.assign(process.env, { SWITCHBOARD_INTERNAL_SECRET: env.SWITCHBOARD_INTERNAL_SECRET, SWITCHBOARD_JWT_SECRET: env.SWITCHBOARD_JWT_SECRET });

    log(`seeding ${options.customers} customers (seed ${BENCH_SEED}, anchor ${BENCH_ANCHOR})`);
    log(await seedDataset(options.customers, env, ROOT));

    const subgraphPorts: Record<string, number> = {};
    const subgraphs: Child[] = [];
    for (const name of SUBGRAPHS) {
      subgraphPorts[name] = await freePort();
      const subgraphEnv = { ...env, [`${name.toUpperCase()}_PORT`]: String(subgraphPorts[name]), [`${name.toUpperCase()}_HOST`]: '127.0.0.1', ...clusterEnv(options) };
      subgraphs.push(startNode(`subgraph ${name}`, ['--import', 'tsx', '--import', './bench/gateway/count-requests.ts', `subgraphs/${name}/index.ts`], subgraphEnv, join(dir, `subgraph-${name}.log`), ROOT));
    }
    await Promise.all(subgraphs.map((child, i) => waitForHttp(child, `http://127.0.0.1:${subgraphPorts[SUBGRAPHS[i]!]}/health`, 120_000)));
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${subgraphPorts[name]}/graphql`])) as GatewaySetup['subgraphUrls'];
    log(`subgraphs ready: ${Object.values(subgraphUrls).join(', ')}`);

    // A snapshot of the supergraph, so a recomposition during the run changes nothing.
    const supergraph = readFileSync(join(ROOT, 'schema', 'supergraph.graphql'), 'utf8');
    const supergraphPath = join(dir, 'supergraph.graphql');
    writeFileSync(supergraphPath, supergraph);
    let peerSdl = readSecurityRules(supergraph).executableSdl;
    for (const name of SUBGRAPHS) peerSdl = peerSdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`), `$1"${subgraphUrls[name]}"`);
    peerSdl = peerSdl.replace(/(@join__graph\(name: "audit", url: )"[^"]*"/, '$1"http://127.0.0.1:9/audit"');
    const peerSupergraphPath = join(dir, 'supergraph-peers.graphql');
    writeFileSync(peerSupergraphPath, peerSdl);

    const adminAuthorization = `Bearer ${await signDevToken({ role: 'admin', sub: BENCH_ADMIN_SUBJECT, ttl: '12h' }, env)}`;
    const setup: GatewaySetup = { root: ROOT, dir, env, subgraphUrls, supergraphPath, peerSupergraphPath, adminAuthorization, switchboardEnv: clusterEnv(options) };
    const gateways = new Map<GatewayId, RunningGatewayProcess>();
    for (const id of options.gateways) {
      gateways.set(id, await startGatewayProcess(id, await freePort(), setup));
      const started = gateways.get(id)!;
      log(`${GATEWAY_NAMES[id]} ready (pid ${started.child.pid}${started.processes > 1 ? `, ${started.processes} workers` : ''})`);
    }

    const collector = gateways.get('switchboard') ?? gateways.get('apollo') ?? gateways.get('hive')!;
    log(`collecting inputs through ${GATEWAY_NAMES[collector.id]}`);
    const inputs: BenchInputs = await collectInputs(collector.graphqlUrl, collector.headers);
    log(`inputs: ${inputs.phones.length} phone numbers, hot number ${JSON.stringify(inputs.hotPhone)}, ${inputs.listCursors.length} list pages, ${inputs.customerIds.length} customers, ${inputs.tickets.length} tickets to cycle`);

    const targets = [...gateways.values()].map((g) => ({ label: GATEWAY_NAMES[g.id], url: g.graphqlUrl, headers: g.headers }));
    const check = await checkResponses(targets, inputs);
    for (const line of describeCheck(check)) log(line);

    const inputsFile = join(dir, 'inputs.json');
    writeFileSync(inputsFile, JSON.stringify(inputs));
    const ctx: Context = { options, dir, env, inputsFile, ticketStateFile: join(dir, 'ticket-states.json'), subgraphPorts, subgraphs, subgraphWorkers: options.workers, runId: stamp };

    const cells: Cell[] = [];
    if (!options.profileOnly) {
      const total = options.workloads.length * options.connections.length * options.rounds * gateways.size;
      let group = 0;
      for (const workload of options.workloads) {
        for (const connections of options.connections) {
          for (let round = 1; round <= options.rounds; round += 1) {
            group += 1;
            for (const gateway of gateways.values()) {
              const cell = await measureCell(ctx, gateway, workload, connections, round, group * 7919);
              cells.push(cell);
              const { load } = cell;
              log(
                `${cells.length}/${total} ${workload} c=${connections} round ${round} ${GATEWAY_NAMES[gateway.id]}: ${load.requestsPerSecond.toFixed(0)} req/s, ` +
                  `p99 ${load.latencyMs.p99.toFixed(1)} ms, CPU ${(cell.cpuMs / Math.max(1, load.requests)).toFixed(2)} ms/req, ` +
                  `${(cell.subgraphRequests / Math.max(1, load.requests)).toFixed(2)} subgraph req/req, non-2xx ${load.non2xx}, errors in body ${load.graphqlErrorResponses}`,
              );
            }
          }
        }
      }
    }

    for (const gateway of gateways.values()) await stopChild(gateway.child);
    const profiles = options.profile ? await profileGateways(ctx, setup, stamp) : '';

    const figures = summarise(cells);
    const heading = [
      `Gateway benchmark, ${new Date().toISOString().slice(0, 10)}: ${about.cores} × ${about.cpu}, ${about.memoryGb} GB, Linux ${about.kernel}, Node ${about.node}; load average at start ${about.loadAverageAtStart.join(', ')}.`,
      `Data: ${options.customers} customers (seed ${BENCH_SEED}), SQLite, subgraphs as separate processes` +
        (options.workers > 1 ? `; gateway A and each subgraph with ${options.workers} workers (SWITCHBOARD_WORKERS, node:cluster, Redis pub/sub), B and C single processes. ` : ' (one process each). ') +
        `${options.rounds} round(s) per cell of ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured, gateways in turns ${options.gateways.join(', ')}; load from one autocannon process.`,
      'A is called with an admin JWT (authentication, field rules, audit on); B and C send the subgraphs one fixed internal token for the same admin viewer (signed by signInternalToken, re-signed every 20 s), since plain gateways cannot mint one.',
    ];
    const markdown = [...heading, '', ...(cells.length > 0 ? [markdownTable(figures), ''] : []), ...describeCheck(check).map((line) => `    ${line}`), '', profiles].join('\n');
    mkdirSync(RESULTS, { recursive: true });
    const base = join(RESULTS, `gateway-${stamp}`);
    writeFileSync(`${base}.json`, JSON.stringify({ date: new Date().toISOString(), machine: about, options, check, figures, cells }, null, 2));
    writeFileSync(`${base}.md`, `${markdown}\n`);
    writeFileSync(join(RESULTS, 'gateway-latest.md'), `${markdown}\n`);
    console.log(`\n${markdown}\n`);
    log(`written ${base}.json and ${base}.md in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  } finally {
    await stopAll();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

let options: BenchOptions | 'help';
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options === 'help') {
  console.log(USAGE);
} else {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`bench: ${signal}, stopping every child process`);
      void stopAll().finally(() => {
        if (workDir) rmSync(workDir, { recursive: true, force: true });
        process.exit(130);
      });
    });
  }
  try {
    await main(options);
  } catch (error) {
    console.error(`bench: FAILED: ${error instanceof BenchFailure ? error.message : (error as Error).stack ?? String(error)}`);
    await stopAll();
    process.exit(1);
  }
}
