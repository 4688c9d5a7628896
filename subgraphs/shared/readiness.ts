/**
 * Readiness (`GET /health/ready`), apart from liveness (`GET /health`): whether this process
 * should be sent traffic now. Ready when every check passes and the server is not shutting
 * down; otherwise 503, so a load balancer or orchestrator stops routing to it (a process
 * that is merely not ready is not restarted: liveness still answers 200).
 *
 * Answer: `{ "status": "ready" | "not ready" | "draining", "checks": { "<name>": "ok" | "<reason>" } }`.
 */
import { publicRoute, sendJson, type RouteSpec } from './http.js';

/** One thing the process needs (its store, the supergraph): resolves when usable, throws or rejects with the reason when not. */
export type ReadinessCheck = () => void | Promise<void>;

export interface ReadinessOptions {
  checks: Record<string, ReadinessCheck>;
  /** True from the moment the server starts shutting down (drain): not ready whatever the checks say. */
  draining(): boolean;
  /** How long one check may take before it counts as failed (ms); default 2000. */
  timeoutMs?: number;
}

/** Runs `check`, bounded by `timeoutMs`: `ok` or the reason it failed. */
async function run(check: ReadinessCheck, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs)));
  const result = (async () => {
    try {
      await check();
      return 'ok';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  })();
  try {
    return await Promise.race([result, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /health/ready` (public, like `GET /health`): 200 when ready, else 503 with what is missing. */
export function readinessRoute(options: ReadinessOptions): RouteSpec {
  const timeoutMs = options.timeoutMs ?? 2000;
  return publicRoute(async (_req, res) => {
    if (options.draining()) return sendJson(res, 503, { status: 'draining', checks: {} });
    const names = Object.keys(options.checks);
    const results = await Promise.all(names.map((name) => run(options.checks[name]!, timeoutMs)));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const ready = results.every((result) => result === 'ok') && !options.draining();
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : options.draining() ? 'draining' : 'not ready', checks });
  });
}
