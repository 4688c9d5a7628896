/**
 * A real Request Tracker 5 for a test file: `startRt()` prepares a throw-away SQLite-backed
 * instance (`setup-rt.sh`: queue "Switchboard", its custom fields, a root auth token) and runs
 * RT's standalone server (`rt-server`, Plack) on a free port; `close()` stops it and deletes
 * the directory. RT comes from the Debian packages request-tracker5, rt5-db-sqlite and
 * rt5-standalone (`.ci/run` installs them); without them `RT_SKIP_REASON` says why tests skip.
 * The first start on a machine builds a template database (about 25 s); later ones copy it.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const RT_SERVER = '/usr/share/request-tracker5/libexec/rt-server';
const SETUP = join(here, 'setup-rt.sh');
/** The mapping file that fits the instance `startRt` prepares. */
export const RT_TEST_MAPPING_FILE = join(here, 'mapping.json');
const READY_TIMEOUT_MS = 120_000;

/** Why RT tests skip on this machine, or null when RT is installed. */
export const RT_SKIP_REASON: string | null = existsSync(RT_SERVER) && existsSync('/usr/sbin/rt-setup-database-5')
  ? null
  : 'Request Tracker 5 is not installed (Debian: apt-get install request-tracker5 rt5-db-sqlite rt5-standalone; .ci/run installs them)';

export interface RunningRt {
  /** Base URL, e.g. `http://127.0.0.1:40123` (RT_URL). */
  url: string;
  /** Auth token of RT's root user (RT_TOKEN). */
  token: string;
  /** Environment that points the tickets subgraph at this RT. */
  env: Record<string, string>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, token: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`rt-server exited with ${child.exitCode}: ${log()}`);
    try {
      const response = await fetch(`${url}/REST/2.0/queue/Switchboard`, { headers: { authorization: `token ${token}` }, signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`RT did not answer at ${url} within ${READY_TIMEOUT_MS} ms: ${log()}`);
}

/** Prepares and starts RT; rejects with RT's own output when it does not come up. */
export async function startRt(): Promise<RunningRt> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-rt-'));
  const port = await freePort();
  const { stdout } = await promisify(execFile)(SETUP, [dir, String(port)], { timeout: READY_TIMEOUT_MS });
  const token = stdout.trim().split('\n').pop() ?? '';
  const env = { ...process.env, RT_SITE_CONFIG: join(dir, 'RT_SiteConfig.pm'), RT_SITE_CONFIG_DIR: join(dir, 'site.d') };
  // Its own process group, so close() stops the server and every worker it forked.
  const child = spawn(RT_SERVER, ['--port', String(port)], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(url, token, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    token,
    env: { TICKETS_SOURCE: 'rt', RT_URL: url, RT_TOKEN: token, RT_MAPPING_FILE: RT_TEST_MAPPING_FILE },
    close: stop,
  };
}
