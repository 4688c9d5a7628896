/**
 * Several processes per service (`SWITCHBOARD_WORKERS`, docs/operations.md "Several processes
 * per service"): the gateway and each subgraph may run as a `node:cluster` primary and N
 * workers sharing its port (the primary accepts connections and hands them round-robin to
 * the workers). With N = 1, the default, nothing here forks: the process serves by itself.
 *
 * The primary serves nothing itself. It:
 * - refuses to start (one fatal line, exit code 1) when the service keeps state several
 *   processes must share and `REDIS_URL` is not set (`sharedStateReason`);
 * - runs `prepare` once (schema migrations, seeding the demo data) before any worker starts,
 *   so workers never race on them;
 * - forks the workers, the first one as the `leader` (it alone runs the background jobs that
 *   are not safe in several processes at once: `runsBackgroundJobs()`), the others as
 *   `follower`s; a worker that dies without being asked is replaced (with a log line; a
 *   dead leader's replacement is the leader), and more than `MAX_RESTARTS` unexpected exits
 *   within `RESTART_WINDOW_MS` stop everything with a fatal line (a crash loop);
 * - answers the workers' requests for the metrics of all workers (`GET /metrics` on any
 *   worker: prom-client's `AggregatorRegistry` sums counters and histograms of every worker);
 * - on SIGINT or SIGTERM, forwards the signal to every worker and waits for them to drain
 *   (`SWITCHBOARD_SHUTDOWN_DRAIN_MS`, plus a margin; then SIGKILL), then exits 0 (1 when a
 *   worker failed to stop cleanly).
 *
 * A worker learns its role from `SWITCHBOARD_CLUSTER_ROLE`, which the primary sets when it forks
 * (it is not a setting). Every HTTP response of a worker carries `x-switchboard-worker: <pid>`.
 */
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import { loggerFor } from './observability/logger.js';
import { registry, useClusterMetrics } from './observability/metrics.js';

const log = loggerFor('cluster');

/**
 * What this process is: `single` (no cluster: N = 1, tests, `npm start`'s children by
 * default), `primary` (supervises workers, serves nothing), or a worker: `leader` (runs the
 * one-process-only background jobs) or `follower`.
 */
export type ClusterRole = 'single' | 'primary' | 'leader' | 'follower';

/** The response header naming the worker process (its pid) that answered, set only in cluster workers. */
export const WORKER_HEADER = 'x-switchboard-worker';

/** Unexpected worker exits tolerated within `RESTART_WINDOW_MS` before the primary gives up (a crash loop). */
export const MAX_RESTARTS = 5;
/** The window (ms) `MAX_RESTARTS` counts over. */
export const RESTART_WINDOW_MS = 60_000;

/** Extra time (ms) past the drain time the primary waits for its workers to exit before it kills them. */
const STOP_MARGIN_MS = 5_000;

const ROLE_VARIABLE = 'SWITCHBOARD_CLUSTER_ROLE';
const METRICS_REQUEST = 'switchboard:metrics-request';
const METRICS_RESPONSE = 'switchboard:metrics-response';
/** How long a worker waits for the primary's aggregated metrics (prom-client's own per-worker timeout is 5 s). */
const METRICS_TIMEOUT_MS = 7_000;

let primary = false;

/** This process's role (see `ClusterRole`). */
export function clusterRole(): ClusterRole {
  if (primary) return 'primary';
  if (!cluster.isWorker) return 'single';
  return process.env[ROLE_VARIABLE] === 'leader' ? 'leader' : 'follower';
}

/**
 * Whether this process runs the background jobs that must run in one process of a service
 * only (retention, resuming erasures, connector sync passes): true for a single process and
 * for the cluster's leader, false for followers and the primary.
 */
export function runsBackgroundJobs(): boolean {
  const role = clusterRole();
  return role === 'single' || role === 'leader';
}

/** The value of `WORKER_HEADER` for this process: its pid in a cluster worker, `null` otherwise. */
export function workerHeaderValue(): string | null {
  return cluster.isWorker ? String(process.pid) : null;
}

/** What `clusterOrServe` needs to know about the service. */
export interface ClusterPlan {
  /** The service's name in log lines (`gateway`, `crm`, …). */
  service: string;
  /** Worker processes (`SWITCHBOARD_WORKERS`, already validated); 1: no cluster. */
  workers: number;
  /** `REDIS_URL`, or null when unset. */
  redisUrl: string | null;
  /**
   * Why this service cannot run several workers without Redis (the process-local state they
   * would have to share), or null when it can. Shown in the fatal line.
   */
  sharedStateReason: string | null;
  /** Run once by the primary before forking: open the store (migrations), seed, close. Throwing stops the start. */
  prepare: () => Promise<void>;
  /** How long a worker may take to drain on a stop (ms, `SWITCHBOARD_SHUTDOWN_DRAIN_MS`). */
  drainMs: number;
}

/**
 * What an entry point does first. Resolves with:
 * - `'serve'`: this process serves (N = 1, or this is a worker): go on as a single process;
 * - `'primary'`: this process forked and now supervises the workers: do nothing more;
 * - `'refused'`: the configuration does not allow N workers (fatal line logged, exit code 1).
 * A failing `prepare` rejects (the caller's start fails as it would without a cluster).
 */
export async function clusterOrServe(plan: ClusterPlan): Promise<'serve' | 'primary' | 'refused'> {
  if (cluster.isWorker) {
    shareWorkerMetrics();
    return 'serve';
  }
  if (plan.workers <= 1) return 'serve';
  if (plan.sharedStateReason && !plan.redisUrl) {
    log.fatal(
      `${plan.service}: SWITCHBOARD_WORKERS=${plan.workers} needs REDIS_URL: ${plan.sharedStateReason}. Set REDIS_URL, or SWITCHBOARD_WORKERS=1 (see docs/operations.md)`,
    );
    process.exitCode = 1;
    return 'refused';
  }
  primary = true;
  await plan.prepare();
  supervise(plan);
  return 'primary';
}

/** Worker side of the metrics: answer prom-client's per-worker requests, and ask the primary for everyone's. */
function shareWorkerMetrics(): void {
  // Constructing one registers prom-client's listener for the primary's per-worker requests.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  let next = 0;
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  process.on('message', (message: { type?: unknown; id?: number; text?: string; error?: string }) => {
    if (message?.type !== METRICS_RESPONSE || typeof message.id !== 'number') return;
    const request = waiting.get(message.id);
    if (!request) return;
    waiting.delete(message.id);
    clearTimeout(request.timer);
    if (typeof message.text === 'string') request.resolve(message.text);
    else request.reject(new Error(`the cluster primary could not collect the workers' metrics: ${message.error ?? 'no answer'}`));
  });
  useClusterMetrics(
    () =>
      new Promise<string>((resolve, reject) => {
        const id = next++;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`the cluster primary did not answer with the workers' metrics within ${METRICS_TIMEOUT_MS} ms`));
        }, METRICS_TIMEOUT_MS);
        waiting.set(id, { resolve, reject, timer });
        process.send?.({ type: METRICS_REQUEST, id });
      }),
  );
}

/** The primary's loop: fork, replace, aggregate metrics, stop. */
function supervise(plan: ClusterPlan): void {
  const aggregator = new AggregatorRegistry();
  const roles = new Map<number, 'leader' | 'follower'>();
  const exits: number[] = [];
  let stopping = false;
  let failedStop = false;

  const fork = (role: 'leader' | 'follower'): Worker => {
    const worker = cluster.fork({ [ROLE_VARIABLE]: role });
    roles.set(worker.id, role);
    worker.on('message', (message: { type?: unknown; id?: unknown }) => {
      if (message?.type !== METRICS_REQUEST) return;
      aggregator.clusterMetrics().then(
        (text) => worker.isConnected() && worker.send({ type: METRICS_RESPONSE, id: message.id, text }),
        (error: Error) => worker.isConnected() && worker.send({ type: METRICS_RESPONSE, id: message.id, error: error.message }),
      );
    });
    return worker;
  };

  const stopAll = (signal: NodeJS.Signals, code: number) => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
    if (alive.length === 0) process.exit(code);
    for (const worker of alive) worker.process.kill(signal);
    const killer = setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) {
        if (worker && !worker.isDead()) {
          log.error(`${plan.service}: worker ${worker.process.pid} did not stop within ${plan.drainMs + STOP_MARGIN_MS} ms; killing it`);
          failedStop = true;
          worker.process.kill('SIGKILL');
        }
      }
    }, plan.drainMs + STOP_MARGIN_MS);
    killer.unref();
    const exitWhenAllGone = () => {
      if (Object.values(cluster.workers ?? {}).every((worker) => worker === undefined || worker.isDead())) process.exit(failedStop ? 1 : code);
    };
    cluster.on('exit', exitWhenAllGone);
  };

  cluster.on('exit', (worker, code, signal) => {
    const role = roles.get(worker.id) ?? 'follower';
    roles.delete(worker.id);
    if (stopping) {
      if (code !== 0 && signal !== 'SIGKILL') failedStop = true;
      return;
    }
    const now = Date.now();
    exits.push(now);
    while (exits.length > 0 && exits[0]! < now - RESTART_WINDOW_MS) exits.shift();
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    if (exits.length > MAX_RESTARTS) {
      log.fatal(
        `${plan.service}: workers died ${exits.length} times within ${RESTART_WINDOW_MS / 1000} s (last: pid ${worker.process.pid}, ${how}); giving up and stopping the others (see the workers' log lines above)`,
      );
      stopAll('SIGTERM', 1);
      return;
    }
    log.error(`${plan.service}: worker ${worker.process.pid} (${role}) died unexpectedly (${how}); forking a replacement`);
    fork(role);
  });

  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      log.info(`${plan.service}: ${signal} received, already stopping the workers`);
      return;
    }
    signalled = true;
    log.info(`${plan.service}: ${signal} received, stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
    stopAll(signal, 0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  log.info(`${plan.service}: primary ${process.pid} forking ${plan.workers} workers`);
  for (let i = 0; i < plan.workers; i += 1) fork(i === 0 ? 'leader' : 'follower');
}
