/**
 * Shutdown is idempotent and drains: `close()` called twice (also concurrently) is safe on
 * the HTTP server, a subgraph and the gateway; open requests finish before the server goes
 * (within the drain time); and the processes `npm start` runs stop with exit code 0 when
 * they get SIGINT (the terminal) and SIGTERM (the launcher) at once, even mid-request.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import { listen, sendJson } from '../../subgraphs/shared/http.js';
import { startStack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** POSTs `body` with node:http (one connection, kept alive unless the server says otherwise). */
function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise and the function that resolves it (a request reached the server). */
function signal(): { promise: Promise<void>; done(): void } {
  let done = () => undefined as void;
  const promise = new Promise<void>((resolve) => (done = resolve));
  return { promise, done: () => done() };
}

describe('the HTTP server closes once and drains', () => {
  test('a request in flight completes; close() twice, concurrently and later, resolves; new connections are refused', async () => {
    const arrived = signal();
    const listening = await listen(async (_req, res) => {
      arrived.done();
      await sleep(400);
      sendJson(res, 200, { done: true });
    }, 0);
    const inFlight = post(`${listening.url}/slow`, '{}');
    await arrived.promise;
    const started = Date.now();
    const [first, second] = [listening.close(), listening.close()];
    assert.equal(first, second, 'one close, shared');
    const answer = await inFlight;
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body), { done: true });
    assert.equal(answer.connection, 'close', 'the client is told not to reuse the connection');
    await Promise.all([first, second]);
    assert.ok(Date.now() - started >= 250, 'close waited for the request');
    await listening.close();
    await assert.rejects(post(`${listening.url}/slow`, '{}'), /ECONNREFUSED/);
  });

  test('an idle keep-alive connection does not hold the close, and a request that never ends is cut off after the drain time', async () => {
    const arrived = signal();
    const listening = await listen(async (req, res) => {
      if (req.url === '/quick') return sendJson(res, 200, { ok: true });
      arrived.done();
      await new Promise(() => undefined); // never answers
    }, 0, '127.0.0.1', { drainMs: 300 });
    // An idle kept-alive connection: a fetch leaves its socket in undici's pool.
    assert.equal((await fetch(`${listening.url}/quick`)).status, 200);
    const hanging = post(`${listening.url}/hang`, '{}').then(
      () => 'answered',
      (error: Error) => error.message,
    );
    await arrived.promise;
    const started = Date.now();
    await listening.close();
    const took = Date.now() - started;
    assert.ok(took >= 250 && took < 3000, `closed after the drain time (${took} ms)`);
    assert.match(await hanging, /socket hang up|ECONNRESET/);
  });
});

describe('servers close once', () => {
  test('the gateway and every subgraph: close() twice concurrently, and again, without an error', async () => {
    const stack = await startStack({ customers: 5 });
    try {
      const closes = [stack.gateway, stack.crm.server, stack.callcenter.server, stack.tickets.server].flatMap((server) => [server.close(), server.close()]);
      await Promise.all(closes);
      await stack.gateway.close();
      await stack.callcenter.server.close();
    } finally {
      await stack.close();
    }
  });
});

/** Starts `entry` as `npm start` does and resolves with the URL it prints as ready. */
function startProcess(entry: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry)], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // The exit code, or the signal that ended the process (so a failure says which).
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /ready at (http:\/\/[^\s"]+)/.exec(stdout);
      if (match) {
        clearInterval(timer);
        resolve(match[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`${entry} exited (${code}) before it was ready: ${stderr}`));
    });
  });
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

describe('processes stop cleanly on SIGINT and SIGTERM together', () => {
  test('the gateway answers the request in flight, then exits 0 without an uncaught error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-shutdown-'));
    // A slow call center: the gateway's request is still open when the signals arrive.
    let received: () => void = () => undefined;
    const reachedSubgraph = new Promise<void>((resolve) => (received = resolve));
    const slow: Server = createServer((req, res) => {
      req.resume();
      received();
      setTimeout(() => sendJson(res, 200, { data: { queues: [{ id: 'q_slow' }] } }), 800);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql`;
    const gateway = startProcess('gateway/index.ts', { GATEWAY_PORT: '0', SWITCHBOARD_DATA_DIR: dir, CALLCENTER_URL: slowUrl, SWITCHBOARD_SHUTDOWN_DRAIN_MS: '5000' });
    try {
      const url = await gateway.ready;
      const answer = post(url, JSON.stringify({ query: '{ queues { id } }' }), { authorization: await bearer('admin') });
      // The signals arrive while the gateway waits for the subgraph.
      await reachedSubgraph;
      gateway.child.kill('SIGINT');
      gateway.child.kill('SIGTERM');
      const response = await answer;
      assert.equal(response.status, 200, response.body);
      assert.deepEqual(JSON.parse(response.body).data, { queues: [{ id: 'q_slow' }] });
      assert.equal(await gateway.exited, 0, gateway.output().stderr);
      assert.doesNotMatch(gateway.output().stderr, /not running|Uncaught|ERR_/);
    } finally {
      gateway.child.kill('SIGKILL');
      slow.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a subgraph exits 0 on SIGINT and SIGTERM together', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-shutdown-'));
    const tickets = startProcess('subgraphs/tickets/index.ts', { TICKETS_PORT: '0', SWITCHBOARD_DATA_DIR: dir });
    try {
      await tickets.ready;
      tickets.child.kill('SIGINT');
      tickets.child.kill('SIGTERM');
      tickets.child.kill('SIGINT');
      assert.equal(await tickets.exited, 0, tickets.output().stderr);
      assert.doesNotMatch(tickets.output().stderr, /not running|Uncaught|ERR_/);
    } finally {
      tickets.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
