/** Opens the CRM's database (SQLite file or PostgreSQL schema), migrates it, returns the store. */
import { sql } from 'kysely';
import { openDatabase, type DatabaseConfig } from '../../shared/database.js';
import { migrate } from './migrations.js';
import { PiiCipher } from './pii-cipher.js';
import { SqlCrmStore } from './sql-store.js';
import type { CrmTables } from './tables.js';

/** `cipher`: how PII is sealed at rest; by default from `SWITCHBOARD_PII_KEY` / `SWITCHBOARD_PII_OLD_KEYS`. */
export async function openCrmSource(config: DatabaseConfig, cipher?: PiiCipher): Promise<SqlCrmStore> {
  // Read the keys before opening anything: a missing or malformed key stops here.
  const pii = cipher ?? PiiCipher.fromEnv();
  const database = openDatabase<CrmTables>(config);
  try {
    if (config.driver === 'postgres') await sql`create schema if not exists ${sql.id(config.schema)}`.execute(database.db);
    await migrate(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return new SqlCrmStore(database, pii);
}
