/**
 * `SWITCHBOARD_WORKERS` (subgraphs/shared/cluster.ts): the tickets subgraph and the gateway as
 * real processes with 2 workers each on ephemeral ports. Requests are answered by both worker
 * pids (`x-switchboard-worker`), a live `ticketUpdated` subscription hears tickets created on
 * either worker (Redis pub/sub), `/metrics` answers for all workers, a killed worker is
 * replaced while the other keeps answering, and SIGTERM stops primary and workers with exit
 * code 0. Without `REDIS_URL` several workers are refused with one fatal line. The Redis part
 * skips, saying so, when no Redis answers at `REDIS_TEST_URL`.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, test } from 'vitest';
import WebSocket from 'ws';
import { REDIS_SKIP_REASON, REDIS_URL, redisReachable } from '../support/redis.js';
import { skipNote } from '../support/skip.js';
import { bearer, internalHeaders } from '../support/viewers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Started {
  child: ChildProcess;
  exited: Promise<number | string | null>;
  output(): string;
  /** The URLs printed by `ready at`, one per worker that became ready, in order. */
  readyUrls(): string[];
}

const started: Started[] = [];

function startProcess(entry: string, env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry)], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const process_ = { child, exited, output: () => output, readyUrls: () => [...output.matchAll(/ready at (http:\/\/[^\s"]+)/g)].map((m) => m[1]!) };
  started.push(process_);
  return process_;
}

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** One request on a new connection (no keep-alive, so the primary hands each to the next worker): status, worker pid, body. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; worker: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', agent: false, headers: { connection: 'close', ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, worker: res.headers['x-switchboard-worker'] as string | undefined, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The worker pids answering `GET url` over `tries` new connections. */
async function workersAnswering(url: string, tries = 8): Promise<Set<string>> {
  const pids = new Set<string>();
  for (let i = 0; i < tries; i += 1) {
    const answer = await send(url);
    assert.equal(answer.status, 200, answer.body);
    assert.ok(answer.worker, 'every response names its worker');
    pids.add(answer.worker);
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(() => {
  // Workers exit by themselves when their primary is gone (node:cluster's IPC channel closes).
  for (const { child } of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('several workers without REDIS_URL are refused', () => {
  test('a subgraph and the gateway exit 1 with one fatal line naming REDIS_URL; a wrong count is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-cluster-refuse-'));
    try {
      const env = { SWITCHBOARD_DATA_DIR: dir, SWITCHBOARD_WORKERS: '2', REDIS_URL: '', TICKETS_PORT: '0', GATEWAY_PORT: '0' };
      for (const entry of ['subgraphs/tickets/index.ts', 'gateway/index.ts']) {
        const run = startProcess(entry, env);
        assert.equal(await run.exited, 1, run.output());
        const fatal = run.output().split('\n').filter((line) => line.includes('"level":"fatal"'));
        assert.equal(fatal.length, 1, run.output());
        assert.match(fatal[0]!, /SWITCHBOARD_WORKERS=2 needs REDIS_URL/);
        assert.doesNotMatch(run.output(), /ready at/);
      }
      const wrong = startProcess('subgraphs/tickets/index.ts', { ...env, SWITCHBOARD_WORKERS: 'many' });
      assert.equal(await wrong.exited, 1, wrong.output());
      assert.match(wrong.output(), /SWITCHBOARD_WORKERS must be a whole number from 1 to 256 or auto, got \\"many\\"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

const redis = await redisReachable();

describe.skipIf(!redis)(skipNote('two workers per service, with Redis', !redis && REDIS_SKIP_REASON), () => {
  let dir: string;
  let tickets: Started;
  let gateway: Started;
  let ticketsUrl: string;
  let gatewayUrl: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-cluster-'));
    const common = { SWITCHBOARD_DATA_DIR: dir, SWITCHBOARD_WORKERS: '2', REDIS_URL, SWITCHBOARD_SHUTDOWN_DRAIN_MS: '2000' };
    tickets = startProcess('subgraphs/tickets/index.ts', { ...common, TICKETS_PORT: '0' });
    await until('two tickets workers', () => tickets.readyUrls().length >= 2 || (tickets.child.exitCode !== null && Promise.reject(new Error(tickets.output()))));
    ticketsUrl = tickets.readyUrls()[0]!;
    gateway = startProcess('gateway/index.ts', { ...common, GATEWAY_PORT: '0', TICKETS_URL: ticketsUrl, CRM_URL: 'http://127.0.0.1:9/graphql', CALLCENTER_URL: 'http://127.0.0.1:9/graphql' });
    await until('two gateway workers', () => gateway.readyUrls().length >= 2 || (gateway.child.exitCode !== null && Promise.reject(new Error(gateway.output()))));
    gatewayUrl = gateway.readyUrls()[0]!;
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    for (const run of [gateway, tickets]) if (run && run.child.exitCode === null) run.child.kill('SIGKILL');
    await Promise.all([gateway?.exited, tickets?.exited]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('both workers answer, on the gateway and on the subgraph, and /metrics covers all workers', async () => {
    assert.equal(new Set(tickets.readyUrls()).size, 1, 'the workers share one port');
    assert.equal((await workersAnswering(ticketsUrl.replace(/\/graphql$/, '/health'))).size, 2);
    assert.equal((await workersAnswering(gatewayUrl.replace(/\/graphql$/, '/health'))).size, 2);
    const answered = await send(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: await bearer('admin') }, body: JSON.stringify({ query: '{ ticketByNumber(number: "T-0") { id } }' }) });
    assert.equal(answered.status, 200, answered.body);
    const metrics = await send(gatewayUrl.replace(/\/graphql$/, '/metrics'));
    assert.equal(metrics.status, 200, metrics.body);
    // Both workers' health requests are counted: at least the 8 made above.
    const health = [...metrics.body.matchAll(/^switchboard_http_requests_total\{[^}]*route="GET \/health"[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    assert.ok(health >= 8, `the scrape counts both workers' requests (${health})`);
  });

  test('a ticketUpdated subscription hears tickets created on either worker', async () => {
    const requesterId = `cus${randomUUID().replaceAll('-', '').slice(0, 12)}`.replace(/^cus/, 'cus_');
    const client = createClient({ url: gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: await bearer('admin') }, retryAttempts: 0 });
    clients.push(client);
    const seen = new Set<string>();
    let failure: unknown = null;
    client.subscribe<{ ticketUpdated: { id: string } }>(
      { query: 'subscription($r: ID) { ticketUpdated(requesterId: $r) { id } }', variables: { r: requesterId } },
      { next: (r) => r.data && seen.add(r.data.ticketUpdated.id), error: (e) => (failure = e), complete: () => undefined },
    );
    const headers = { 'content-type': 'application/json', ...(await internalHeaders()) };
    const create = async () => {
      const answer = await send(ticketsUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          query: 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
          variables: { input: { idempotencyKey: randomUUID(), requesterId, subject: 'cluster test' } },
        }),
      });
      assert.equal(answer.status, 200, answer.body);
      const body = JSON.parse(answer.body) as { data?: { createTicket: { id: string } }; errors?: unknown };
      assert.ok(body.data?.createTicket, answer.body);
      return { id: body.data.createTicket.id, worker: answer.worker! };
    };
    // The subscription is live once it hears a ticket (the gateway's upstream stream opens asynchronously).
    await until('the subscription to be live', async () => {
      const probe = await create();
      await sleep(250);
      return seen.has(probe.id);
    }, 30_000);
    const made: { id: string; worker: string }[] = [];
    while (made.length < 12 && new Set(made.map((m) => m.worker)).size < 2) made.push(await create());
    assert.equal(new Set(made.map((m) => m.worker)).size, 2, 'tickets were created on both workers');
    await until('every ticket to arrive', () => made.every((m) => seen.has(m.id)), 15_000).catch(() => undefined);
    assert.equal(failure, null);
    assert.deepEqual(made.filter((m) => !seen.has(m.id)), [], 'the subscription (on one worker) heard every ticket, also those created on the other');
  });

  test('a killed worker is replaced, the other answers meanwhile; SIGTERM stops everything with exit code 0', async () => {
    const healthUrl = ticketsUrl.replace(/\/graphql$/, '/health');
    const before = [...(await workersAnswering(healthUrl))].map(Number);
    process.kill(before[0]!, 'SIGKILL');
    await until('the worker to be gone', () => !alive(before[0]!), 10_000);
    // Every request is answered while the replacement starts.
    for (let i = 0; i < 5; i += 1) assert.equal((await send(healthUrl)).status, 200);
    await until('a replacement worker', () => tickets.readyUrls().length >= 3, 60_000);
    assert.match(tickets.output(), new RegExp(`worker ${before[0]} \\(\\w+\\) died unexpectedly \\(signal SIGKILL\\); forking a replacement`));
    const after = [...(await workersAnswering(healthUrl))].map(Number);
    assert.equal(after.length, 2);
    assert.ok(!after.includes(before[0]!), 'the dead worker no longer answers');

    const gatewayWorkers = [...(await workersAnswering(gatewayUrl.replace(/\/graphql$/, '/health')))].map(Number);
    gateway.child.kill('SIGTERM');
    tickets.child.kill('SIGTERM');
    assert.equal(await gateway.exited, 0, gateway.output());
    assert.equal(await tickets.exited, 0, tickets.output());
    for (const pid of [...after, ...gatewayWorkers]) await until(`worker ${pid} to exit`, () => !alive(pid), 5_000);
    assert.doesNotMatch(tickets.output() + gateway.output(), /"level":"(error|fatal)".*(stopping failed|did not stop)/);
  }, 120_000);
});
