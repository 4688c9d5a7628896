/**
 * The product as `npm start` runs it, for a benchmark: the three subgraphs and the gateway
 * as four separate node processes on free ports, over SQLite files in a data directory,
 * with fixed secrets (JWT, internal token, PII key, CTI webhook secret) so the benchmark can
 * sign tokens and webhooks itself. Each process logs to a file; `/proc` gives CPU time and
 * memory per process. Shared by `bench/screen-pop/` and `bench/reports/`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The secrets every benchmark process shares (development-only values). */
export const BENCH_SECRETS = {
  SWITCHBOARD_JWT_SECRET: 'bench-only-jwt-secret-0123456789abcdef',
  SWITCHBOARD_INTERNAL_SECRET: 'bench-only-internal-secret-0123456789abcdef',
  SWITCHBOARD_PII_KEY: Buffer.alloc(32, 11).toString('base64'),
  CTI_WEBHOOK_SECRETS: 'bench-only-cti-secret',
} as const;

export const CTI_SECRET = BENCH_SECRETS.CTI_WEBHOOK_SECRETS;

/** The environment of benchmark processes: this process's, minus anything that would change what is measured. */
export function benchEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // Load generators are one caller sending far more than any user: no rate limits (the peers have none either).
  const env: NodeJS.ProcessEnv = { ...process.env, ...BENCH_SECRETS, SWITCHBOARD_DATA_DIR: dataDir, SWITCHBOARD_RATE_LIMIT_OPERATIONS: '0', SWITCHBOARD_RATE_LIMIT_COST: '0', ...extra };
  // In-process pub/sub, SQLite stores, no call-log dispatcher: the single-machine default.
  for (const name of ['REDIS_URL', 'CRM_DATABASE_URL', 'CALLCENTER_DATABASE_URL', 'TICKETS_DATABASE_URL', 'GATEWAY_DATABASE_URL', 'CALL_LOG_API_KEY', 'SWITCHBOARD_JWKS_URL', 'NODE_OPTIONS']) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  logFile: string;
  exited: string | null;
}

const children: Child[] = [];

/** No child outlives the benchmark, whatever happens to it (also Ctrl-C or a `timeout`). */
process.once('exit', () => {
  for (const child of children) if (child.exited === null) child.process.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/** Starts `node --import tsx [nodeFlags] <entry> [args]` (entry relative to the repository root; flags after tsx, so a preloaded module may be TypeScript), output to `logFile`. */
export function startNode(name: string, entry: string, env: NodeJS.ProcessEnv, logFile: string, args: string[] = [], nodeFlags: string[] = [], root = ROOT): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeFlags, join(root, entry), ...args], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${entry})`);
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const entryRecord: Child = { name, process: child, pid: child.pid, logFile, exited: null };
  child.once('exit', (code, signal) => (entryRecord.exited = signal ?? `code ${code}`));
  children.push(entryRecord);
  return entryRecord;
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export function stopChild(child: Child, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exited !== null) return resolve();
    const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
    child.process.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.process.kill('SIGTERM');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).map((line) => `    | ${line}`).join('\n');
  } catch {
    return '    (no log)';
  }
}

async function waitForHealth(child: Child, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exited !== null) throw new Error(`${child.name} exited (${child.exited}) before answering on ${url}.\n${tail(child.logFile)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${child.name} did not answer on ${url} within ${timeoutMs / 1000} s.\n${tail(child.logFile)}`);
}

export interface StackProcesses {
  gateway: Child;
  crm: Child;
  callcenter: Child;
  tickets: Child;
  env: NodeJS.ProcessEnv;
  graphqlUrl: string;
  wsUrl: string;
  webhookUrl: string;
  /** The call-center subgraph's own graphql-ws URL (internal token only). */
  callcenterWsUrl: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  dataDir: string;
  /** Where the four log files go. */
  logDir: string;
  /** Demo customers each subgraph seeds into its empty store on start (as `npm start`; 0: none). */
  seedCustomers: number;
  /** The checkout whose sources the four processes run (default: this one); another checkout compares two versions side by side. */
  root?: string;
  /** Environment on top of `benchEnv`. */
  env?: NodeJS.ProcessEnv;
  /**
   * When set, every server preloads `bench/gateway/profile-on-signal.ts`: SIGUSR2 starts its
   * main thread's V8 CPU profiler, a second one writes `<name>.cpuprofile` here
   * (`--cpu-prof` would profile tsx's loader thread into the same file name).
   */
  profileDir?: string;
}

const SUBGRAPHS = ['crm', 'callcenter', 'tickets'] as const;

/** Starts the subgraphs (seeding an empty store as `npm start` does), then the gateway. */
export async function startStackProcesses(options: StackOptions): Promise<StackProcesses> {
  const [crmPort, callcenterPort, ticketsPort, freeGatewayPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  // A caller that must know the gateway's URL beforehand (the call-log outbox's) chooses its port.
  const gatewayPort = options.env?.GATEWAY_PORT ? Number(options.env.GATEWAY_PORT) : freeGatewayPort;
  const ports = { crm: crmPort!, callcenter: callcenterPort!, tickets: ticketsPort! };
  const env = benchEnv(options.dataDir, {
    SWITCHBOARD_SEED_CUSTOMERS: String(options.seedCustomers),
    GATEWAY_PORT: String(gatewayPort),
    ...Object.fromEntries(SUBGRAPHS.flatMap((name) => [[`${name.toUpperCase()}_PORT`, String(ports[name])], [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`]])),
    ...options.env,
  });
  const started: Child[] = [];
  const profileDir = options.profileDir;
  const flags = (): string[] => (profileDir ? ['--import', './bench/gateway/profile-on-signal.ts'] : []);
  const envOf = (name: string): NodeJS.ProcessEnv => (profileDir ? { ...env, BENCH_PROFILE_FILE: join(profileDir, `${name}.cpuprofile`) } : env);
  const stop = async () => {
    for (const child of started.reverse()) await stopChild(child);
  };
  try {
    const subgraphs = SUBGRAPHS.map((name) => {
      const child = startNode(name, `subgraphs/${name}/index.ts`, envOf(name), join(options.logDir, `${name}.log`), [], flags(), options.root);
      started.push(child);
      return child;
    });
    // Seeding 1,000 customers takes seconds; a large data set is seeded beforehand (`npm run seed`).
    await Promise.all(subgraphs.map((child, i) => waitForHealth(child, `http://127.0.0.1:${ports[SUBGRAPHS[i]!]}/health`, 300_000)));
    const gateway = startNode('gateway', 'gateway/index.ts', envOf('gateway'), join(options.logDir, 'gateway.log'), [], flags(), options.root);
    started.push(gateway);
    await waitForHealth(gateway, `http://127.0.0.1:${gatewayPort}/health`, 180_000);
    return {
      gateway,
      crm: subgraphs[0]!,
      callcenter: subgraphs[1]!,
      tickets: subgraphs[2]!,
      env,
      graphqlUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      wsUrl: `ws://127.0.0.1:${gatewayPort}/graphql`,
      webhookUrl: `http://127.0.0.1:${ports.callcenter}/webhooks/cti`,
      callcenterWsUrl: `ws://127.0.0.1:${ports.callcenter}/graphql`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** POSTs an operation to the gateway with a bearer token; throws on HTTP or GraphQL errors. */
export async function gatewayQuery<T>(graphqlUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`gateway answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}
