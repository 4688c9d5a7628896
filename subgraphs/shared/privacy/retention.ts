/**
 * Retention (docs/privacy.md): each data kind is kept for a configurable period, then removed
 * by the store that owns it. A store lists its `RetentionTask`s; `runRetention` counts what is
 * past its period (a dry run stops there and reports) or removes it and counts the removals in
 * `switchboard_retention_removed_total{service,kind}`; `scheduleRetention` runs it periodically.
 *
 * Periods, in days, from the environment (0 keeps the kind forever):
 * `SWITCHBOARD_RETENTION_CALL_EVENTS_DAYS` (90), `SWITCHBOARD_RETENTION_RECORDINGS_DAYS` (180),
 * `SWITCHBOARD_RETENTION_AUDIT_DAYS` (730), `SWITCHBOARD_RETENTION_CONVERSATIONS_DAYS` (365,
 * for the conversations store). `SWITCHBOARD_RETENTION_INTERVAL_SECONDS` (3600; 0: not
 * scheduled) is how often each process runs its tasks (with `SWITCHBOARD_WORKERS`, the leader worker only).
 */
import { runsBackgroundJobs } from '../cluster.js';
import { envValue } from '../env/read.js';
import type { VariableName } from '../env/variables.js';
import { loggerFor } from '../observability/logger.js';
import { privacyMetrics } from '../observability/privacy-metrics.js';

export type RetentionKind = 'CALL_EVENTS' | 'RECORDINGS' | 'AUDIT_ENTRIES' | 'CONVERSATIONS' | 'EXPORTS';

const DEFAULT_DAYS: Record<Exclude<RetentionKind, 'EXPORTS'>, number> = { CALL_EVENTS: 90, RECORDINGS: 180, AUDIT_ENTRIES: 730, CONVERSATIONS: 365 };
const VARIABLE = {
  CALL_EVENTS: 'SWITCHBOARD_RETENTION_CALL_EVENTS_DAYS',
  RECORDINGS: 'SWITCHBOARD_RETENTION_RECORDINGS_DAYS',
  AUDIT_ENTRIES: 'SWITCHBOARD_RETENTION_AUDIT_DAYS',
  CONVERSATIONS: 'SWITCHBOARD_RETENTION_CONVERSATIONS_DAYS',
} as const satisfies Record<Exclude<RetentionKind, 'EXPORTS'>, VariableName>;

/** Retention period in days per kind; 0: kept forever. Exports live until their link expires (not configurable here). */
export type RetentionPeriods = Record<Exclude<RetentionKind, 'EXPORTS'>, number>;

/** Reads the periods (declared in env/variables.ts); throws an `EnvError` naming a wrong variable. */
export function retentionPeriods(env: NodeJS.ProcessEnv = process.env): RetentionPeriods {
  const periods = { ...DEFAULT_DAYS };
  for (const kind of Object.keys(VARIABLE) as (keyof RetentionPeriods)[]) periods[kind] = envValue(VARIABLE[kind], env);
  return periods;
}

/** `SWITCHBOARD_RETENTION_INTERVAL_SECONDS` (3600); 0: retention is not scheduled in this process. */
export function retentionIntervalSeconds(env: NodeJS.ProcessEnv = process.env): number {
  return envValue('SWITCHBOARD_RETENTION_INTERVAL_SECONDS', env);
}

/** One kind of data a store removes once it is older than `cutoff` (an ISO-8601 instant). */
export interface RetentionTask {
  kind: RetentionKind;
  /** Days kept; 0: forever (the task is skipped). For EXPORTS: 0, their own expiry decides. */
  periodDays: number;
  /** What `remove` would remove now. */
  count(cutoff: string): Promise<number>;
  /** Removes it; returns how many records were removed (or references flagged). */
  remove(cutoff: string): Promise<number>;
}

export interface RetentionLine {
  kind: RetentionKind;
  periodDays: number;
  /** Records older than this go; `null` when the kind is kept forever. */
  cutoff: string | null;
  /** Found past the period (dry run) or removed. */
  count: number;
}

export interface RetentionReport {
  service: string;
  dryRun: boolean;
  ranAt: string;
  lines: RetentionLine[];
}

const DAY_MS = 86_400_000;

/** Runs every task once; a dry run only counts. Removals are added to the metric. */
export async function runRetention(service: string, tasks: readonly RetentionTask[], options: { dryRun: boolean; now?: Date }): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const lines: RetentionLine[] = [];
  for (const task of tasks) {
    if (task.periodDays === 0 && task.kind !== 'EXPORTS') {
      lines.push({ kind: task.kind, periodDays: 0, cutoff: null, count: 0 });
      continue;
    }
    const cutoff = new Date(now.getTime() - task.periodDays * DAY_MS).toISOString();
    const count = options.dryRun ? await task.count(cutoff) : await task.remove(cutoff);
    if (!options.dryRun && count > 0) privacyMetrics.retentionRemoved.inc({ service, kind: task.kind }, count);
    lines.push({ kind: task.kind, periodDays: task.periodDays, cutoff, count });
  }
  return { service, dryRun: options.dryRun, ranAt: now.toISOString(), lines };
}

const log = loggerFor('retention');

/**
 * Runs the tasks every `intervalSeconds` (first run after one interval); `close()` stops and
 * waits. Not scheduled in a cluster worker other than the leader (`../cluster.ts`): one process
 * of a service removes what is due, not every worker at once.
 */
export function scheduleRetention(service: string, tasks: readonly RetentionTask[], intervalSeconds: number): { close(): Promise<void> } {
  if (intervalSeconds === 0 || tasks.length === 0 || !runsBackgroundJobs()) return { close: () => Promise.resolve() };
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= runRetention(service, tasks, { dryRun: false })
      .then((report) => {
        const removed = report.lines.filter((line) => line.count > 0);
        if (removed.length > 0) log.info(`${service}: retention removed ${removed.map((line) => `${line.count} ${line.kind}`).join(', ')}`);
      })
      .catch((error: unknown) => log.warn(`${service}: retention failed: ${(error as Error).message}`))
      .finally(() => (running = null));
  }, intervalSeconds * 1000);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
