/**
 * The Request Tracker 5 adapter of the ticket port, over RT's REST 2.0 API. Everything the
 * resolvers ask is read live from RT; reports and reconciliation, which need data at rest, read
 * the local copy the incremental sync keeps (`sync.ts`, `reports()`, `localCopy`).
 *
 * - A ticket's id is `tkt_rt<RT id>`, its number the mapping's `numberPrefix` and RT's id.
 * - The requester is an RT user keyed by the CRM customer id (its name, or its email address
 *   built from `requester.emailTemplate`); the related call, idempotency key and channel are
 *   ticket custom fields; statuses and priorities map both ways as the mapping file declares.
 * - The description is the content of the ticket's Create transaction; comments are its
 *   Comment (internal) and Correspond (public) transactions.
 * - `firstRespondedAt` is RT's `Started` (set when the ticket is first opened); `solvedAt` its
 *   `Resolved` while the ticket is SOLVED or CLOSED. SLA fields are computed by `sla.ts`.
 * - Each batch is one TicketSQL search (plus two searches for descriptions/comments), so a
 *   request for many customers costs a few requests, not one per customer.
 */
import { createHash } from 'node:crypto';
import { badUserInput, conflict, notFound, switchboardError } from '../../../../schema/errors.js';
import { assertClassification, REASON_CODE } from '../classification.js';
import { toPage, type Page, type PageArgs } from '../../../shared/pagination.js';
import type { TicketReportsSource } from '../../reports/port.js';
import { ASSIGNED_TICKETS_CURSOR, CUSTOMER_TICKETS_CURSOR, type CreateTicketInput, type TicketsSource } from '../port.js';
import type { TicketChannel, TicketCommentRecord, TicketRecord, TicketsSeed, TicketStatus } from '../records.js';
import { nextSlaDueAt, targetMissed } from '../sla.js';
import { assertTransition } from '../transitions.js';
import { inputFingerprint, normaliseCreateTicketInput, type NormalisedTicketInput } from '../validation.js';
import { loggerFor } from '../../../shared/observability/logger.js';
import type { SyncRunner } from '../../../shared/sync/runner.js';
import type { SqlTicketStore } from '../embedded/sql-store.js';
import { tsqlString, type RtClient, type RtItem } from './client.js';
import { CHANNELS, priorityFromRt, type RtMapping } from './mapping.js';
import { SyncedTicketReports } from './synced-reports.js';
import type { RtTicketCopy } from './sync.js';

const log = loggerFor('tickets-rt');

/** The local copy of RT's tickets the sync keeps (rt/sync.ts), for reports and reconciliation. */
export interface RtLocalCopy {
  /** The embedded store holding the copy (its database: tickets, sync cursors). */
  store: SqlTicketStore;
  copy: RtTicketCopy;
  runner: SyncRunner;
}

/** The ticket fields every search asks RT for (the sync's too). */
export const TICKET_FIELDS = 'Subject,Status,Priority,Created,LastUpdated,Requestor,Owner,CustomFields,Resolved,Started';
/** Ids per TicketSQL `OR` list: keeps URLs well below common limits. */
const KEYS_PER_SEARCH = 40;
const ID_PREFIX = 'tkt_rt';

interface RtRef {
  id?: unknown;
}
interface RtCustomField {
  name?: unknown;
  values?: unknown;
}
/** A ticket as read from RT, before descriptions are attached. */
interface Draft {
  rtId: number;
  record: TicketRecord;
  fingerprint: string | null;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

function rtTime(value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || value.startsWith('1970-01-01')) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The RT ticket id behind a Switchboard ticket id, or null when it is not one of ours. */
export function rtIdOf(id: string): number | null {
  const match = /^tkt_rt([1-9]\d{0,14})$/.exec(id);
  return match ? Number(match[1]) : null;
}

/** Newest first, ties by RT id descending (Switchboard's order for every ticket list). */
function newestFirst(a: TicketRecord, b: TicketRecord): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return (rtIdOf(b.id) ?? 0) - (rtIdOf(a.id) ?? 0);
}

/** Whether `ticket` sorts after the cursor position (newest first). */
function isAfter(ticket: TicketRecord, after: PageArgs['after']): boolean {
  if (after === null) return true;
  if (ticket.createdAt !== after.key) return ticket.createdAt < after.key;
  return (rtIdOf(ticket.id) ?? 0) < (rtIdOf(after.id) ?? 0);
}

function paged(kind: string, tickets: TicketRecord[], page: PageArgs): Page<TicketRecord> {
  const sorted = [...tickets].sort(newestFirst);
  const rest = sorted.filter((ticket) => isAfter(ticket, page.after)).slice(0, page.first + 1);
  return toPage(kind, rest, page.first, sorted.length, (ticket) => ({ key: ticket.createdAt, id: ticket.id }));
}

export class RtTicketSource implements TicketsSource {
  private readonly client: RtClient;
  /** Creates in flight per idempotency key: one process never races itself. */
  private readonly creating = new Map<string, Promise<TicketRecord>>();
  private readonly requesterPattern: RegExp | null;
  private copyOf: RtLocalCopy | null = null;

  constructor(
    private readonly mapping: RtMapping,
    client: RtClient,
  ) {
    this.client = client;
    const requester = mapping.requester;
    this.requesterPattern =
      requester.key === 'email'
        ? new RegExp(`^${requester.emailTemplate.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{customerId\\}', '(cus_[A-Za-z0-9]{1,64})')}$`, 'i')
        : null;
  }

  // ----- mapping -------------------------------------------------------------------------

  private requesterKey(customerId: string): string {
    const requester = this.mapping.requester;
    return requester.key === 'email' ? requester.emailTemplate.replace('{customerId}', customerId) : customerId;
  }

  private requesterClause(customerId: string): string {
    const field = this.mapping.requester.key === 'email' ? 'Requestor.EmailAddress' : 'Requestor.Name';
    return `${field} = ${tsqlString(this.requesterKey(customerId))}`;
  }

  private customerIdOf(user: string): string | null {
    if (this.requesterPattern === null) return /^cus_[A-Za-z0-9]{1,64}$/.test(user) ? user : null;
    const match = this.requesterPattern.exec(user);
    return match ? (match[1] ?? null) : null;
  }

  private ownerOf(agentId: string): string {
    return this.mapping.agents[agentId] ?? agentId;
  }

  private agentIdOf(owner: string): string | null {
    for (const [agentId, name] of Object.entries(this.mapping.agents)) if (name === owner) return agentId;
    return /^agt_[A-Za-z0-9]{1,64}$/.test(owner) ? owner : null;
  }

  /** The RT statuses that read as one of `statuses` (null: no filter). */
  private statusClause(statuses: readonly TicketStatus[] | null): string | null {
    if (statuses === null || statuses.length === 0) return null;
    const theirs = Object.entries(this.mapping.statuses.fromRt)
      .filter(([, ours]) => statuses.includes(ours))
      .map(([rt]) => rt);
    return theirs.length === 0 ? `id < 0` : `(${theirs.map((s) => `Status = ${tsqlString(s)}`).join(' OR ')})`;
  }

  private baseQuery(...clauses: (string | null)[]): string {
    // Deleted RT tickets are not tickets any more (a duplicate create is deleted, see createTicket).
    return [`Queue = ${tsqlString(this.mapping.queue)}`, `Status != 'deleted'`, ...clauses.filter((c): c is string => c !== null)].join(' AND ');
  }

  private toDraft(item: RtItem): Draft {
    const rtId = Number(item.id);
    const fields = new Map<string, string>();
    for (const field of (item.CustomFields as RtCustomField[] | undefined) ?? []) {
      const values = Array.isArray(field.values) ? field.values : [];
      if (typeof field.name === 'string' && typeof values[0] === 'string' && values[0] !== '') fields.set(field.name, values[0]);
    }
    const custom = this.mapping.customFields;
    const rtStatus = String(item.Status);
    const status = this.mapping.statuses.fromRt[rtStatus];
    if (status === undefined) {
      throw switchboardError('INTERNAL_SERVER_ERROR', `RT ticket ${rtId} has status "${rtStatus}", which the RT mapping file's statuses.fromRt does not map.`, { system: 'rt' });
    }
    const priority = priorityFromRt(this.mapping.priorities.fromRt, Number(item.Priority ?? 0)) ?? 'NORMAL';
    const channelValue = custom.channel === undefined ? undefined : fields.get(custom.channel)?.toUpperCase();
    const channel: TicketChannel = CHANNELS.includes(channelValue as TicketChannel) ? (channelValue as TicketChannel) : this.mapping.defaultChannel;
    const requesterName = ((item.Requestor as RtRef[] | undefined) ?? []).map((ref) => String(ref.id ?? ''))[0];
    const owner = String((item.Owner as RtRef | undefined)?.id ?? 'Nobody');
    const createdAt = rtTime(item.Created) ?? new Date(0).toISOString();
    const resolved = rtTime(item.Resolved);
    const solvedAt = status === 'SOLVED' || status === 'CLOSED' ? resolved : null;
    const firstRespondedAt = rtTime(item.Started);
    const stored = fields.get(custom.idempotencyKey) ?? null;
    const separator = stored === null ? -1 : stored.indexOf(':');
    const now = new Date().toISOString();
    const sla = { priority, createdAt, firstRespondedAt, solvedAt };
    return {
      rtId,
      fingerprint: stored !== null && separator > 0 ? stored.slice(0, separator) : null,
      record: {
        id: `${ID_PREFIX}${rtId}`,
        number: `${this.mapping.numberPrefix}${rtId}`,
        subject: String(item.Subject ?? ''),
        description: '',
        status,
        priority,
        channel,
        requesterId: requesterName === undefined ? null : this.customerIdOf(requesterName),
        assigneeId: owner === 'Nobody' ? null : this.agentIdOf(owner),
        assignedBy: null,
        relatedCallId: fields.get(custom.relatedCall) ?? null,
        createdAt,
        updatedAt: rtTime(item.LastUpdated) ?? createdAt,
        slaDueAt: nextSlaDueAt(sla),
        slaBreached: targetMissed(sla, now),
        firstRespondedAt,
        solvedAt,
        idempotencyKey: stored !== null && separator > 0 ? stored.slice(separator + 1) : null,
        category: this.categoryOf(custom.category === undefined ? undefined : fields.get(custom.category)),
        tags: [],
      },
    };
  }

  /** RT's category value as a reason code; a value of another shape (typed in RT by hand) reads as none. */
  private categoryOf(value: string | undefined): string | null {
    const code = value?.trim().toLowerCase();
    return code !== undefined && REASON_CODE.test(code) ? code : null;
  }

  /**
   * What RT can keep of a classification: the category in the mapping's `customFields.category`
   * field; RT has no tags here. BAD_USER_INPUT (`reason: SOURCE_NOT_SUPPORTED`) for what it cannot.
   */
  private assertClassifiable(category: string | null, tags: readonly string[], prefix: string): void {
    if (tags.length > 0) {
      throw badUserInput('Ticket tags are not kept with TICKETS_SOURCE=rt; classify with a category.', { argumentName: `${prefix}tags`, reason: 'SOURCE_NOT_SUPPORTED' });
    }
    if (category !== null && this.mapping.customFields.category === undefined) {
      throw badUserInput('The RT mapping file names no category custom field (customFields.category): this RT keeps no ticket category.', {
        argumentName: `${prefix}category`,
        reason: 'SOURCE_NOT_SUPPORTED',
      });
    }
  }

  /**
   * A ticket as RT returned it (with `TICKET_FIELDS`) read as Switchboard's record, without
   * its description. Throws INTERNAL_SERVER_ERROR for a status the mapping does not map.
   */
  recordFromRt(item: RtItem): TicketRecord {
    return this.toDraft(item).record;
  }

  /** The TicketSQL clause limiting a search to the mapping's queue (deleted tickets are never found). */
  queueClause(): string {
    return this.baseQuery();
  }

  // ----- reads ---------------------------------------------------------------------------

  /** Tickets matching `query` with their descriptions (two more searches for the whole batch). */
  private async search(query: string): Promise<Draft[]> {
    const drafts = (await this.client.searchTickets(query, TICKET_FIELDS)).map((item) => this.toDraft(item));
    const contents = await this.transactionContents(
      drafts.map((d) => d.rtId),
      ['Create'],
    );
    for (const draft of drafts) draft.record.description = contents.find((c) => c.ticket === draft.rtId)?.body ?? '';
    return drafts;
  }

  private async searchByIds(rtIds: readonly number[]): Promise<Map<number, TicketRecord>> {
    const found = new Map<number, TicketRecord>();
    for (const part of chunks([...new Set(rtIds)], KEYS_PER_SEARCH)) {
      const drafts = await this.search(this.baseQuery(`(${part.map((id) => `id = ${id}`).join(' OR ')})`));
      for (const draft of drafts) found.set(draft.rtId, draft.record);
    }
    return found;
  }

  /** The text/plain content of each ticket's transactions of `types`, oldest first. */
  private async transactionContents(ticketIds: readonly number[], types: readonly string[]) {
    const result: { ticket: number; transaction: number; type: string; author: string; createdAt: string; body: string }[] = [];
    for (const part of chunks([...new Set(ticketIds)], KEYS_PER_SEARCH * 5)) {
      if (part.length === 0) continue;
      const transactions = await this.client.searchJson(
        'transactions',
        [
          { field: 'ObjectType', value: 'RT::Ticket' },
          { field: 'ObjectId', operator: 'IN', value: part },
          { field: 'Type', operator: 'IN', value: types },
        ],
        'Type,Created,Creator,ObjectId',
      );
      if (transactions.length === 0) continue;
      const bodies = new Map<number, string>();
      for (const ids of chunks(transactions.map((t) => Number(t.id)), KEYS_PER_SEARCH * 5)) {
        const attachments = await this.client.searchJson(
          'attachments',
          [
            { field: 'TransactionId', operator: 'IN', value: ids },
            { field: 'ContentType', value: 'text/plain' },
          ],
          'TransactionId,Content',
        );
        for (const attachment of attachments) {
          const transaction = Number(attachment.TransactionId);
          if (!bodies.has(transaction)) bodies.set(transaction, String(attachment.Content ?? ''));
        }
      }
      for (const t of transactions) {
        result.push({
          ticket: Number(t.ObjectId),
          transaction: Number(t.id),
          type: String(t.Type),
          author: String((t.Creator as RtRef | undefined)?.id ?? ''),
          createdAt: rtTime(t.Created) ?? new Date(0).toISOString(),
          body: (bodies.get(Number(t.id)) ?? '').replace(/\n+$/, ''),
        });
      }
    }
    return result.sort((a, b) => (a.createdAt === b.createdAt ? a.transaction - b.transaction : a.createdAt < b.createdAt ? -1 : 1));
  }

  async ticketsByIds(ids: readonly string[]): Promise<(TicketRecord | null)[]> {
    const found = await this.searchByIds(ids.map(rtIdOf).filter((id): id is number => id !== null));
    return ids.map((id) => {
      const rtId = rtIdOf(id);
      return rtId === null ? null : (found.get(rtId) ?? null);
    });
  }

  async ticketsByNumbers(numbers: readonly string[]): Promise<(TicketRecord | null)[]> {
    const prefix = this.mapping.numberPrefix;
    const idOf = (number: string) => (number.startsWith(prefix) ? rtIdOf(`${ID_PREFIX}${number.slice(prefix.length)}`) : null);
    const found = await this.searchByIds(numbers.map(idOf).filter((id): id is number => id !== null));
    return numbers.map((number) => {
      const rtId = idOf(number);
      return rtId === null ? null : (found.get(rtId) ?? null);
    });
  }

  async ticketsByRequesterIds(requesterIds: readonly string[], statuses: readonly TicketStatus[] | null, page: PageArgs): Promise<Page<TicketRecord>[]> {
    const byRequester = new Map<string, TicketRecord[]>(requesterIds.map((id) => [id, []]));
    for (const part of chunks([...new Set(requesterIds)], KEYS_PER_SEARCH)) {
      const drafts = await this.search(this.baseQuery(`(${part.map((id) => this.requesterClause(id)).join(' OR ')})`, this.statusClause(statuses)));
      for (const { record } of drafts) if (record.requesterId !== null) byRequester.get(record.requesterId)?.push(record);
    }
    return requesterIds.map((id) => paged(CUSTOMER_TICKETS_CURSOR, byRequester.get(id) ?? [], page));
  }

  async ticketsByAssignee(assigneeId: string, statuses: readonly TicketStatus[] | null, page: PageArgs): Promise<Page<TicketRecord>> {
    const drafts = await this.search(this.baseQuery(`Owner = ${tsqlString(this.ownerOf(assigneeId))}`, this.statusClause(statuses)));
    return paged(ASSIGNED_TICKETS_CURSOR, drafts.map((d) => d.record), page);
  }

  async ticketsByRelatedCallIds(callIds: readonly string[]): Promise<TicketRecord[][]> {
    const field = this.mapping.customFields.relatedCall;
    const byCall = new Map<string, TicketRecord[]>(callIds.map((id) => [id, []]));
    for (const part of chunks([...new Set(callIds)], KEYS_PER_SEARCH)) {
      const clause = `(${part.map((id) => `CF.{${field}} = ${tsqlString(id)}`).join(' OR ')})`;
      for (const { record } of await this.search(this.baseQuery(clause))) {
        if (record.relatedCallId !== null) byCall.get(record.relatedCallId)?.push(record);
      }
    }
    return callIds.map((id) => (byCall.get(id) ?? []).sort(newestFirst));
  }

  async commentsByTicketIds(ticketIds: readonly string[], first: number): Promise<TicketCommentRecord[][]> {
    if (first <= 0) return ticketIds.map(() => []);
    const rtIds = ticketIds.map(rtIdOf).filter((id): id is number => id !== null);
    const contents = await this.transactionContents(rtIds, ['Comment', 'Correspond']);
    return ticketIds.map((id) =>
      contents
        .filter((c) => `${ID_PREFIX}${c.ticket}` === id)
        .slice(0, first)
        .map((c) => ({ id: `tcm_rt${c.transaction}`, ticketId: id, author: c.author, body: c.body, public: c.type === 'Correspond', createdAt: c.createdAt })),
    );
  }

  // ----- writes --------------------------------------------------------------------------

  /** Attaches the local copy (`open.ts`): reports read it, creates write through to it, `close()` stops its sync. */
  attachCopy(copy: RtLocalCopy): void {
    this.copyOf = copy;
  }

  /** The local copy the sync keeps; null when opened without one (the port suite). */
  get localCopy(): RtLocalCopy | null {
    return this.copyOf;
  }

  /**
   * Creates in RT (RT records no assigner: `assignedBy` is kept in the local copy only, which
   * this writes through to as `switchboard`; the fields RT owns are RT's once the sync copies
   * the ticket, whatever this wrote first).
   */
  async createTicket(input: CreateTicketInput, assignedBy: string | null = null): Promise<TicketRecord> {
    const normalised = normaliseCreateTicketInput(input);
    this.assertClassifiable(normalised.category, normalised.tags, 'input.');
    const pending = this.creating.get(normalised.idempotencyKey);
    if (pending) {
      await pending.catch(() => undefined);
      return this.createTicket(input, assignedBy);
    }
    const run = this.createOnce(normalised);
    this.creating.set(normalised.idempotencyKey, run);
    let created: TicketRecord;
    try {
      created = await run;
    } finally {
      this.creating.delete(normalised.idempotencyKey);
    }
    if (this.copyOf) {
      const record = { ...created, assignedBy: normalised.assigneeId === null ? null : assignedBy };
      // The ticket is in RT either way; the copy catches up at the next sync pass.
      await this.copyOf.copy.write([record], 'switchboard').catch((error: unknown) => log.warn({ err: (error as Error).message, ticket: created.number }, 'writing the new ticket into the local copy failed'));
    }
    return created;
  }

  /** The tickets (oldest first) whose idempotency field holds `key`. */
  private async byIdempotencyKey(key: string): Promise<Draft[]> {
    // LIKE finds the value among `<fingerprint>:<key>`; the exact key is checked here.
    const field = this.mapping.customFields.idempotencyKey;
    const drafts = await this.search(this.baseQuery(`CF.{${field}} LIKE ${tsqlString(`:${key}`)}`));
    return drafts.filter((d) => d.record.idempotencyKey === key).sort((a, b) => a.rtId - b.rtId);
  }

  private replayOrConflict(existing: Draft, input: NormalisedTicketInput, fingerprint: string): TicketRecord {
    if (existing.fingerprint !== fingerprint) {
      throw conflict(`The idempotency key ${JSON.stringify(input.idempotencyKey)} was already used for ticket ${existing.record.number} with different input.`, {
        argumentName: 'input.idempotencyKey',
        ticketId: existing.record.id,
      });
    }
    return existing.record;
  }

  private async createOnce(input: NormalisedTicketInput): Promise<TicketRecord> {
    const fingerprint = createHash('sha256').update(inputFingerprint(input)).digest('hex').slice(0, 32);
    const [existing] = await this.byIdempotencyKey(input.idempotencyKey);
    if (existing) return this.replayOrConflict(existing, input, fingerprint);
    const custom = this.mapping.customFields;
    const customFields: Record<string, string> = {
      [custom.idempotencyKey]: `${fingerprint}:${input.idempotencyKey}`,
      ...(input.relatedCallId === null ? {} : { [custom.relatedCall]: input.relatedCallId }),
      ...(custom.channel === undefined ? {} : { [custom.channel]: input.channel }),
      ...(custom.category === undefined || input.category === null ? {} : { [custom.category]: input.category }),
    };
    const created = (await this.client.write('POST', '/ticket', {
      Queue: this.mapping.queue,
      Subject: input.subject,
      Requestor: this.requesterKey(input.requesterId),
      Priority: this.mapping.priorities.toRt[input.priority],
      ...(input.assigneeId === null ? {} : { Owner: this.ownerOf(input.assigneeId) }),
      Content: input.description,
      ContentType: 'text/plain',
      CustomFields: customFields,
    })) as { id?: unknown };
    const rtId = Number(created?.id);
    if (!Number.isInteger(rtId) || rtId <= 0) throw switchboardError('SUBGRAPH_UNAVAILABLE', `Request Tracker did not create the ticket: ${JSON.stringify(created)}.`, { system: 'rt' });
    // Another Switchboard instance may have created one with this key meanwhile: the oldest
    // wins, ours is deleted (RT has no unique constraint to do this for us).
    const all = await this.byIdempotencyKey(input.idempotencyKey);
    const winner = all[0];
    if (winner && winner.rtId !== rtId) {
      await this.client.write('PUT', `/ticket/${rtId}`, { Status: 'deleted' });
      return this.replayOrConflict(winner, input, fingerprint);
    }
    const ours = all.find((d) => d.rtId === rtId);
    if (!ours) throw switchboardError('SUBGRAPH_UNAVAILABLE', `Request Tracker created ticket ${rtId} but does not return it in queue ${this.mapping.queue}.`, { system: 'rt' });
    return ours.record;
  }

  async changeStatus(id: string, status: TicketStatus): Promise<TicketRecord> {
    const [current] = await this.ticketsByIds([id]);
    if (!current) throw notFound('Ticket', id);
    assertTransition(current.status, status);
    const rtId = rtIdOf(id)!;
    const target = this.mapping.statuses.toRt[status];
    const messages = await this.client.write('PUT', `/ticket/${rtId}`, { Status: target });
    if (status === 'CLOSED' && current.solvedAt !== null) {
      // RT stamps Resolved again on every move into an inactive status; CLOSED keeps the solve time.
      await this.client.write('PUT', `/ticket/${rtId}`, { Resolved: current.solvedAt.replace('T', ' ').replace(/\.\d+Z$/, '') });
    }
    const [after] = await this.ticketsByIds([id]);
    if (!after || after.status !== this.mapping.statuses.fromRt[target]) {
      throw switchboardError('SUBGRAPH_UNAVAILABLE', `Request Tracker did not move ticket ${current.number} to "${target}": ${JSON.stringify(messages)}.`, { system: 'rt' });
    }
    return after;
  }

  /** Writes the category into the mapping's category field; tags are refused (see `assertClassifiable`). */
  async classifyTicket(id: string, category: string | null, tags: readonly string[]): Promise<TicketRecord> {
    const classification = assertClassification(category, tags);
    this.assertClassifiable(classification.category, classification.tags, '');
    const [current] = await this.ticketsByIds([id]);
    if (!current) throw notFound('Ticket', id);
    const field = this.mapping.customFields.category;
    if (field === undefined) return current; // nothing to clear: this RT keeps no category
    await this.client.write('PUT', `/ticket/${rtIdOf(id)!}`, { CustomFields: { [field]: classification.category ?? '' } });
    const [after] = await this.ticketsByIds([id]);
    if (!after || after.category !== classification.category) {
      throw switchboardError('SUBGRAPH_UNAVAILABLE', `Request Tracker did not store the category of ticket ${current.number}.`, { system: 'rt' });
    }
    return after;
  }

  /** RT keeps no agent directory with teams: every agent's team is unknown (supervisors assign only themselves). */
  async agentTeams(agentIds: readonly string[]): Promise<(string | null)[]> {
    return agentIds.map(() => null);
  }

  /** Demo data is never written into a company's ticket system. */
  async loadSeed(part: TicketsSeed): Promise<void> {
    if (part.tickets.length === 0 && part.comments.length === 0) return;
    throw new Error('The RT ticket source does not take seed data: load demo data into the embedded store (TICKETS_SOURCE=embedded).');
  }

  /** Never "empty": the demo seed must not go into RT. */
  async isEmpty(): Promise<boolean> {
    return false;
  }

  async ping(): Promise<void> {
    const queue = await this.client.get(`/queue/${encodeURIComponent(this.mapping.queue)}`);
    if (queue === null) throw new Error(`Request Tracker has no queue "${this.mapping.queue}" (the mapping file's queue) visible to RT_TOKEN's user.`);
  }

  /** Reports over the synced copy, saying how fresh it is (`synced-reports.ts`); refused without a copy. */
  reports(): TicketReportsSource {
    if (this.copyOf) return (this.reportsOf ??= new SyncedTicketReports(this.copyOf.store, this.copyOf.runner));
    const refuse = async (): Promise<never> => {
      throw switchboardError('SUBGRAPH_UNAVAILABLE', 'Ticket reports need ticket data at rest; this RT source was opened without its local copy.', { system: 'rt', reason: 'SYNC_NOT_CONFIGURED' });
    };
    return { ticketMetrics: refuse, ticketSummaries: refuse, ticketMetricsByTier: refuse, ticketReasonsByTier: refuse, ticketJourneys: refuse };
  }

  private reportsOf: TicketReportsSource | undefined;

  async close(): Promise<void> {
    await Promise.allSettled(this.creating.values());
    if (this.copyOf) {
      await this.copyOf.runner.close();
      await this.copyOf.store.close();
    }
  }
}
