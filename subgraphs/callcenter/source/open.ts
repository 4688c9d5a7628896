/** Opens the call center's store: connects, creates missing tables and indexes. */
import { openDatabase, type DatabaseConfig } from '../../shared/database.js';
import { migrate } from './migrations.js';
import { SqlCallCenterStore } from './sql-store.js';
import type { CallCenterTables } from './tables.js';

export async function openCallCenterSource(config: DatabaseConfig): Promise<SqlCallCenterStore> {
  const database = openDatabase<CallCenterTables>(config);
  try {
    await migrate(database.db, config.driver === 'postgres' ? config.schema : undefined);
  } catch (error) {
    await database.close();
    throw error;
  }
  return new SqlCallCenterStore(database);
}
