/** Opens the ticket system's database, creates its tables if needed and returns the store. */
import { openDatabase, type DatabaseConfig } from '../../shared/database.js';
import { migrate, type TicketsDatabase } from './migrations.js';
import { SqlTicketStore } from './sql-store.js';

export async function openTicketsSource(config: DatabaseConfig): Promise<SqlTicketStore> {
  const database = openDatabase<TicketsDatabase>(config);
  try {
    if (config.driver === 'postgres') await database.db.schema.createSchema(config.schema).ifNotExists().execute();
    await migrate(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return new SqlTicketStore(database);
}
