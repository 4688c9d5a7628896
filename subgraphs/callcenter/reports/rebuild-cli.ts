/**
 * `npm run reports:rebuild`: recomputes the call center's hourly report roll-ups
 * (`call_rollups`), the contact gaps of `calls` (contact-gaps.ts) and the call-time
 * histograms (call-histograms.ts) from the stored calls, in one transaction, and the ticket
 * roll-ups (tickets/reports/ticket-rollups.ts) from the stored tickets, in the databases the
 * same environment variables select as `npm start` (`CALLCENTER_DATABASE_URL`,
 * `TICKETS_DATABASE_URL`, `SWITCHBOARD_DATA_DIR`). Migration 0002 does this once when it creates the table, and every
 * write keeps them current; the command is for data changed behind the service's back
 * (a restore, a bulk import with SQL). Applies pending migrations first; ends with the
 * planner statistics refreshed (`Database.analyze`: PostgreSQL `VACUUM (ANALYZE)`).
 */
import { databaseConfig } from '../../shared/config.js';
import { openCallCenterSource } from '../source/open.js';
import { openEmbeddedTicketsSource } from '../../tickets/source/embedded/open.js';

const config = databaseConfig('callcenter');
const store = await openCallCenterSource(config);
try {
  const started = performance.now();
  await store.rebuildReports();
  await store.analyze();
  console.log(`callcenter (${config.driver === 'sqlite' ? config.file : `PostgreSQL schema ${config.schema}`}): call roll-ups, contact gaps and histograms rebuilt and planner statistics refreshed in ${Math.round(performance.now() - started)} ms`);
} finally {
  await store.close();
}

const ticketsConfig = databaseConfig('tickets');
const tickets = await openEmbeddedTicketsSource(ticketsConfig);
try {
  const started = performance.now();
  await tickets.rebuildReports();
  await tickets.analyze();
  console.log(`tickets (${ticketsConfig.driver === 'sqlite' ? ticketsConfig.file : `PostgreSQL schema ${ticketsConfig.schema}`}): ticket roll-ups rebuilt and planner statistics refreshed in ${Math.round(performance.now() - started)} ms`);
} finally {
  await tickets.close();
}
