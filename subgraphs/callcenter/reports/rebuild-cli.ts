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

/** A store whose report tables this command sums again. */
interface ReportStore {
  rebuildReports(): Promise<void>;
  analyze(): Promise<void>;
  close(): Promise<void>;
}

/** Opens `system`'s store (migrating it), rebuilds its report tables (`what`), refreshes the statistics and says how long it took. */
async function rebuild(system: 'callcenter' | 'tickets', open: (config: ReturnType<typeof databaseConfig>) => Promise<ReportStore>, what: string): Promise<void> {
  const config = databaseConfig(system);
  const store = await open(config);
  try {
    const started = performance.now();
    await store.rebuildReports();
    await store.analyze();
    const where = config.driver === 'sqlite' ? config.file : `PostgreSQL schema ${config.schema}`;
    console.log(`${system} (${where}): ${what} rebuilt and planner statistics refreshed in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await store.close();
  }
}

await rebuild('callcenter', openCallCenterSource, 'call roll-ups, contact gaps and histograms');
await rebuild('tickets', openEmbeddedTicketsSource, 'ticket roll-ups');
