/**
 * The one sync runner every connector's incremental sync runs in (RT tickets, HubSpot
 * contacts): it schedules passes (every `intervalMs`, and on demand with `runNow()`), runs one
 * pass at a time, keeps the state in the copy's `sync_cursors` row (`cursor-store.ts`), and
 * exposes freshness and failures:
 *
 * - Prometheus (the process's one registry, `GET /metrics`), labelled `service` and `sync`:
 *   `switchboard_sync_lag_seconds` (now − `syncedThrough`; `+Inf` before the first complete
 *   pass), `switchboard_sync_last_success_timestamp_seconds`, `switchboard_sync_errors_total`
 *   (failed passes), `switchboard_sync_runs_total{outcome}` and `switchboard_sync_records_total`
 *   (records written, re-copies included).
 * - `status()` (served as `GET /health/sync` by every subgraph, `status-route.ts`).
 *
 * A pass (`SyncJob.run`) starts from the persisted cursor and commits each page together with
 * the cursor it advances to (`SyncPass.commit`), so a pass killed at any point resumes from
 * the last committed page. Only a pass that reaches the end moves `syncedThrough` to its own
 * start: every change made before that instant is in the copy.
 */
import type { Kysely, Transaction } from 'kysely';
import { Counter, Gauge } from 'prom-client';
import { runsBackgroundJobs } from '../cluster.js';
import { loggerFor } from '../observability/logger.js';
import { registry } from '../observability/metrics.js';
import type { SyncCursorStore } from './cursor-store.js';
import { assertWithinLimit, compareCopy, type CopyReconciliation, type CopyRecord } from './reconcile.js';

const log = loggerFor('sync');

/** What a pass may do: read its cursor, commit pages, notice that the runner is closing. */
export interface SyncPass {
  /** The cursor the last committed page saved (null: never synced; start from the beginning). */
  readonly cursor: unknown;
  /** Aborted when the runner closes: stop between pages. */
  readonly signal: AbortSignal;
  /**
   * Runs `write` (which writes one page into the copy and returns how many records it wrote)
   * and saves `cursor` in the same transaction.
   */
  commit(write: (trx: Transaction<unknown>) => Promise<number>, cursor: unknown): Promise<void>;
  /**
   * For a store that opens its own transaction: saves `cursor` (and counts `copied` records)
   * inside `trx`, the transaction that wrote the page. Call it last in that transaction.
   */
  saveCursorIn(trx: Transaction<unknown>, cursor: unknown, copied: number): Promise<void>;
}

/** One connector's incremental sync. */
export interface SyncJob {
  /** The sync's name: its `sync_cursors` row and the `sync` label (`rt-tickets`, `hubspot-contacts`). */
  readonly name: string;
  /** The system copied from (`rt`, `hubspot`), for status output. */
  readonly system: string;
  /** One pass from `pass.cursor` to the end of the source's changes. Throws on failure (what was committed stays). */
  run(pass: SyncPass): Promise<void>;
  /**
   * The records created in `[from, to)` (ISO-8601 UTC) as the source system and as the copy
   * hold them, for the copy's reconciliation (`reconcile.ts`). Each side stops listing one
   * record past `COPY_RECONCILIATION_MAX_RECORDS`. Throws as `run` does when the source fails.
   */
  records(from: string, to: string): Promise<{ source: CopyRecord[]; copy: CopyRecord[] }>;
  /** Resolution of the source's change times in milliseconds (RT: 1,000; HubSpot: 1). */
  readonly clockResolutionMs: number;
}

export interface SyncRunnerOptions {
  /** The process part that runs it (`tickets`, `crm`): the `service` label and the health route's filter. */
  service: string;
  job: SyncJob;
  /** The copy's database (where `cursors` lives too). */
  db: Kysely<unknown>;
  cursors: SyncCursorStore;
  /** Milliseconds between scheduled passes; 0: only on demand (`runNow()`). */
  intervalMs: number;
  /** The clock (tests); default `Date.now`. */
  now?: () => number;
}

/** A sync's state as `GET /health/sync` shows it. Times ISO-8601, durations seconds. */
export interface SyncStatus {
  service: string;
  name: string;
  system: string;
  /** Every change in the source before this instant is in the copy; null before the first complete pass. */
  syncedThrough: string | null;
  /** Seconds from `syncedThrough` to now; null before the first complete pass. */
  lagSeconds: number | null;
  lastSuccessAt: string | null;
  /** Failed passes since the copy was made (persisted) and the last failure's message. */
  errors: number;
  lastError: string | null;
  /** Records written since the copy was made. */
  copied: number;
  /** The persisted cursor (the sync's own format). */
  cursor: unknown;
  running: boolean;
  /** Seconds between scheduled passes; 0: on demand only. */
  intervalSeconds: number;
}

/** What one pass did. */
export interface SyncRunResult {
  ok: boolean;
  /** Records written by this pass. */
  copied: number;
  error?: string;
}

const labels = ['service', 'sync'] as const;
/** Every runner started in this process (several subgraphs share one process in tests and `npm start`). */
const runners = new Set<SyncRunner>();

new Gauge({
  name: 'switchboard_sync_lag_seconds',
  help: 'Seconds since the instant up to which the synced copy holds every change of the source system (+Inf before the first complete pass).',
  labelNames: labels,
  registers: [registry],
  // Several cluster workers report the same copy: the freshest view (the leader's) counts.
  aggregator: 'min',
  collect() {
    this.reset();
    for (const runner of runners) this.set(runner.labels, runner.lagSeconds() ?? Number.POSITIVE_INFINITY);
  },
});
new Gauge({
  name: 'switchboard_sync_last_success_timestamp_seconds',
  help: 'Unix time of the last sync pass that reached the end of the changes (0: none yet).',
  labelNames: labels,
  registers: [registry],
  aggregator: 'max',
  collect() {
    this.reset();
    for (const runner of runners) this.set(runner.labels, runner.lastSuccessSeconds());
  },
});
const errorsCounter = new Counter({ name: 'switchboard_sync_errors_total', help: 'Sync passes that failed (the cursor stays at the last committed page).', labelNames: labels, registers: [registry] });
const runsCounter = new Counter({ name: 'switchboard_sync_runs_total', help: 'Sync passes run, by outcome (ok, error).', labelNames: [...labels, 'outcome'] as const, registers: [registry] });
const recordsCounter = new Counter({ name: 'switchboard_sync_records_total', help: 'Records written into the synced copy (a record copied again after a resume counts again).', labelNames: labels, registers: [registry] });

export class SyncRunner {
  readonly labels: { service: string; sync: string };
  private readonly now: () => number;
  private state: { syncedThrough: string | null; lastSuccessAt: string | null } = { syncedThrough: null, lastSuccessAt: null };
  private current: Promise<SyncRunResult> | null = null;
  private queued: Promise<SyncRunResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly abort = new AbortController();
  private closed = false;

  constructor(private readonly options: SyncRunnerOptions) {
    this.labels = { service: options.service, sync: options.job.name };
    this.now = options.now ?? Date.now;
    errorsCounter.inc(this.labels, 0);
    recordsCounter.inc(this.labels, 0);
  }

  get name(): string {
    return this.options.job.name;
  }

  get service(): string {
    return this.options.service;
  }

  /**
   * Loads the persisted state, registers the metrics and the status, and starts the schedule (a
   * first pass now unless `intervalMs` is 0). In a cluster worker other than the leader
   * (`../cluster.ts`) no pass is scheduled (passes of one copy in several processes would
   * race on its cursor): the schedule only re-reads the persisted state, so this worker's
   * metrics follow the leader's passes (`runNow()` still runs a pass here on demand).
   */
  async start(): Promise<void> {
    const state = await this.options.cursors.read(this.name);
    this.state = { syncedThrough: state.syncedThrough, lastSuccessAt: state.lastSuccessAt };
    runners.add(this);
    if (this.options.intervalMs > 0 && !this.closed && !runsBackgroundJobs()) {
      this.timer = setInterval(() => void this.reloadState(), this.options.intervalMs);
      this.timer.unref();
      return;
    }
    if (this.options.intervalMs > 0 && !this.closed) {
      this.timer = setInterval(() => void this.runNow(), this.options.intervalMs);
      // The schedule alone does not keep a process alive.
      this.timer.unref();
      void this.runNow();
    }
  }

  /** Re-reads the persisted state (a follower worker's schedule); a failed read is logged and tried again next time. */
  private async reloadState(): Promise<void> {
    try {
      const state = await this.options.cursors.read(this.name);
      this.state = { syncedThrough: state.syncedThrough, lastSuccessAt: state.lastSuccessAt };
    } catch (error) {
      log.warn({ err: error }, `${this.name}: reading the sync state failed`);
    }
  }

  /** Seconds behind the source (null before the first complete pass). */
  lagSeconds(): number | null {
    if (this.state.syncedThrough === null) return null;
    return Math.max(0, (this.now() - Date.parse(this.state.syncedThrough)) / 1000);
  }

  lastSuccessSeconds(): number {
    return this.state.lastSuccessAt === null ? 0 : Date.parse(this.state.lastSuccessAt) / 1000;
  }

  /** Every change before this instant is in the copy (ISO-8601); null before the first complete pass. */
  get syncedThrough(): string | null {
    return this.state.syncedThrough;
  }

  /**
   * The copy's reconciliation with its source over `[from, to)` (ISO-8601 UTC; records by
   * creation time), as `reconcile.ts` defines it. `syncedThrough` is read from the persisted
   * state before anything is listed (a pass may run in another process), so a change the
   * listing sees after it is pending, never counted as lost. BAD_USER_INPUT beyond
   * `COPY_RECONCILIATION_MAX_RECORDS` records on a side; the source's failure is thrown.
   */
  async reconcile(from: string, to: string): Promise<CopyReconciliation> {
    const { syncedThrough } = await this.options.cursors.read(this.name);
    const { source, copy } = await this.options.job.records(from, to);
    assertWithinLimit(source.length, `the ${this.options.job.system} source`);
    assertWithinLimit(copy.length, 'the copy');
    const step = this.options.job.clockResolutionMs;
    const pendingFrom = syncedThrough === null ? null : new Date(Math.floor(Date.parse(syncedThrough) / step) * step).toISOString();
    return { system: this.options.job.system, sync: this.name, from, to, syncedThrough, ...compareCopy(source, copy, pendingFrom) };
  }

  /**
   * Runs a pass now, or once more right after the pass in progress (however many ask
   * meanwhile, one more pass). Resolves with what the pass did; a failure is counted and
   * resolves `{ ok: false }`, it does not reject.
   */
  runNow(): Promise<SyncRunResult> {
    if (this.closed) return Promise.resolve({ ok: false, copied: 0, error: 'the sync runner is closed' });
    if (!this.current) {
      this.current = this.pass().finally(() => {
        this.current = null;
      });
      return this.current;
    }
    if (!this.queued) {
      this.queued = this.current.then(() => {
        this.queued = null;
        return this.runNow();
      });
    }
    return this.queued;
  }

  private async pass(): Promise<SyncRunResult> {
    const started = new Date(this.now()).toISOString();
    const { job, db, cursors } = this.options;
    let copied = 0;
    try {
      const state = await cursors.read(this.name);
      let cursor = state.cursor;
      await job.run({
        get cursor() {
          return cursor;
        },
        signal: this.abort.signal,
        commit: async (write, next) => {
          await db.transaction().execute(async (trx) => {
            const written = await write(trx);
            await cursors.saveCursor(trx, this.name, next, written);
            copied += written;
          });
          cursor = next;
        },
        saveCursorIn: async (trx, next, written) => {
          await cursors.saveCursor(trx, this.name, next, written);
          // Counted when the caller's transaction commits; a rolled-back page rethrows and fails the pass.
          copied += written;
          cursor = next;
        },
      });
      if (this.abort.signal.aborted) return { ok: false, copied, error: 'stopped: the sync runner closed' };
      const finished = new Date(this.now()).toISOString();
      await cursors.recordSuccess(this.name, started, finished);
      this.state = { syncedThrough: started, lastSuccessAt: finished };
      runsCounter.inc({ ...this.labels, outcome: 'ok' });
      return { ok: true, copied };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errorsCounter.inc(this.labels);
      runsCounter.inc({ ...this.labels, outcome: 'error' });
      log.warn({ sync: this.name, err: message }, 'sync pass failed; the next pass resumes from the last committed page');
      await cursors.recordFailure(this.name, message).catch(() => undefined);
      return { ok: false, copied, error: message };
    } finally {
      recordsCounter.inc(this.labels, copied);
    }
  }

  async status(): Promise<SyncStatus> {
    const state = await this.options.cursors.read(this.name);
    return {
      service: this.service,
      name: this.name,
      system: this.options.job.system,
      syncedThrough: state.syncedThrough,
      lagSeconds: state.syncedThrough === null ? null : Math.max(0, Math.round((this.now() - Date.parse(state.syncedThrough)) / 1000)),
      lastSuccessAt: state.lastSuccessAt,
      errors: state.errors,
      lastError: state.lastError,
      copied: state.copied,
      cursor: state.cursor,
      running: this.current !== null,
      intervalSeconds: this.options.intervalMs / 1000,
    };
  }

  /** Stops the schedule, asks the pass in progress to stop after its page, waits for it, and unregisters. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.abort.abort();
    await this.current?.catch(() => undefined);
    runners.delete(this);
  }
}

/** The runners of `service` running in this process (for `GET /health/sync`). */
export function runnersOf(service: string): SyncRunner[] {
  return [...runners].filter((runner) => runner.service === service);
}
