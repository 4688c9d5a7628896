/**
 * Throw-away databases for the subgraph tests: a SQLite file in a temporary directory, or
 * a fresh schema in the test PostgreSQL (set `SWITCHBOARD_TEST_POSTGRES_URL` to point at
 * another server). Each comes with a `cleanup()` that removes it again.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { DatabaseConfig } from '../../subgraphs/shared/database.js';

export const POSTGRES_URL = process.env.SWITCHBOARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The message PostgreSQL suites skip with when `postgresReachable()` is false. */
export const POSTGRES_SKIP_REASON = `PostgreSQL not reachable at ${POSTGRES_URL}`;

const CONNECT_TIMEOUT_MS = 2000;

/** A database to run a test against, and how to remove it afterwards. */
export interface TempDatabase {
  config: DatabaseConfig;
  cleanup(): Promise<void>;
}

let reachable: Promise<boolean> | undefined;

/** Whether the test PostgreSQL answers (asked once per process). */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/** A SQLite file `<name>.sqlite` in a new temporary directory; cleanup removes the directory. */
export async function tempSqlite(name: string): Promise<TempDatabase> {
  const dir = await mkdtemp(join(tmpdir(), `switchboard-${name}-`));
  return {
    config: { driver: 'sqlite', file: join(dir, `${name}.sqlite`) },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

async function runAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates a uniquely named schema `<prefix>_<pid>_<random>`; cleanup drops it with everything in it. */
export async function tempPostgresSchema(prefix: string): Promise<TempDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`Schema prefix ${JSON.stringify(prefix)} is not a plain lower-case identifier.`);
  const schema = `${prefix}_${process.pid}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  if (schema.length > 63) throw new Error(`Schema name ${schema} is longer than PostgreSQL's 63 characters.`);
  await runAdmin(`CREATE SCHEMA "${schema}"`);
  return {
    config: { driver: 'postgres', url: POSTGRES_URL, schema },
    cleanup: () => runAdmin(`DROP SCHEMA "${schema}" CASCADE`),
  };
}

/** The test MySQL-compatible server (MariaDB here); `SWITCHBOARD_TEST_MYSQL_URL` points at another. */
export const MYSQL_URL = process.env.SWITCHBOARD_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** The message MySQL suites skip with when `mysqlReachable()` is false. */
export const MYSQL_SKIP_REASON = `MySQL/MariaDB not reachable at ${MYSQL_URL}`;

let mysqlAnswers: Promise<boolean> | undefined;

/** Whether the test MySQL-compatible server answers (asked once per process). */
export function mysqlReachable(): Promise<boolean> {
  mysqlAnswers ??= (async () => {
    const connection = await mysql.createConnection({ uri: MYSQL_URL, connectTimeout: CONNECT_TIMEOUT_MS }).catch(() => null);
    if (!connection) return false;
    try {
      await connection.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await connection.end().catch(() => undefined);
    }
  })();
  return mysqlAnswers;
}
