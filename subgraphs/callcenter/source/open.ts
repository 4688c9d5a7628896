/** Opens the call center's store: connects, applies pending migrations, returns the store. */
import { openDatabase, type DatabaseConfig } from '../../shared/database.js';
import { migrateAtOpen } from '../../shared/migrations.js';
import { CALLCENTER_MIGRATIONS } from './migrations.js';
import { SqlCallCenterStore } from './sql-store.js';
import type { CallCenterTables } from './tables.js';

/** Pending migrations are applied, or refused per `SWITCHBOARD_MIGRATE_ON_START` (subgraphs/shared/migrations.ts). */
export async function openCallCenterSource(config: DatabaseConfig): Promise<SqlCallCenterStore> {
  const database = openDatabase<CallCenterTables>(config);
  try {
    await migrateAtOpen(database, config, CALLCENTER_MIGRATIONS);
  } catch (error) {
    await database.close();
    throw error;
  }
  return new SqlCallCenterStore(database);
}
