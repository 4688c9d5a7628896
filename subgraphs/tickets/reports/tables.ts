/**
 * The ticket system's reporting additions (created by `migrations.ts` here): the requester's
 * tier on each ticket, and `agent_teams`, a copy of the call center's agent → team directory
 * so tickets group by their assignee's team without asking the call center per ticket.
 */
import type { TicketsDatabase, TicketsTable } from '../source/embedded/tables.js';

export interface TicketReportingColumns {
  /** The requester's CRM tier when the ticket was created; null when not known. */
  requester_tier: string | null;
}

export interface AgentTeamsTable {
  agent_id: string;
  team: string;
}

/** The ticket system's tables as the reports see them. */
export interface ReportingTicketsDatabase extends TicketsDatabase {
  tickets: TicketsTable & TicketReportingColumns;
  agent_teams: AgentTeamsTable;
}
