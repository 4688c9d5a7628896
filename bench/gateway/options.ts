/** The command line of `npm run bench` (see bench/README.md). `parseOptions` throws an Error naming a wrong option. */
import { parseArgs } from 'node:util';
import type { GatewayId } from './report.js';
import { WORKLOADS, type Workload } from './workloads.js';

export interface BenchOptions {
  customers: number;
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
  connections: number[];
  workloads: Workload[];
  gateways: GatewayId[];
  /** Also profile each gateway (`--cpu-prof`) under the varied customer view at 50 connections. */
  profile: boolean;
  /** Only the profiles, no table. */
  profileOnly: boolean;
  profileSeconds: number;
  /** Keep the temporary directory (data, logs) after the run. */
  keep: boolean;
  /** Processes of gateway A and of each subgraph (`SWITCHBOARD_WORKERS`); B and C stay single processes. */
  workers: number;
  /** The Redis clustered subgraphs share their pub/sub through (needed when `workers` > 1). */
  redisUrl: string;
}

export const USAGE = `Usage: npm run bench -- [options]

Seeds a data set, starts the three subgraphs and three gateways (A Switchboard, B plain
@apollo/gateway, C Hive Gateway) as separate processes, checks that they answer alike, then
loads them in turns (A, B, C, A, B, C) from a separate autocannon process and prints the table.

  --quick               5,000 customers, 1 round, 2 s warm-up, 5 s per cell (about 3 minutes)
  --customers N         customers to seed (default 20000)
  --duration S          measured seconds per cell (default 10)
  --warmup S            warm-up seconds before each cell, not measured (default 3)
  --rounds R            rounds of A, B, C per workload and connection count (default 2)
  --connections 10,50   connection counts (default 10,50)
  --workloads a,b       among ${WORKLOADS.join(', ')} (default all)
  --gateways a,b        among switchboard, apollo, hive (default all)
  --profile             afterwards, CPU-profile each gateway under view-varied at 50 connections
  --profile-only        only the profiles
  --profile-seconds S   profiled seconds (default 15)
  --workers N           processes of gateway A and of each subgraph (SWITCHBOARD_WORKERS, node:cluster;
                        default 1); B and C stay single processes. Above 1 needs Redis (--redis-url)
  --redis-url URL       Redis for the clustered subgraphs' pub/sub (default $REDIS_URL or redis://127.0.0.1:6379)
  --keep                keep the temporary directory (data, logs)
  --help                this text`;

function list<T extends string>(value: string, allowed: readonly T[], name: string): T[] {
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`--${name}: unknown "${item}" (one of ${allowed.join(', ')})`);
  if (items.length === 0) throw new Error(`--${name} must name at least one`);
  return items as T[];
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`);
  return parsed;
}

export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      customers: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      workloads: { type: 'string' },
      gateways: { type: 'string' },
      profile: { type: 'boolean', default: false },
      'profile-only': { type: 'boolean', default: false },
      'profile-seconds': { type: 'string' },
      keep: { type: 'boolean', default: false },
      workers: { type: 'string' },
      'redis-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick === true;
  const workers = positive(values.workers, 1, 'workers');
  if (!Number.isInteger(workers)) throw new Error(`--workers must be a whole number, got "${values.workers}"`);
  // SIGUSR2 (profile-on-signal.ts) would reach the cluster primary only, not the workers that serve.
  if (workers > 1 && (values.profile === true || values['profile-only'] === true)) throw new Error('--profile profiles one gateway process: use it with --workers 1');
  return {
    customers: Math.round(positive(values.customers, quick ? 5000 : 20_000, 'customers')),
    warmupSeconds: positive(values.warmup, quick ? 2 : 3, 'warmup'),
    durationSeconds: positive(values.duration, quick ? 5 : 10, 'duration'),
    rounds: Math.round(positive(values.rounds, quick ? 1 : 2, 'rounds')),
    connections: (values.connections ?? '10,50').split(',').map((c) => Math.round(positive(c.trim(), 10, 'connections'))),
    workloads: values.workloads ? list(values.workloads, WORKLOADS, 'workloads') : [...WORKLOADS],
    gateways: values.gateways ? list(values.gateways, ['switchboard', 'apollo', 'hive'] as const, 'gateways') : ['switchboard', 'apollo', 'hive'],
    profile: values.profile === true || values['profile-only'] === true,
    profileOnly: values['profile-only'] === true,
    profileSeconds: positive(values['profile-seconds'], 15, 'profile-seconds'),
    keep: values.keep === true,
    workers,
    redisUrl: values['redis-url'] ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}
