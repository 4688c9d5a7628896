/**
 * The production build: `npm run build` compiles to JavaScript, and the compiled stack
 * (`node dist/gateway/start-stack.js`, what `npm run start:prod` runs) starts its four
 * processes with plain node on `.js` files, no tsx, and answers a query that needs all three
 * subgraphs. Built into a temporary directory (with the repository's node_modules linked
 * beside it), so the test neither needs nor touches `dist/`; ports are free ones picked here.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { build } from '../../gateway/build.js';
import { bearer } from '../support/viewers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEEDED_CUSTOMERS = 12;

/** A port that was free a moment ago (the stack's processes need fixed ports to find each other). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

describe('the compiled stack (npm run build, then plain node)', () => {
  let dir: string;
  let out: string;
  let stack: ChildProcess | undefined;
  let output = '';
  let gatewayUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-dist-'));
    out = join(dir, 'dist');
    assert.equal(build(out), 0, 'tsc compiled without errors');
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const [gateway, crm, callcenter, tickets] = [await freePort(), await freePort(), await freePort(), await freePort()];
    gatewayUrl = `http://127.0.0.1:${gateway}/graphql`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: '',
      SWITCHBOARD_DATA_DIR: join(dir, 'data'),
      SWITCHBOARD_SEED_CUSTOMERS: String(SEEDED_CUSTOMERS),
      GATEWAY_PORT: String(gateway),
      CRM_PORT: String(crm),
      CALLCENTER_PORT: String(callcenter),
      TICKETS_PORT: String(tickets),
    };
    for (const name of ['CRM_URL', 'CALLCENTER_URL', 'TICKETS_URL', 'SWITCHBOARD_SUPERGRAPH', 'CALL_LOG_API_KEY']) delete env[name];
    const child = spawn(process.execPath, [join(out, 'gateway/start-stack.js'), '--no-simulate'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    stack = child;
    await new Promise<void>((ready, failed) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('Switchboard is running.')) ready();
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      child.once('exit', (code) => failed(new Error(`the compiled stack exited (${code}) before it was ready:\n${output}`)));
    });
  });

  afterAll(async () => {
    if (stack && stack.exitCode === null) {
      const exited = new Promise((done) => stack!.once('exit', done));
      stack.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('builds JavaScript and the runtime files beside it', () => {
    for (const file of ['gateway/start-stack.js', 'gateway/index.js', 'subgraphs/crm/index.js', 'schema/crm.graphql', 'schema/supergraph.graphql', 'package.json']) {
      assert.ok(existsSync(join(out, file)), `${file} is in the build`);
    }
  });

  test('starts all four processes with plain node on the compiled files', () => {
    const launches = output.split('\n').filter((line) => / node .* \(pid \d+\)$/.test(line));
    assert.deepEqual(launches.map((line) => line.slice(1, line.indexOf(']'))).sort(), ['callcenter', 'crm', 'gateway', 'tickets']);
    for (const line of launches) {
      assert.doesNotMatch(line, /tsx|\.ts\b/, line);
      assert.match(line, new RegExp(` node ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[a-z/-]+/index\\.js \\(pid`), line);
    }
  });

  test('answers a query that needs all three subgraphs', async () => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer('admin') },
      body: JSON.stringify({ query: '{ customers(first: 2) { totalCount nodes { id calls(first: 1) { totalCount } tickets(first: 1) { totalCount } } } }' }),
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      data?: { customers: { totalCount: number; nodes: { id: string; calls: { totalCount: number }; tickets: { totalCount: number } }[] } };
      errors?: unknown[];
    };
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal(body.data?.customers.totalCount, SEEDED_CUSTOMERS);
    assert.equal(body.data?.customers.nodes.length, 2);
    for (const customer of body.data!.customers.nodes) {
      assert.equal(typeof customer.calls.totalCount, 'number');
      assert.equal(typeof customer.tickets.totalCount, 'number');
    }
  });
});
