/**
 * The benchmark's figures: per gateway, workload and connection count, summed over the
 * rounds; the markdown table with the Switchboard/peer ratios; the JSON and markdown files
 * in bench/results/.
 */
import type { LoadResult } from './load.js';
import { WORKLOAD_TITLES, type Workload } from './workloads.js';

export type GatewayId = 'switchboard' | 'apollo' | 'hive';

export const GATEWAY_NAMES: Record<GatewayId, string> = {
  switchboard: 'A Switchboard',
  apollo: 'B plain Apollo',
  hive: 'C Hive',
};

export interface Cell {
  gateway: GatewayId;
  workload: Workload;
  connections: number;
  round: number;
  load: LoadResult;
  /** Gateway CPU (user + system) during the measured window. */
  cpuMs: number;
  /** The kernel's part of `cpuMs` (system time: socket reads and writes above all); absent in results written before it was recorded. */
  kernelCpuMs?: number;
  /** Requests the three subgraphs received during the measured window. */
  subgraphRequests: number;
  /** The gateway process's peak RSS so far (VmHWM), after this cell. */
  peakRssMb: number;
  /** CPU of the three subgraph processes during the measured window. */
  subgraphCpuMs: number;
  /** How busy the whole machine was during the measured window (100: every core busy). */
  machineBusyPercent: number;
  /** CPU of the gateway and the three subgraphs together (every worker and primary, if clustered) during the measured window. */
  systemCpuMs: number;
  /** Processes the gateway served with (A: `--workers`; B, C: 1). */
  gatewayProcesses: number;
}

export interface Figures {
  gateway: GatewayId;
  workload: Workload;
  connections: number;
  rounds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  cpuMsPerRequest: number;
  /** The kernel's part of `cpuMsPerRequest` (NaN when not recorded). */
  kernelCpuMsPerRequest: number;
  subgraphRequestsPerRequest: number;
  peakRssMb: number;
  subgraphCpuMsPerRequest: number;
  machineBusyPercent: number;
  /** Gateway + subgraph CPU (ms) per response. */
  systemCpuMsPerRequest: number;
  /** Cores the gateway and subgraph processes used: their CPU seconds per second of the measured window. */
  coresUsed: number;
  /** req/s ÷ `coresUsed`: responses per CPU-second of gateway and subgraphs (= 1000 ÷ `systemCpuMsPerRequest`), comparable with per-core figures of other routers. */
  requestsPerSecondPerCore: number;
  /** req/s ÷ the gateway's processes. */
  requestsPerSecondPerGatewayProcess: number;
  gatewayProcesses: number;
  non2xx: number;
  socketErrors: number;
  graphqlErrorResponses: number;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export function summarise(cells: Cell[]): Figures[] {
  const groups = new Map<string, Cell[]>();
  for (const cell of cells) {
    const key = `${cell.workload}|${cell.connections}|${cell.gateway}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  return [...groups.values()].map((group) => {
    const { gateway, workload, connections } = group[0]!;
    const requests = group.reduce((n, c) => n + c.load.requests, 0);
    const requestsPerSecond = mean(group.map((c) => c.load.requestsPerSecond));
    const systemCpuMs = group.reduce((n, c) => n + c.systemCpuMs, 0);
    // The measured windows' length: each cell's responses at its rate.
    const windowMs = group.reduce((n, c) => n + (1000 * c.load.requests) / Math.max(1e-9, c.load.requestsPerSecond), 0);
    const coresUsed = systemCpuMs / Math.max(1, windowMs);
    return {
      gateway,
      workload,
      connections,
      rounds: group.length,
      requests,
      requestsPerSecond,
      p50: mean(group.map((c) => c.load.latencyMs.p50)),
      p95: mean(group.map((c) => c.load.latencyMs.p95)),
      p99: mean(group.map((c) => c.load.latencyMs.p99)),
      cpuMsPerRequest: group.reduce((n, c) => n + c.cpuMs, 0) / Math.max(1, requests),
      kernelCpuMsPerRequest: group.every((c) => c.kernelCpuMs !== undefined) ? group.reduce((n, c) => n + c.kernelCpuMs!, 0) / Math.max(1, requests) : Number.NaN,
      subgraphRequestsPerRequest: group.reduce((n, c) => n + c.subgraphRequests, 0) / Math.max(1, requests),
      peakRssMb: Math.max(...group.map((c) => c.peakRssMb)),
      subgraphCpuMsPerRequest: group.reduce((n, c) => n + c.subgraphCpuMs, 0) / Math.max(1, requests),
      machineBusyPercent: mean(group.map((c) => c.machineBusyPercent)),
      systemCpuMsPerRequest: systemCpuMs / Math.max(1, requests),
      coresUsed,
      requestsPerSecondPerCore: coresUsed > 0 ? requestsPerSecond / coresUsed : Number.NaN,
      requestsPerSecondPerGatewayProcess: requestsPerSecond / group[0]!.gatewayProcesses,
      gatewayProcesses: group[0]!.gatewayProcesses,
      non2xx: group.reduce((n, c) => n + c.load.non2xx, 0),
      socketErrors: group.reduce((n, c) => n + c.load.socketErrors + c.load.timeouts, 0),
      graphqlErrorResponses: group.reduce((n, c) => n + c.load.graphqlErrorResponses, 0),
    };
  });
}

const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}` : '–');
/** The gateway's CPU per request outside the kernel (its own code, Node, V8). */
const userCpu = (row: Figures) => row.cpuMsPerRequest - row.kernelCpuMsPerRequest;

export function markdownTable(figures: Figures[]): string {
  const lines = [
    '| workload | conns | gateway | req/s | req/s per gateway process | cores used | req/s per core | p50 ms | p95 ms | p99 ms | gateway CPU ms/req | of it kernel | subgraph req/req | peak RSS MB | subgraph CPU ms/req | system CPU ms/req | machine busy % | non-2xx / errors in body |',
    '|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const row of figures) {
    lines.push(
      `| ${row.workload} | ${row.connections} | ${GATEWAY_NAMES[row.gateway]} | ${f(row.requestsPerSecond, 0)} | ${f(row.requestsPerSecondPerGatewayProcess, 0)} (${row.gatewayProcesses}) | ${f(row.coresUsed, 2)} | ${f(row.requestsPerSecondPerCore, 0)} | ${f(row.p50)} | ${f(row.p95)} | ${f(row.p99)} | ${f(row.cpuMsPerRequest, 2)} | ${f(row.kernelCpuMsPerRequest, 2)} | ${f(row.subgraphRequestsPerRequest, 2)} | ${f(row.peakRssMb, 0)} | ${f(row.subgraphCpuMsPerRequest, 2)} | ${f(row.systemCpuMsPerRequest, 2)} | ${f(row.machineBusyPercent, 0)} | ${row.non2xx + row.socketErrors} / ${row.graphqlErrorResponses} |`,
    );
  }
  lines.push('', '**Switchboard / peer** (CPU per request and RSS: lower is better; req/s: higher is better)', '');
  lines.push('| workload | conns | CPU/req vs Apollo | CPU/req vs Hive | user CPU/req vs Apollo | user CPU/req vs Hive | system CPU/req vs Apollo | system CPU/req vs Hive | req/s vs Apollo | req/s vs Hive | req/s per core vs Apollo | req/s per core vs Hive | p99 vs Apollo | p99 vs Hive | peak RSS vs Apollo | peak RSS vs Hive |');
  lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  const keys = [...new Set(figures.map((row) => `${row.workload}|${row.connections}`))];
  for (const key of keys) {
    const find = (gateway: GatewayId) => figures.find((row) => `${row.workload}|${row.connections}` === key && row.gateway === gateway);
    const a = find('switchboard');
    const b = find('apollo');
    const c = find('hive');
    if (!a) continue;
    const cmp = (peer: Figures | undefined, pick: (row: Figures) => number) => (peer ? ratio(pick(a), pick(peer)) : '–');
    lines.push(
      `| ${a.workload} | ${a.connections} | ${cmp(b, (r) => r.cpuMsPerRequest)} | ${cmp(c, (r) => r.cpuMsPerRequest)} | ${cmp(b, userCpu)} | ${cmp(c, userCpu)} | ${cmp(b, (r) => r.systemCpuMsPerRequest)} | ${cmp(c, (r) => r.systemCpuMsPerRequest)} | ${cmp(b, (r) => r.requestsPerSecond)} | ${cmp(c, (r) => r.requestsPerSecond)} | ${cmp(b, (r) => r.requestsPerSecondPerCore)} | ${cmp(c, (r) => r.requestsPerSecondPerCore)} | ${cmp(b, (r) => r.p99)} | ${cmp(c, (r) => r.p99)} | ${cmp(b, (r) => r.peakRssMb)} | ${cmp(c, (r) => r.peakRssMb)} |`,
    );
  }
  lines.push('', 'Workloads: ' + Object.entries(WORKLOAD_TITLES).map(([name, title]) => `\`${name}\` ${title}`).join('; ') + '.');
  return lines.join('\n');
}
