/**
 * Configuration of one subgraph process, from environment variables (documented in the
 * README): port, host, where its source system lives, and the demo seed size.
 */
import { resolve } from 'node:path';
import type { DatabaseConfig } from './database.js';
import type { SubgraphName } from './subgraph-server.js';

export const DEFAULT_PORTS: Record<SubgraphName, number> = { crm: 4001, callcenter: 4002, tickets: 4003 };

export interface SubgraphConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Customers to seed into an empty embedded store on first start (0: none). */
  seedCustomers: number;
}

function envName(name: SubgraphName, key: string): string {
  return `${name.toUpperCase()}_${key}`;
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SWITCHBOARD_DATA_DIR ?? 'data');
}

export function databaseConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env[envName(name, 'DATABASE_URL')];
  if (url) return { driver: 'postgres', url, schema: name };
  return { driver: 'sqlite', file: resolve(dataDir(env), `${name}.sqlite`) };
}

export function subgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const port = Number(env[envName(name, 'PORT')] ?? DEFAULT_PORTS[name]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${envName(name, 'PORT')} must be a port number.`);
  const seedCustomers = Number(env.SWITCHBOARD_SEED_CUSTOMERS ?? 1000);
  if (!Number.isInteger(seedCustomers) || seedCustomers < 0) throw new Error('SWITCHBOARD_SEED_CUSTOMERS must be a whole number.');
  return { port, host: env[envName(name, 'HOST')] ?? '127.0.0.1', database: databaseConfig(name, env), seedCustomers };
}
