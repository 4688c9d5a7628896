/**
 * The load process of the gateway benchmark: `node --import tsx bench/gateway/load.ts <job.json>`
 * drives one gateway with autocannon (installed in bench/peers/load) for a fixed time at a
 * fixed number of connections, every request body from the workload's generator, and prints
 * one JSON line: completed requests, requests/s, exact latency percentiles (every response
 * time is kept), non-2xx responses, socket errors and responses carrying GraphQL errors.
 * Runs in its own process so the gateway's CPU time is the gateway's alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { bodySource, type BenchInputs, type BodyWithTicket, type CycledStatus, type TicketStates, type Workload } from './workloads.js';

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  workload: Workload;
  connections: number;
  durationSeconds: number;
  inputsFile: string;
  /** Ticket statuses across load processes (the mutation mix). */
  ticketStateFile: string;
  /** Where the walk through the inputs starts. */
  start: number;
  keyPrefix: string;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  /** 2xx responses whose body carries `errors`. */
  graphqlErrorResponses: number;
}

interface AutocannonRequest {
  setupRequest?(request: Record<string, unknown>, context: Record<string, unknown>): Record<string, unknown>;
  onResponse?(status: number, body: string, context: Record<string, unknown>): void;
}

interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
}

type Autocannon = (
  options: Record<string, unknown> & { requests: AutocannonRequest[] },
  done: (error: Error | null, result: { errors: number; timeouts: number; non2xx: number; duration: number }) => void,
) => AutocannonInstance;

const requireFromLoad = createRequire(new URL('../peers/load/package.json', import.meta.url));

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const autocannon = requireFromLoad('autocannon') as Autocannon;
  const inputs = JSON.parse(readFileSync(job.inputsFile, 'utf8')) as BenchInputs;
  const tickets: TicketStates = existsSync(job.ticketStateFile) ? (JSON.parse(readFileSync(job.ticketStateFile, 'utf8')) as TicketStates) : {};
  const next = bodySource(job.workload, inputs, { start: job.start, keyPrefix: job.keyPrefix, tickets });
  const latencies: number[] = [];
  let graphqlErrorResponses = 0;
  const request: AutocannonRequest = {
    setupRequest(req, context) {
      const body: BodyWithTicket = next();
      context.ticketId = body.ticketId;
      if (body.ticketId) tickets[body.ticketId] = 'UNKNOWN'; // until its answer says otherwise
      return { ...req, body: JSON.stringify({ operationName: body.operationName, query: body.query, variables: body.variables }) };
    },
    onResponse(status, body, context) {
      const hasErrors = body.includes('"errors"');
      if (hasErrors && status >= 200 && status < 300) graphqlErrorResponses += 1;
      const ticketId = context.ticketId as string | undefined;
      if (ticketId && !hasErrors) {
        const moved = (JSON.parse(body) as { data?: { changeTicketStatus?: { status: CycledStatus } } }).data?.changeTicketStatus?.status;
        if (moved) tickets[ticketId] = moved;
      }
    },
  };
  const started = performance.now();
  const result = await new Promise<{ errors: number; timeouts: number; non2xx: number }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...job.headers },
        connections: job.connections,
        duration: job.durationSeconds,
        timeout: 10,
        requests: [request],
      },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const seconds = (performance.now() - started) / 1000;
  if (job.workload === 'mutations') writeFileSync(job.ticketStateFile, JSON.stringify(tickets));
  const sorted = Float64Array.from(latencies).sort();
  const sum = latencies.reduce((total, value) => total + value, 0);
  return {
    requests: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / job.durationSeconds,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      mean: latencies.length > 0 ? sum / latencies.length : 0,
      max: sorted.length > 0 ? sorted[sorted.length - 1]! : 0,
    },
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    graphqlErrorResponses,
  };
}

const jobFile = process.argv[2];
if (jobFile && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as LoadJob;
  const result = await runLoad(job);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
