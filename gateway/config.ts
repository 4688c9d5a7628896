/**
 * Gateway configuration from environment variables (documented in the README).
 */
import { fileURLToPath } from 'node:url';

export interface GatewayConfig {
  port: number;
  host: string;
  /** The composed supergraph; reloaded when the file changes. */
  supergraphPath: string;
  /** Subgraph URL overrides by subgraph name; others use the URL in the supergraph. */
  subgraphUrls: Record<string, string>;
  /** How long one subgraph request may take before its fields are given up as unavailable. */
  subgraphTimeoutMs: number;
  /** Schema introspection; off in production unless enabled. */
  introspection: boolean;
  production: boolean;
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}.`);
  return parsed;
}

export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const production = env.NODE_ENV === 'production';
  const subgraphUrls: Record<string, string> = {};
  for (const name of ['crm', 'callcenter', 'tickets']) {
    const url = env[`${name.toUpperCase()}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  return {
    port: positiveInteger(env.GATEWAY_PORT, 4000, 'GATEWAY_PORT'),
    host: env.GATEWAY_HOST ?? '127.0.0.1',
    supergraphPath: env.SWITCHBOARD_SUPERGRAPH ?? fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url)),
    subgraphUrls,
    subgraphTimeoutMs: positiveInteger(env.SWITCHBOARD_SUBGRAPH_TIMEOUT_MS, 3000, 'SWITCHBOARD_SUBGRAPH_TIMEOUT_MS'),
    introspection: env.SWITCHBOARD_INTROSPECTION ? env.SWITCHBOARD_INTROSPECTION === 'true' : !production,
    production,
  };
}
