/**
 * The port of the ticket system: everything the resolvers may ask of it, batch-first (one
 * call answers many parents, in key order). Adapters, each in its own folder: `embedded/`
 * (Kysely over SQLite or PostgreSQL, the default) and `rt/` (Request Tracker 5 over its REST
 * 2.0 API); `open.ts` picks one by configuration (`config.ts`). Nothing here names SQL: tests
 * that count statements belong to the embedded adapter's own suite.
 */
import type { ChangeEventOutbox } from '../../shared/change-events/outbox.js';
import type { Page, PageArgs } from '../../shared/pagination.js';
import type { TicketReportsSource } from '../reports/port.js';
import type { TicketChannel, TicketCommentRecord, TicketPriority, TicketRecord, TicketsSeed, TicketStatus } from './records.js';
import type { LoadSeedOptions } from '../../devdata/seed/load.js';

export interface CreateTicketInput {
  /** 1-128 characters; the same key with the same input returns the same ticket. */
  idempotencyKey: string;
  /** A CRM customer id (`cus_…`); the ticket system cannot check that it exists. */
  requesterId: string;
  subject: string;
  description?: string | null;
  priority?: TicketPriority | null;
  channel?: TicketChannel | null;
  assigneeId?: string | null;
  relatedCallId?: string | null;
  /** A contact-reason code (`classification.ts`). */
  category?: string | null;
  /** At most 20 codes. */
  tags?: readonly string[] | null;
}

export interface TicketsSource {
  /**
   * The change-event outbox this source writes in the transaction of each change (the
   * embedded store); absent for a connector to a system the company runs, whose changes
   * Switchboard does not write. Read only by the gateway's webhook dispatcher.
   */
  readonly changeEvents?: ChangeEventOutbox;
  /** The tickets with these ids, in key order; `null` for unknown ids. */
  ticketsByIds(ids: readonly string[]): Promise<(TicketRecord | null)[]>;
  /** The tickets with these numbers (`T-100042`), in key order; `null` for unknown numbers. */
  ticketsByNumbers(numbers: readonly string[]): Promise<(TicketRecord | null)[]>;
  /**
   * One page of each requester's tickets, newest first (createdAt DESC, id DESC), in one
   * statement. `statuses` null or empty: every status. `totalCount` respects the filter.
   */
  ticketsByRequesterIds(requesterIds: readonly string[], statuses: readonly TicketStatus[] | null, page: PageArgs): Promise<Page<TicketRecord>[]>;
  /** The tickets assigned to an agent, newest first, optionally by status. */
  ticketsByAssignee(assigneeId: string, statuses: readonly TicketStatus[] | null, page: PageArgs): Promise<Page<TicketRecord>>;
  /** Each call's tickets, newest first. */
  ticketsByRelatedCallIds(callIds: readonly string[]): Promise<TicketRecord[][]>;
  /** The first `first` comments of each ticket, oldest first. */
  commentsByTicketIds(ticketIds: readonly string[], first: number): Promise<TicketCommentRecord[][]>;
  /**
   * Validates (BAD_USER_INPUT), then in one transaction returns the ticket already created
   * with this idempotency key (CONFLICT when its input differed) or creates a new one.
   * `assignedBy`: who made the assignment (a viewer's subject), stored when there is an assignee.
   */
  createTicket(input: CreateTicketInput, assignedBy?: string | null): Promise<TicketRecord>;
  /** The team of each agent in the ticket system's copy of the agent directory, in key order; `null` when unknown. */
  agentTeams(agentIds: readonly string[]): Promise<(string | null)[]>;
  /**
   * Sets a ticket's category and tags (both replaced; null category clears it). NOT_FOUND for
   * an unknown id; BAD_USER_INPUT for a code of the wrong shape (`classification.ts`).
   */
  classifyTicket(id: string, category: string | null, tags: readonly string[]): Promise<TicketRecord>;
  /** NOT_FOUND for an unknown id; BAD_USER_INPUT for a move `transitions.ts` forbids. */
  changeStatus(id: string, status: TicketStatus): Promise<TicketRecord>;
  /**
   * Inserts one seed chunk's part (the embedded store: in one transaction, with its report
   * roll-ups unless `options.deferReports`, then `rebuildReports` after the last chunk). An
   * adapter over a company's own ticket system refuses: demo data is never written into it.
   */
  loadSeed(part: TicketsSeed, options?: LoadSeedOptions): Promise<void>;
  /** Sums the report roll-ups from every stored ticket again (stores that keep them: the embedded one). */
  rebuildReports?(): Promise<void>;
  /** Whether the demo seed may go in: only an embedded store that holds no ticket yet. */
  isEmpty(): Promise<boolean>;
  /** Resolves when the system answers (the readiness probe); rejects naming what failed. */
  ping(): Promise<void>;
  /** The reporting adapter over this source's data (aggregates; `reports/port.ts`). */
  reports(): TicketReportsSource;
  close(): Promise<void>;
}

/** The cursor kind of `Customer.tickets`: its cursors are refused by every other list. */
export const CUSTOMER_TICKETS_CURSOR = 'Customer.tickets';
/** Cursor kind of `Query.assignedTickets`. */
export const ASSIGNED_TICKETS_CURSOR = 'Query.assignedTickets';
