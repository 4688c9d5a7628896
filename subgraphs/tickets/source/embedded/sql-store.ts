/**
 * The embedded adapter of the ticket system: Kysely over SQLite or PostgreSQL, each query written once.
 * Per-parent pages come from one statement with window functions, so a request for many
 * customers costs one statement per list, not one per customer.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { conflict, notFound } from '../../../../schema/errors.js';
import type { Database } from '../../../shared/database.js';
import { toPage, type Page, type PageArgs } from '../../../shared/pagination.js';
import { TICKET_NUMBER_COUNTER } from './migrations.js';
import type { TicketCommentsTable, TicketsDatabase, TicketsTable } from './tables.js';
import { ASSIGNED_TICKETS_CURSOR, CUSTOMER_TICKETS_CURSOR, type CreateTicketInput, type TicketsSource } from '../port.js';
import type { TicketChannel, TicketCommentRecord, TicketPriority, TicketRecord, TicketsSeed, TicketStatus } from '../records.js';
import { firstReplyDueAt, slaState } from '../sla.js';
import { assertTransition } from '../transitions.js';
import { loadReportingSeed } from '../../reports/seed.js';
import type { TicketReportsSource } from '../../reports/port.js';
import { SqlTicketReports } from '../../reports/sql-reports.js';
import type { ReportingTicketsDatabase, TicketReportingColumns } from '../../reports/tables.js';
import { timeOrderedId } from '../../../shared/time-ordered-id.js';
import { inputFingerprint, normaliseCreateTicketInput, type NormalisedTicketInput } from '../validation.js';
import { ChangeEventOutbox } from '../../../shared/change-events/outbox.js';
import { recordChangeEvents } from '../../../shared/change-events/record.js';
import { statusChangeEvents, ticketClassifiedEvent, ticketCreatedEvent } from '../change-events.js';
import { appendStatus, impliedHistory } from './status-history.js';
import { assertClassification, tagsFromColumn } from '../classification.js';
import { addTicketsToRollups, rebuildTicketRollups, removeTicketsFromRollups } from '../../reports/ticket-rollups.js';
import type { LoadSeedOptions } from '../../../devdata/seed/load.js';

/** Keys per `IN (…)` list: far below both dialects' parameter limits. */
const IN_LIST_SIZE = 1000;
const SEED_TICKET_ROWS = 400;
const SEED_COMMENT_ROWS = 800;
const MAX_ATTEMPTS = 3;

function toTicket(row: Selectable<TicketsTable>): TicketRecord {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    description: row.description,
    status: row.status as TicketStatus,
    priority: row.priority as TicketPriority,
    channel: row.channel as TicketChannel,
    requesterId: row.requester_id,
    assigneeId: row.assignee_id,
    assignedBy: row.assigned_by ?? null,
    relatedCallId: row.related_call_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    slaDueAt: row.sla_due_at,
    slaBreached: Number(row.sla_breached) === 1,
    firstRespondedAt: row.first_responded_at,
    solvedAt: row.solved_at,
    idempotencyKey: row.idempotency_key,
    category: row.category ?? null,
    tags: tagsFromColumn(row.tags),
  };
}

/** A ticket as its `tickets` row (with the reporting column); also the RT copy's rows (`rt/sync.ts`). */
export function toTicketRow(ticket: TicketRecord, idempotencyInput: string | null = null): TicketsTable & TicketReportingColumns {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    priority: ticket.priority,
    channel: ticket.channel,
    requester_id: ticket.requesterId,
    assignee_id: ticket.assigneeId,
    assigned_by: ticket.assignedBy ?? null,
    related_call_id: ticket.relatedCallId,
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
    sla_due_at: ticket.slaDueAt,
    sla_breached: ticket.slaBreached ? 1 : 0,
    first_responded_at: ticket.firstRespondedAt,
    solved_at: ticket.solvedAt,
    idempotency_key: ticket.idempotencyKey,
    idempotency_input: idempotencyInput,
    category: ticket.category ?? null,
    tags: ticket.tags && ticket.tags.length > 0 ? JSON.stringify(ticket.tags) : null,
    // Reporting column (subgraphs/tickets/reports/tables.ts).
    requester_tier: ticket.requesterTier ?? null,
  };
}

function toComment(row: Selectable<TicketCommentsTable>): TicketCommentRecord {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    author: row.author,
    body: row.body,
    public: Number(row.is_public) === 1,
    createdAt: row.created_at,
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

function groupBy<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string | null): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) groups.get(key)?.push(row);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function ticketNumberValue(number: string): number | null {
  const match = /^T-(\d{1,15})$/.exec(number);
  return match ? Number(match[1]) : null;
}

/** Thrown inside the create transaction to roll it back when the key was used before with this input. */
class Replay {
  constructor(readonly ticket: TicketRecord) {}
}

export class SqlTicketStore implements TicketsSource {
  private reporting: TicketReportsSource | null = null;

  /** `database`: the store's own (migrated) database; exposed for this adapter's own tests (statement counts). */
  readonly changeEvents: ChangeEventOutbox;

  constructor(readonly database: Database<TicketsDatabase>) {
    this.changeEvents = ChangeEventOutbox.in(database.db);
  }

  ping(): Promise<void> {
    return this.database.ping();
  }

  /** Aggregates over the same tables, one adapter per store. */
  reports(): TicketReportsSource {
    this.reporting ??= new SqlTicketReports(this.db);
    return this.reporting;
  }

  private get db(): Kysely<TicketsDatabase> {
    return this.database.db;
  }

  private async ticketsBy(column: 'id' | 'number', keys: readonly string[]): Promise<(TicketRecord | null)[]> {
    const found = new Map<string, TicketRecord>();
    for (const part of chunks([...new Set(keys)], IN_LIST_SIZE)) {
      const rows = await this.db.selectFrom('tickets').selectAll().where(column, 'in', part).execute();
      for (const row of rows) found.set(row[column], toTicket(row));
    }
    return keys.map((key) => found.get(key) ?? null);
  }

  ticketsByIds(ids: readonly string[]): Promise<(TicketRecord | null)[]> {
    return this.ticketsBy('id', ids);
  }

  ticketsByNumbers(numbers: readonly string[]): Promise<(TicketRecord | null)[]> {
    return this.ticketsBy('number', numbers);
  }

  async ticketsByRequesterIds(requesterIds: readonly string[], statuses: readonly TicketStatus[] | null, page: PageArgs): Promise<Page<TicketRecord>[]> {
    const filter = statuses !== null && statuses.length > 0 ? [...new Set(statuses)] : null;
    const after = page.after;
    // Rows past the cursor rank first, so `rn <= first + 1` keeps the page plus one look-ahead
    // row; a requester with nothing past the cursor still yields one row carrying its total.
    const isAfter = after
      ? sql<number>`CASE WHEN created_at < ${after.key} OR (created_at = ${after.key} AND id < ${after.id}) THEN 1 ELSE 0 END`
      : sql<number>`1`;
    const order = after ? sql`${isAfter} DESC, created_at DESC, id DESC` : sql`created_at DESC, id DESC`;
    const rows: (Selectable<TicketsTable> & { is_after: number; total: number })[] = [];
    for (const part of chunks([...new Set(requesterIds)], IN_LIST_SIZE)) {
      const ranked = this.db
        .selectFrom('tickets')
        .selectAll()
        .select([
          isAfter.as('is_after'),
          sql<number>`ROW_NUMBER() OVER (PARTITION BY requester_id ORDER BY ${order})`.as('rn'),
          sql<number>`COUNT(*) OVER (PARTITION BY requester_id)`.as('total'),
        ])
        .where('requester_id', 'in', part)
        .$if(filter !== null, (qb) => qb.where('status', 'in', filter ?? []));
      rows.push(
        ...(await this.db
          .selectFrom(ranked.as('ranked'))
          .selectAll()
          .where('rn', '<=', page.first + 1)
          .orderBy('requester_id')
          .orderBy('rn')
          .execute()),
      );
    }
    return groupBy(requesterIds, rows, (row) => row.requester_id).map((group) => {
      const totalCount = group.length === 0 ? 0 : Number(group[0]?.total);
      const nodes = group.filter((row) => Number(row.is_after) === 1).map(toTicket);
      return toPage(CUSTOMER_TICKETS_CURSOR, nodes, page.first, totalCount, (ticket) => ({ key: ticket.createdAt, id: ticket.id }));
    });
  }

  async ticketsByRelatedCallIds(callIds: readonly string[]): Promise<TicketRecord[][]> {
    const rows: Selectable<TicketsTable>[] = [];
    for (const part of chunks([...new Set(callIds)], IN_LIST_SIZE)) {
      rows.push(
        ...(await this.db
          .selectFrom('tickets')
          .selectAll()
          .where('related_call_id', 'in', part)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .execute()),
      );
    }
    return groupBy(callIds, rows.map(toTicket), (ticket) => ticket.relatedCallId);
  }

  async ticketsByAssignee(assigneeId: string, statuses: readonly TicketStatus[] | null, page: PageArgs): Promise<Page<TicketRecord>> {
    const filter = statuses !== null && statuses.length > 0 ? [...new Set(statuses)] : null;
    const base = this.db
      .selectFrom('tickets')
      .where('assignee_id', '=', assigneeId)
      .$if(filter !== null, (qb) => qb.where('status', 'in', filter ?? []));
    const after = page.after;
    const [{ total }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      base
        .selectAll()
        .$if(after !== null, (qb) =>
          qb.where((eb) => eb.or([eb('created_at', '<', after!.key), eb.and([eb('created_at', '=', after!.key), eb('id', '<', after!.id)])])),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.first + 1)
        .execute(),
    ]);
    return toPage(ASSIGNED_TICKETS_CURSOR, rows.map(toTicket), page.first, Number(total), (ticket) => ({ key: ticket.createdAt, id: ticket.id }));
  }

  async commentsByTicketIds(ticketIds: readonly string[], first: number): Promise<TicketCommentRecord[][]> {
    if (first <= 0) return ticketIds.map(() => []);
    const rows: Selectable<TicketCommentsTable>[] = [];
    for (const part of chunks([...new Set(ticketIds)], IN_LIST_SIZE)) {
      const ranked = this.db
        .selectFrom('ticket_comments')
        .selectAll()
        .select(sql<number>`ROW_NUMBER() OVER (PARTITION BY ticket_id ORDER BY created_at, id)`.as('rn'))
        .where('ticket_id', 'in', part);
      rows.push(
        ...(await this.db
          .selectFrom(ranked.as('ranked'))
          .select(['id', 'ticket_id', 'author', 'body', 'is_public', 'created_at'])
          .where('rn', '<=', first)
          .orderBy('ticket_id')
          .orderBy('rn')
          .execute()),
      );
    }
    return groupBy(ticketIds, rows.map(toComment), (comment) => comment.ticketId);
  }

  async createTicket(input: CreateTicketInput, assignedBy: string | null = null): Promise<TicketRecord> {
    const normalised = normaliseCreateTicketInput(input);
    const fingerprint = inputFingerprint(normalised);
    const assigner = normalised.assigneeId === null ? null : assignedBy;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction().execute((trx) => this.createIn(trx, normalised, fingerprint, assigner));
      } catch (error) {
        if (error instanceof Replay) return error.ticket;
        // A concurrent create won a unique index (key or number): the retry sees its row.
        if (attempt < MAX_ATTEMPTS && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  async agentTeams(agentIds: readonly string[]): Promise<(string | null)[]> {
    if (agentIds.length === 0) return [];
    const rows = await this.db
      .withTables<Pick<ReportingTicketsDatabase, 'agent_teams'>>()
      .selectFrom('agent_teams')
      .select(['agent_id', 'team'])
      .where('agent_id', 'in', [...new Set(agentIds)])
      .execute();
    const teams = new Map(rows.map((row) => [row.agent_id, row.team]));
    return agentIds.map((id) => teams.get(id) ?? null);
  }

  private async createIn(trx: Transaction<TicketsDatabase>, input: NormalisedTicketInput, fingerprint: string, assignedBy: string | null): Promise<TicketRecord> {
    // Taking the next number first makes this transaction the writer at once: concurrent
    // creates queue on the counter row (PostgreSQL row lock, SQLite write lock), and the key
    // lookup below then sees every create committed before.
    const counter = await trx
      .updateTable('ticket_counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', TICKET_NUMBER_COUNTER)
      .returning('value')
      .executeTakeFirstOrThrow();
    const existing = await trx.selectFrom('tickets').selectAll().where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
    if (existing) {
      if (existing.idempotency_input !== fingerprint) {
        throw conflict(`The idempotency key ${JSON.stringify(input.idempotencyKey)} was already used for ticket ${existing.number} with different input.`, {
          argumentName: 'input.idempotencyKey',
          ticketId: existing.id,
        });
      }
      throw new Replay(toTicket(existing));
    }
    const now = new Date().toISOString();
    const ticket: TicketRecord = {
      id: timeOrderedId('tkt'),
      number: `T-${Number(counter.value)}`,
      subject: input.subject,
      description: input.description,
      status: 'NEW',
      priority: input.priority,
      channel: input.channel,
      requesterId: input.requesterId,
      assigneeId: input.assigneeId,
      assignedBy,
      relatedCallId: input.relatedCallId,
      createdAt: now,
      updatedAt: now,
      slaDueAt: firstReplyDueAt({ priority: input.priority, createdAt: now }),
      slaBreached: false,
      firstRespondedAt: null,
      solvedAt: null,
      idempotencyKey: input.idempotencyKey,
      category: input.category,
      tags: input.tags,
    };
    await trx.insertInto('tickets').values(toTicketRow(ticket, fingerprint)).execute();
    await appendStatus(trx, ticket.id, null, 'NEW', now);
    await addTicketsToRollups(trx, [ticket.id]);
    await recordChangeEvents(trx, [ticketCreatedEvent(ticket)]);
    return ticket;
  }

  async changeStatus(id: string, status: TicketStatus): Promise<TicketRecord> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const row = await this.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('Ticket', id);
      const current = toTicket(row);
      assertTransition(current.status, status);
      const now = new Date().toISOString();
      const solvedAt = status === 'SOLVED' ? now : status === 'CLOSED' ? current.solvedAt : null;
      const sla = slaState({ ...current, solvedAt }, now);
      // Only if nobody moved the ticket meanwhile: the check above still holds. The change
      // and its events commit together.
      const updated = await this.db.transaction().execute(async (trx) => {
        // The report roll-ups lose the ticket as it stands and gain it as changed (none changed: unchanged).
        await removeTicketsFromRollups(trx, [id]);
        const row = await trx
          .updateTable('tickets')
          .set({ status, solved_at: solvedAt, updated_at: now, sla_due_at: sla.slaDueAt, sla_breached: sla.slaBreached ? 1 : 0 })
          .where('id', '=', id)
          .where('status', '=', current.status)
          .returningAll()
          .executeTakeFirst();
        if (row) await appendStatus(trx, id, current.status, status, now);
        await addTicketsToRollups(trx, [id]);
        if (row) await recordChangeEvents(trx, statusChangeEvents(current.status, toTicket(row)));
        return row;
      });
      if (updated) return toTicket(updated);
    }
    throw conflict(`Ticket ${JSON.stringify(id)} kept changing while its status was being changed; try again.`, { id });
  }

  async classifyTicket(id: string, category: string | null, tags: readonly string[]): Promise<TicketRecord> {
    const classification = assertClassification(category, tags);
    // The change and its `ticket.classified` event commit together; a call that changes nothing writes nothing.
    return this.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
      if (!current) throw notFound('Ticket', id);
      const before = toTicket(current);
      if (before.category === classification.category && JSON.stringify(before.tags) === JSON.stringify(classification.tags)) return before;
      const row = await trx
        .updateTable('tickets')
        .set({ category: classification.category, tags: classification.tags.length > 0 ? JSON.stringify(classification.tags) : null, updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const ticket = toTicket(row);
      await recordChangeEvents(trx, [ticketClassifiedEvent(before, ticket)]);
      return ticket;
    });
  }

  async loadSeed(part: TicketsSeed, options: LoadSeedOptions = {}): Promise<void> {
    if (part.tickets.length === 0 && part.comments.length === 0 && (part.agentTeams ?? []).length === 0) return;
    let highest = 0;
    for (const ticket of part.tickets) highest = Math.max(highest, ticketNumberValue(ticket.number) ?? 0);
    await this.db.transaction().execute(async (trx) => {
      for (const rows of chunks(part.tickets, SEED_TICKET_ROWS)) {
        await trx.insertInto('tickets').values(rows.map((ticket) => toTicketRow(ticket))).execute();
        // Seed tickets carry no history: the one their row implies (status-history.ts).
        await trx.insertInto('ticket_status_history').values(rows.flatMap(impliedHistory)).execute();
        if (!options.deferReports) await addTicketsToRollups(trx, rows.map((ticket) => ticket.id));
      }
      for (const rows of chunks(part.comments, SEED_COMMENT_ROWS)) {
        await trx
          .insertInto('ticket_comments')
          .values(
            rows.map((comment) => ({
              id: comment.id,
              ticket_id: comment.ticketId,
              author: comment.author,
              body: comment.body,
              is_public: comment.public ? 1 : 0,
              created_at: comment.createdAt,
            })),
          )
          .execute();
      }
      await loadReportingSeed(trx, part);
      if (highest > 0) {
        await trx
          .updateTable('ticket_counters')
          .set({ value: highest })
          .where('name', '=', TICKET_NUMBER_COUNTER)
          .where('value', '<', highest)
          .execute();
      }
    });
  }

  /** Refreshes the planner's statistics of the store's tables (after a seed or a rebuild; `Database.analyze`). */
  analyze(): Promise<void> {
    return this.database.analyze();
  }

  /** Sums the ticket roll-ups from every stored ticket again, in one transaction (after a seed loaded with `deferReports`). */
  async rebuildReports(): Promise<void> {
    await this.db.transaction().execute((trx) => rebuildTicketRollups(trx));
  }

  async isEmpty(): Promise<boolean> {
    const row = await this.db.selectFrom('tickets').select('id').limit(1).executeTakeFirst();
    return row === undefined;
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
