/**
 * Opens the call-center and ticket stores for the reporting tests on a temporary SQLite
 * file or a throw-away PostgreSQL schema, loads the hand-made data set through `loadSeed`
 * and hands out the reporting adapters.
 */
import { openCallCenterSource } from '../../subgraphs/callcenter/source/open.js';
import type { SqlCallCenterStore } from '../../subgraphs/callcenter/source/sql-store.js';
import { SqlCallReports } from '../../subgraphs/callcenter/reports/sql-reports.js';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import type { SqlTicketStore } from '../../subgraphs/tickets/source/embedded/sql-store.js';
import { SqlTicketReports } from '../../subgraphs/tickets/reports/sql-reports.js';
import { tempPostgresSchema, tempSqlite, type TempDatabase } from '../support/databases.js';
import { callCenterSeed, TICKET_NOW, ticketsSeed } from './fixture.js';

export interface ReportStores {
  callcenter: SqlCallCenterStore;
  tickets: SqlTicketStore;
  callReports: SqlCallReports;
  ticketReports: SqlTicketReports;
  dispose(): Promise<void>;
}

export async function openReportStores(dialect: 'sqlite' | 'postgres'): Promise<ReportStores> {
  const temps: TempDatabase[] = [];
  const opened: { close(): Promise<void> }[] = [];
  const dispose = async () => {
    for (const store of opened.reverse()) await store.close();
    for (const temp of temps) await temp.cleanup();
  };
  try {
    const temp = async (name: string) => {
      const database = dialect === 'sqlite' ? await tempSqlite(name) : await tempPostgresSchema(name);
      temps.push(database);
      return database.config;
    };
    const callcenter = await openCallCenterSource(await temp('reports_callcenter'));
    opened.push(callcenter);
    const tickets = await openEmbeddedTicketsSource(await temp('reports_tickets'));
    opened.push(tickets);
    await callcenter.loadSeed(callCenterSeed);
    await tickets.loadSeed(ticketsSeed);
    return {
      callcenter,
      tickets,
      callReports: new SqlCallReports(callcenter.database.db),
      ticketReports: new SqlTicketReports(tickets.database.db, () => TICKET_NOW),
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
