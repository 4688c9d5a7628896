/**
 * The ticket system's own tables as the embedded store reads and writes them: snake_case,
 * timestamps as ISO-8601 TEXT, booleans as INTEGER 0/1 on both dialects. Created and
 * changed by `migrations.ts`; the reporting additions are `subgraphs/tickets/reports/tables.ts`.
 */
export interface TicketsTable {
  id: string;
  number: string;
  subject: string;
  description: string;
  status: string;
  priority: string;
  channel: string;
  requester_id: string | null;
  assignee_id: string | null;
  /** Who assigned the ticket (subgraphs/tickets/assignment.ts); added by migration 0002. */
  assigned_by: string | null;
  related_call_id: string | null;
  created_at: string;
  updated_at: string;
  sla_due_at: string | null;
  sla_breached: number;
  first_responded_at: string | null;
  solved_at: string | null;
  idempotency_key: string | null;
  /** The normalised input of `createTicket`, to tell a retry from a conflicting reuse of the key. */
  idempotency_input: string | null;
  /** Contact-reason code (`source/classification.ts`); added by migration 0005. */
  category: string | null;
  /** JSON array of codes, null when none; added by migration 0005. */
  tags: string | null;
}

export interface TicketCommentsTable {
  id: string;
  ticket_id: string;
  author: string;
  body: string;
  is_public: number;
  created_at: string;
}

/** Named counters; `ticket_number` is the last number handed out (`T-` + value). */
export interface TicketCountersTable {
  name: string;
  value: number;
}

export interface TicketStatusHistoryTable {
  ticket_id: string;
  /** 1 for the creation, then +1 per change of the ticket. */
  seq: number;
  status: string;
  /** The status before this one; null for the creation. */
  previous_status: string | null;
  /** When the ticket entered `status` (ISO-8601 UTC). */
  at: string;
  /** -1, 0 or +1: the change of the backlog (see the module comment). */
  backlog_delta: number;
}

export interface StatusHistoryDatabase {
  ticket_status_history: TicketStatusHistoryTable;
}

export interface TicketsDatabase extends StatusHistoryDatabase {
  tickets: TicketsTable;
  ticket_comments: TicketCommentsTable;
  ticket_counters: TicketCountersTable;
}
