/**
 * `npm run migrate` · `npm run migrate -- <store>` (crm, callcenter, tickets, gateway, sync: the
 * connector syncs' cursors in the tickets and CRM databases)
 * Applies every pending schema migration of each store (or the one named), in the databases
 * the same environment variables select as `npm start` (`*_DATABASE_URL`, `SWITCHBOARD_DATA_DIR`),
 * and prints what it applied. Exit status 1 names the migration that failed; nothing of that
 * store's run is kept.
 */
import { parseArgs } from 'node:util';
import { CALLCENTER_MIGRATIONS } from '../subgraphs/callcenter/source/migrations.js';
import { CRM_MIGRATIONS } from '../subgraphs/crm/source/embedded/migrations.js';
import { databaseConfig } from '../subgraphs/shared/config.js';
import type { DatabaseConfig } from '../subgraphs/shared/database.js';
import { migrateDatabase, type StoreMigrations } from '../subgraphs/shared/migrations.js';
import { SYNC_CURSOR_MIGRATIONS } from '../subgraphs/shared/sync/cursor-store.js';
import { TICKETS_MIGRATIONS } from '../subgraphs/tickets/source/embedded/migrations.js';
import { GATEWAY_MIGRATIONS } from './store/migrations.js';
import { gatewayDatabaseConfig } from './store/gateway-store.js';

/** Every store, in the order `npm run migrate` visits them, with where its database is. */
const STORES: { plan: StoreMigrations; config: () => DatabaseConfig }[] = [
  { plan: CRM_MIGRATIONS, config: () => databaseConfig('crm') },
  { plan: CALLCENTER_MIGRATIONS, config: () => databaseConfig('callcenter') },
  { plan: TICKETS_MIGRATIONS, config: () => databaseConfig('tickets') },
  { plan: GATEWAY_MIGRATIONS, config: () => gatewayDatabaseConfig() },
  // The cursors of the connector syncs (RT tickets, HubSpot contacts) live in the copies' databases.
  { plan: SYNC_CURSOR_MIGRATIONS, config: () => databaseConfig('tickets') },
  { plan: SYNC_CURSOR_MIGRATIONS, config: () => databaseConfig('crm') },
];

const USAGE = `Usage: npm run migrate [-- <store>]   (stores: ${[...new Set(STORES.map((s) => s.plan.store))].join(', ')})`;

function where(config: DatabaseConfig): string {
  return config.driver === 'sqlite' ? config.file : `PostgreSQL schema ${config.schema}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [name, ...extra] = positionals;
  const selected = name === undefined ? STORES : STORES.filter((s) => s.plan.store === name);
  if (selected.length === 0 || extra.length > 0) {
    console.error(name !== undefined && selected.length === 0 ? `Unknown store ${JSON.stringify(name)}.\n${USAGE}` : USAGE);
    return 2;
  }
  for (const { plan, config } of selected) {
    const database = config();
    try {
      const applied = await migrateDatabase(database, plan);
      const what = applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`;
      console.log(`${plan.store} (${where(database)}): ${what}`);
    } catch (error) {
      console.error(`${plan.store} (${where(database)}): ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  return 0;
}

process.exitCode = await main();
