/**
 * Loads the reporting part of a ticket seed chunk (the agent → team directory) inside the
 * store's seed transaction; agents already present keep their row.
 */
import type { Kysely } from 'kysely';
import type { TicketsDatabase } from '../source/embedded/tables.js';
import type { TicketsSeed } from '../source/records.js';
import type { ReportingTicketsDatabase } from './tables.js';

export async function loadReportingSeed(trx: Kysely<TicketsDatabase>, part: TicketsSeed): Promise<void> {
  const teams = part.agentTeams ?? [];
  if (teams.length === 0) return;
  await trx
    .withTables<Pick<ReportingTicketsDatabase, 'agent_teams'>>()
    .insertInto('agent_teams')
    .values(teams.map(({ agentId, team }) => ({ agent_id: agentId, team })))
    .onConflict((oc) => oc.column('agent_id').doUpdateSet({ team: (eb) => eb.ref('excluded.team') }))
    .execute();
}
