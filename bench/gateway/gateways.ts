/**
 * Starting the three gateways of the benchmark, each as its own process:
 * A Switchboard's gateway (`gateway/index.ts`, every feature on, called with an admin JWT),
 * B plain `@apollo/gateway` (apollo-peer.ts), C Hive Gateway (bench/peers/hive/server.ts).
 */
import { join } from 'node:path';
import { startNode, waitForHttp, type Child } from './processes.js';
import type { GatewayId } from './report.js';

export interface GatewaySetup {
  root: string;
  dir: string;
  env: NodeJS.ProcessEnv;
  subgraphUrls: Record<'crm' | 'callcenter' | 'tickets', string>;
  /** The supergraph as committed (A applies its own rules to it). */
  supergraphPath: string;
  /** The same with the security purpose stripped and the subgraph URLs written in (B, C). */
  peerSupergraphPath: string;
  /** `Bearer <JWT>` of the benchmark's admin, for A. */
  adminAuthorization: string;
  /** Added to A's environment only (`SWITCHBOARD_WORKERS`, `REDIS_URL` with `--workers`). */
  switchboardEnv?: NodeJS.ProcessEnv;
}

export interface RunningGatewayProcess {
  id: GatewayId;
  child: Child;
  graphqlUrl: string;
  /** What a client sends (A needs credentials; B and C have none to check). */
  headers: Record<string, string>;
  /** Processes serving it: A's `SWITCHBOARD_WORKERS`, 1 for B and C. */
  processes: number;
}

const STARTUP_MS = 120_000;

export async function startGatewayProcess(id: GatewayId, port: number, setup: GatewaySetup, nodeArgs: string[] = [], tag = ''): Promise<RunningGatewayProcess> {
  const log = join(setup.dir, `gateway-${id}${tag}.log`);
  const base = `http://127.0.0.1:${port}`;
  const typename = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' };
  if (id === 'switchboard') {
    const env: NodeJS.ProcessEnv = {
      ...setup.env,
      GATEWAY_PORT: String(port),
      GATEWAY_HOST: '127.0.0.1',
      SWITCHBOARD_SUPERGRAPH: setup.supergraphPath,
      CRM_URL: setup.subgraphUrls.crm,
      CALLCENTER_URL: setup.subgraphUrls.callcenter,
      TICKETS_URL: setup.subgraphUrls.tickets,
      ...setup.switchboardEnv,
    };
    const child = startNode(`gateway A (Switchboard)${tag}`, ['--import', 'tsx', ...nodeArgs, 'gateway/index.ts'], env, log, setup.root);
    await waitForHttp(child, `${base}/health`, STARTUP_MS);
    return { id, child, graphqlUrl: `${base}/graphql`, headers: { authorization: setup.adminAuthorization }, processes: Number(env.SWITCHBOARD_WORKERS ?? 1) };
  }
  const env = { ...setup.env, BENCH_SUPERGRAPH: setup.peerSupergraphPath, BENCH_PORT: String(port) };
  const entry = id === 'apollo' ? 'bench/gateway/apollo-peer.ts' : 'bench/peers/hive/server.ts';
  const name = id === 'apollo' ? 'gateway B (plain Apollo)' : 'gateway C (Hive)';
  const child = startNode(`${name}${tag}`, ['--import', 'tsx', ...nodeArgs, entry], env, log, setup.root);
  await waitForHttp(child, `${base}/graphql`, STARTUP_MS, typename);
  return { id, child, graphqlUrl: `${base}/graphql`, headers: {}, processes: 1 };
}
