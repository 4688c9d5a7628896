/** The embedded adapter: opens the ticket store's own database, migrates it and returns the store. */
import { openDatabase, type DatabaseConfig } from '../../../shared/database.js';
import { migrateAtOpen } from '../../../shared/migrations.js';
import { TICKETS_MIGRATIONS } from './migrations.js';
import type { TicketsDatabase } from './tables.js';
import { SqlTicketStore } from './sql-store.js';

/** Pending migrations are applied, or refused per `SWITCHBOARD_MIGRATE_ON_START` (subgraphs/shared/migrations.ts). */
export async function openEmbeddedTicketsSource(config: DatabaseConfig): Promise<SqlTicketStore> {
  const database = openDatabase<TicketsDatabase>(config);
  try {
    await migrateAtOpen(database, config, TICKETS_MIGRATIONS);
  } catch (error) {
    await database.close();
    throw error;
  }
  return new SqlTicketStore(database);
}
