/** The embedded adapter: opens the CRM's own database (SQLite file or PostgreSQL schema), migrates it, returns the store. */
import { openDatabase, type DatabaseConfig } from '../../../shared/database.js';
import { migrateAtOpen } from '../../../shared/migrations.js';
import { CRM_MIGRATIONS } from './migrations.js';
import { PiiCipher } from './pii-cipher.js';
import { SqlCrmStore } from './store.js';
import type { CrmTables } from './tables.js';

/**
 * `cipher`: how PII is sealed at rest; by default from `SWITCHBOARD_PII_KEY` / `SWITCHBOARD_PII_OLD_KEYS`.
 * Pending migrations are applied, or refused per `SWITCHBOARD_MIGRATE_ON_START` (subgraphs/shared/migrations.ts).
 */
export async function openEmbeddedCrmStore(config: DatabaseConfig, cipher?: PiiCipher): Promise<SqlCrmStore> {
  // Read the keys before opening anything: a missing or malformed key stops here.
  const pii = cipher ?? PiiCipher.fromEnv();
  const database = openDatabase<CrmTables>(config);
  try {
    await migrateAtOpen(database, config, CRM_MIGRATIONS);
  } catch (error) {
    await database.close();
    throw error;
  }
  return new SqlCrmStore(database, pii);
}
