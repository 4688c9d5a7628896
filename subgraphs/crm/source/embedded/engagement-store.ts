/**
 * The engagement adapter over Kysely (SQLite and PostgreSQL, each query written once):
 * channel identities, conversations, leads, opportunities, shipment events. Writes validate
 * everything before the first statement and run in one transaction; creations keyed by an
 * idempotency key return the first result on a retry (unique index + request hash).
 */
import { recordChangeEvents } from '../../../shared/change-events/record.js';
import { conversationClosedEvent, leadCreatedEvent, leadStatusChangedEvent } from '../change-events.js';
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { badUserInput, conflict, notFound } from '../../../../schema/errors.js';
import type { Database } from '../../../shared/database.js';
import { toPage, type Page, type PageArgs } from '../../../shared/pagination.js';
import {
  CONVERSATION_LIMITS,
  EngagementCursor,
  MAX_INTERACTION_STAMPS,
  normaliseIdentity,
  type ConvertLeadInput,
  type CreateLeadInput,
  type EngagementSource,
  type LeadConversionRecord,
  type MessageInput,
  type ParticipantInput,
  type StartConversationInput,
  type UpdateConversationInput,
} from '../engagement-port.js';
import { EMAIL_PATTERN, runtimeId } from '../validation.js';
import { DEFAULT_CUSTOMER_STATUS } from '../customer-status.js';
import type {
  AttachmentRecord,
  ChannelIdentityKind,
  ChannelIdentityRecord,
  ConversationMessageRecord,
  ConversationRecord,
  EngagementSeed,
  LeadRecord,
  LeadStatus,
  OpportunityRecord,
  ParticipantRecord,
  ShipmentEventRecord,
} from '../engagement-records.js';
import type { ConversationsTable, LeadsTable, OpportunitiesTable } from './engagement-tables.js';
import { checkLeadTransition } from '../lead-status.js';
import { toCents, fromCents } from '../money.js';
import type { CrmTables } from './tables.js';
import { pagesByCustomer } from '../sql-pages.js';

const SEED_BATCH_ROWS = 500;
const unique = (values: readonly string[]): string[] => [...new Set(values)];
const hashOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

function checkKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length === 0 || trimmed.length > CONVERSATION_LIMITS.idempotencyKey) {
    throw badUserInput(`An idempotency key must have 1 to ${CONVERSATION_LIMITS.idempotencyKey} characters.`, { argumentName: 'idempotencyKey' });
  }
  return trimmed;
}

function optionalText(value: string | null | undefined, max: number, argumentName: string): string | null {
  if (value == null) return null;
  const text = value.trim();
  if (text.length > max) throw badUserInput(`\`${argumentName}\` must be at most ${max} characters, got ${text.length}.`, { argumentName });
  return text === '' ? null : text;
}

function requiredText(value: string, max: number, argumentName: string): string {
  const text = optionalText(value, max, argumentName);
  if (text === null) throw badUserInput(`\`${argumentName}\` must not be empty.`, { argumentName });
  return text;
}

function instant(value: string | null | undefined, argumentName: string, fallback: string): string {
  if (value == null) return fallback;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badUserInput(`${JSON.stringify(value)} is not a timestamp.`, { argumentName });
  return new Date(ms).toISOString();
}

function participants(input: readonly ParticipantInput[] | null | undefined): ParticipantRecord[] {
  const list = (input ?? []).map((p, i) => ({ role: p.role, id: requiredText(p.id, 128, `participants[${i}].id`), name: optionalText(p.name, 200, `participants[${i}].name`) }));
  if (list.length > CONVERSATION_LIMITS.participants) throw badUserInput(`At most ${CONVERSATION_LIMITS.participants} participants.`, { argumentName: 'participants' });
  return list;
}

/** Validated messages, in input order, without repeats of one id (the first wins). */
function messages(input: readonly MessageInput[], now: string): ConversationMessageRecord[] {
  if (input.length > CONVERSATION_LIMITS.messagesPerCall) {
    throw badUserInput(`At most ${CONVERSATION_LIMITS.messagesPerCall} messages per request, got ${input.length}.`, { argumentName: 'messages' });
  }
  const seen = new Set<string>();
  const out: ConversationMessageRecord[] = [];
  input.forEach((m, i) => {
    const id = requiredText(m.id, 128, `messages[${i}].id`);
    const text = m.text.trim();
    if (text.length > CONVERSATION_LIMITS.messageText) {
      throw badUserInput(`A message text is at most ${CONVERSATION_LIMITS.messageText} characters; messages[${i}] has ${text.length}.`, { argumentName: `messages[${i}].text` });
    }
    const attachments = m.attachments ?? [];
    if (attachments.length > CONVERSATION_LIMITS.attachmentsPerMessage) {
      throw badUserInput(`At most ${CONVERSATION_LIMITS.attachmentsPerMessage} attachments per message; messages[${i}] has ${attachments.length}.`, { argumentName: `messages[${i}].attachments` });
    }
    if (text === '' && attachments.length === 0) throw badUserInput(`messages[${i}] has neither text nor attachments.`, { argumentName: `messages[${i}]` });
    const refs: AttachmentRecord[] = attachments.map((a, j) => ({
      url: requiredText(a.url ?? '', 2048, `messages[${i}].attachments[${j}].url`),
      name: optionalText(a.name, 255, `messages[${i}].attachments[${j}].name`),
      contentType: optionalText(a.contentType, 255, `messages[${i}].attachments[${j}].contentType`),
      sizeBytes: a.sizeBytes == null ? null : Math.max(0, Math.trunc(a.sizeBytes)),
    }));
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ id, from: m.from, senderId: optionalText(m.senderId, 128, `messages[${i}].senderId`), at: instant(m.at, `messages[${i}].at`, now), text, attachments: refs });
  });
  return out;
}

type ConversationRow = Selectable<ConversationsTable>;
type LeadRow = Selectable<LeadsTable>;
type OpportunityRow = Selectable<OpportunitiesTable>;

function toConversation(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    channel: row.channel as ConversationRecord['channel'],
    externalId: row.external_id,
    customerId: row.customer_id,
    status: row.status as ConversationRecord['status'],
    participants: JSON.parse(row.participants) as ParticipantRecord[],
    summary: row.summary,
    intent: row.intent,
    outcome: row.outcome as ConversationRecord['outcome'],
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

function toLead(row: LeadRow): LeadRecord {
  return {
    id: row.id,
    name: row.name,
    customerId: row.customer_id,
    sourceChannel: row.source_channel as LeadRecord['sourceChannel'],
    status: row.status as LeadStatus,
    externalStatus: row.external_status,
    interest: row.interest,
    ownerId: row.owner_id,
    conversationId: row.conversation_id,
    opportunityId: row.opportunity_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    convertedAt: row.converted_at,
  };
}

function toOpportunity(row: OpportunityRow): OpportunityRecord {
  return {
    id: row.id,
    name: row.name,
    customerId: row.customer_id,
    stage: row.stage as OpportunityRecord['stage'],
    externalStage: row.external_stage,
    amount: row.amount,
    currency: row.currency,
    ownerId: row.owner_id,
    leadId: row.lead_id,
    createdAt: row.created_at,
  };
}

function leadRow(lead: LeadRecord, idempotencyKey: string, requestHash: string): LeadsTable {
  return {
    id: lead.id,
    idempotency_key: idempotencyKey,
    request_hash: requestHash,
    name: lead.name,
    customer_id: lead.customerId,
    source_channel: lead.sourceChannel,
    status: lead.status,
    external_status: lead.externalStatus,
    interest: lead.interest,
    owner_id: lead.ownerId,
    conversation_id: lead.conversationId,
    opportunity_id: lead.opportunityId,
    created_by: lead.createdBy,
    created_at: lead.createdAt,
    updated_at: lead.updatedAt,
    converted_at: lead.convertedAt,
  };
}

export class SqlEngagementStore implements EngagementSource {
  private readonly db: Kysely<CrmTables>;

  constructor(database: Database<CrmTables>) {
    this.db = database.db;
  }

  // ---- identities --------------------------------------------------------------------

  async customerIdsByIdentity(kind: ChannelIdentityKind, value: string): Promise<string[]> {
    const linked = this.db.selectFrom('customer_identities').select('customer_id').where('kind', '=', kind).where('value', '=', value);
    const rows =
      kind === 'EMAIL'
        ? await linked.union(this.db.selectFrom('customer_emails').select('customer_id').where('email', '=', value)).execute()
        : await linked.execute();
    // Only customers that exist (an identity may outlive a deleted customer).
    const ids = unique(rows.map((r) => r.customer_id));
    if (ids.length === 0) return [];
    const existing = await this.db.selectFrom('customers').select('id').where('id', 'in', ids).orderBy('id').execute();
    return existing.map((r) => r.id);
  }

  async identitiesByCustomerIds(ids: readonly string[]): Promise<ChannelIdentityRecord[][]> {
    const wanted = unique(ids);
    if (wanted.length === 0) return ids.map(() => []);
    const rows = await this.db.selectFrom('customer_identities').selectAll().where('customer_id', 'in', wanted).orderBy('kind').orderBy('value').execute();
    const by = new Map<string, ChannelIdentityRecord[]>();
    for (const row of rows) {
      const list = by.get(row.customer_id) ?? [];
      list.push({ customerId: row.customer_id, kind: row.kind as ChannelIdentityKind, value: row.value });
      by.set(row.customer_id, list);
    }
    return ids.map((id) => by.get(id) ?? []);
  }

  async linkIdentity(customerId: string, kind: ChannelIdentityKind, value: string): Promise<void> {
    const normalised = normaliseIdentity(kind, value);
    await this.db.transaction().execute(async (trx) => {
      await this.requireCustomer(trx, customerId);
      await trx
        .insertInto('customer_identities')
        .values({ customer_id: customerId, kind, value: normalised, created_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['kind', 'value', 'customer_id']).doNothing())
        .execute();
    });
  }

  // ---- conversations -----------------------------------------------------------------

  async conversationsByIds(ids: readonly string[]): Promise<(ConversationRecord | null)[]> {
    const wanted = unique(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const rows = await this.db.selectFrom('conversations').selectAll().where('id', 'in', wanted).execute();
    const by = new Map(rows.map((row) => [row.id, toConversation(row)]));
    return ids.map((id) => by.get(id) ?? null);
  }

  async messagesByConversationIds(ids: readonly string[]): Promise<ConversationMessageRecord[][]> {
    const wanted = unique(ids);
    if (wanted.length === 0) return ids.map(() => []);
    const rows = await this.db
      .selectFrom('conversation_messages')
      .selectAll()
      .where('conversation_id', 'in', wanted)
      .orderBy('conversation_id')
      .orderBy('position')
      .execute();
    const by = new Map<string, ConversationMessageRecord[]>();
    for (const row of rows) {
      const list = by.get(row.conversation_id) ?? [];
      list.push({
        id: row.message_id,
        from: row.sender_role as ConversationMessageRecord['from'],
        senderId: row.sender_id,
        at: row.at,
        text: row.text,
        attachments: JSON.parse(row.attachments) as AttachmentRecord[],
      });
      by.set(row.conversation_id, list);
    }
    return ids.map((id) => by.get(id) ?? []);
  }

  async conversationsByCustomerIds(ids: readonly string[], page: PageArgs): Promise<Page<ConversationRecord>[]> {
    const pages = await pagesByCustomer<ConversationRow>(this.db, sql.table('conversations'), 'started_at', ids, page, null);
    return ids.map((id) => {
      const { rows, total } = pages.get(id) ?? { rows: [], total: 0 };
      return toPage(EngagementCursor.conversations, rows.map(toConversation), page.first, total, (c) => ({ key: c.startedAt, id: c.id }));
    });
  }

  async conversationStampsByCustomerIds(ids: readonly string[]): Promise<{ id: string; at: string }[][]> {
    const pages = await pagesByCustomer<ConversationRow>(this.db, sql.table('conversations'), 'started_at', ids, { first: MAX_INTERACTION_STAMPS - 1, after: null }, null);
    return ids.map((id) => (pages.get(id)?.rows ?? []).map((row) => ({ id: row.id, at: row.started_at })));
  }

  async startConversation(input: StartConversationInput): Promise<ConversationRecord> {
    const key = checkKey(input.idempotencyKey);
    const now = new Date().toISOString();
    const people = participants(input.participants);
    const firstMessages = messages(input.messages ?? [], now);
    const externalId = optionalText(input.externalId, 255, 'externalId');
    const customerId = input.customerId ?? null;
    const requestHash = hashOf([input.channel, externalId, customerId, people, firstMessages.map((m) => [m.id, m.from, m.text])]);
    const id = runtimeId('conv');
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('conversations').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
      if (existing) {
        if (existing.request_hash !== requestHash) throw conflict(`The idempotency key ${JSON.stringify(key)} was used for another conversation.`, { argumentName: 'idempotencyKey', conversationId: existing.id });
        return toConversation(existing);
      }
      if (customerId !== null) await this.requireCustomer(trx, customerId);
      const inserted = await trx
        .insertInto('conversations')
        .values({
          id,
          idempotency_key: key,
          request_hash: requestHash,
          channel: input.channel,
          external_id: externalId,
          customer_id: customerId,
          status: 'OPEN',
          participants: JSON.stringify(people),
          summary: null,
          intent: null,
          outcome: null,
          message_count: 0,
          started_at: now,
          updated_at: now,
          closed_at: null,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .executeTakeFirst();
      // A concurrent request with the same key won: return its conversation.
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
        const winner = await trx.selectFrom('conversations').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow();
        return toConversation(winner);
      }
      await this.insertMessages(trx, id, 0, firstMessages, now);
      if (customerId !== null) await this.touchCustomer(trx, customerId, now);
      return toConversation(await trx.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });
  }

  async appendMessages(conversationId: string, input: MessageInput[]): Promise<ConversationRecord> {
    const now = new Date().toISOString();
    const list = messages(input, now);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('conversations').selectAll().where('id', '=', conversationId).executeTakeFirst();
      if (!row) throw notFound('Conversation', conversationId);
      const present = list.length === 0 ? [] : await trx.selectFrom('conversation_messages').select('message_id').where('conversation_id', '=', conversationId).where('message_id', 'in', list.map((m) => m.id)).execute();
      const known = new Set(present.map((p) => p.message_id));
      const fresh = list.filter((m) => !known.has(m.id));
      if (fresh.length === 0) return toConversation(row);
      if (row.status === 'CLOSED') throw badUserInput(`Conversation ${conversationId} is closed: start a new one.`, { argumentName: 'conversationId' });
      const count = Number(row.message_count);
      if (count + fresh.length > CONVERSATION_LIMITS.messagesPerConversation) {
        throw badUserInput(`A conversation holds at most ${CONVERSATION_LIMITS.messagesPerConversation} messages (${count} already): start a new one.`, { argumentName: 'messages' });
      }
      await this.insertMessages(trx, conversationId, count, fresh, now);
      if (row.customer_id !== null) await this.touchCustomer(trx, row.customer_id, now);
      return toConversation(await trx.selectFrom('conversations').selectAll().where('id', '=', conversationId).executeTakeFirstOrThrow());
    });
  }

  async updateConversation(input: UpdateConversationInput): Promise<ConversationRecord> {
    const summary = optionalText(input.summary, CONVERSATION_LIMITS.summary, 'summary');
    const intent = optionalText(input.intent, CONVERSATION_LIMITS.intent, 'intent');
    const added = participants(input.participants);
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('conversations').selectAll().where('id', '=', input.conversationId).executeTakeFirst();
      if (!row) throw notFound('Conversation', input.conversationId);
      if (row.status === 'CLOSED' && input.status != null && input.status !== 'CLOSED') {
        throw badUserInput(`Conversation ${row.id} is closed; CLOSED is final.`, { argumentName: 'status' });
      }
      if (input.customerId != null) await this.requireCustomer(trx, input.customerId);
      const people = JSON.parse(row.participants) as ParticipantRecord[];
      for (const p of added) if (!people.some((q) => q.role === p.role && q.id === p.id)) people.push(p);
      if (people.length > CONVERSATION_LIMITS.participants) throw badUserInput(`At most ${CONVERSATION_LIMITS.participants} participants.`, { argumentName: 'participants' });
      const status = input.status ?? (row.status as ConversationRecord['status']);
      await trx
        .updateTable('conversations')
        .set({
          summary: input.summary === undefined ? row.summary : summary,
          intent: input.intent === undefined ? row.intent : intent,
          outcome: input.outcome ?? row.outcome,
          status,
          customer_id: input.customerId ?? row.customer_id,
          participants: JSON.stringify(people),
          updated_at: now,
          closed_at: status === 'CLOSED' ? (row.closed_at ?? now) : null,
        })
        .where('id', '=', row.id)
        .execute();
      const updated = toConversation(await trx.selectFrom('conversations').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow());
      if (status === 'CLOSED' && row.status !== 'CLOSED') await recordChangeEvents(trx, [conversationClosedEvent(updated, now)]);
      return updated;
    });
  }

  private async insertMessages(trx: Transaction<CrmTables>, conversationId: string, start: number, list: ConversationMessageRecord[], now: string): Promise<void> {
    if (list.length === 0) return;
    await trx
      .insertInto('conversation_messages')
      .values(
        list.map((m, i) => ({
          conversation_id: conversationId,
          message_id: m.id,
          position: start + i,
          sender_role: m.from,
          sender_id: m.senderId,
          at: m.at,
          text: m.text,
          attachments: JSON.stringify(m.attachments),
        })),
      )
      .execute();
    await trx.updateTable('conversations').set({ message_count: start + list.length, updated_at: now }).where('id', '=', conversationId).execute();
  }

  // ---- leads and opportunities -------------------------------------------------------

  async leadsByIds(ids: readonly string[]): Promise<(LeadRecord | null)[]> {
    const wanted = unique(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const rows = await this.db.selectFrom('leads').selectAll().where('id', 'in', wanted).execute();
    const by = new Map(rows.map((row) => [row.id, toLead(row)]));
    return ids.map((id) => by.get(id) ?? null);
  }

  async leadsByCustomerIds(ids: readonly string[], page: PageArgs): Promise<Page<LeadRecord>[]> {
    const pages = await pagesByCustomer<LeadRow>(this.db, sql.table('leads'), 'created_at', ids, page, null);
    return ids.map((id) => {
      const { rows, total } = pages.get(id) ?? { rows: [], total: 0 };
      return toPage(EngagementCursor.customerLeads, rows.map(toLead), page.first, total, (l) => ({ key: l.createdAt, id: l.id }));
    });
  }

  async searchLeads(filter: { statuses?: readonly LeadStatus[] | null; ownerId?: string | null }, page: PageArgs): Promise<Page<LeadRecord>> {
    const filtered = () => {
      let query = this.db.selectFrom('leads');
      if (filter.statuses && filter.statuses.length > 0) query = query.where('status', 'in', [...filter.statuses]);
      if (filter.ownerId != null) query = query.where('owner_id', '=', filter.ownerId);
      return query;
    };
    let pageQuery = filtered().selectAll();
    const after = page.after;
    if (after) pageQuery = pageQuery.where((eb) => eb.or([eb('created_at', '<', after.key), eb.and([eb('created_at', '=', after.key), eb('id', '<', after.id)])]));
    const [rows, count] = await Promise.all([
      pageQuery.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.first + 1).execute(),
      filtered()
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return toPage(EngagementCursor.leads, rows.map(toLead), page.first, Number(count.n), (l) => ({ key: l.createdAt, id: l.id }));
  }

  async createLead(input: CreateLeadInput, createdBy: string): Promise<LeadRecord> {
    const key = checkKey(input.idempotencyKey);
    const name = requiredText(input.name, 200, 'name');
    const interest = optionalText(input.interest, 1000, 'interest');
    const customerId = input.customerId ?? null;
    const conversationId = input.conversationId ?? null;
    const ownerId = input.ownerId ?? null;
    const requestHash = hashOf([name, input.sourceChannel, customerId, conversationId, interest, ownerId]);
    const now = new Date().toISOString();
    const lead: LeadRecord = {
      id: runtimeId('lead'),
      name,
      customerId,
      sourceChannel: input.sourceChannel,
      status: 'NEW',
      externalStatus: null,
      interest,
      ownerId,
      conversationId,
      opportunityId: null,
      createdBy,
      createdAt: now,
      updatedAt: now,
      convertedAt: null,
    };
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('leads').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
      if (existing) {
        if (existing.request_hash !== requestHash) throw conflict(`The idempotency key ${JSON.stringify(key)} was used for another lead.`, { argumentName: 'idempotencyKey', leadId: existing.id });
        return toLead(existing);
      }
      if (customerId !== null) await this.requireCustomer(trx, customerId);
      if (conversationId !== null) {
        const conversation = await trx.selectFrom('conversations').select('id').where('id', '=', conversationId).executeTakeFirst();
        if (!conversation) throw notFound('Conversation', conversationId);
      }
      if (ownerId !== null) {
        const owner = await trx.selectFrom('owners').select('id').where('id', '=', ownerId).executeTakeFirst();
        if (!owner) throw notFound('AccountOwner', ownerId);
      }
      const inserted = await trx
        .insertInto('leads')
        .values(leadRow(lead, key, requestHash))
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
        return toLead(await trx.selectFrom('leads').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow());
      }
      await recordChangeEvents(trx, [leadCreatedEvent(lead)]);
      return lead;
    });
  }

  async changeLeadStatus(leadId: string, status: LeadStatus, externalStatus: string | null): Promise<LeadRecord> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('leads').selectAll().where('id', '=', leadId).executeTakeFirst();
      if (!row) throw notFound('Lead', leadId);
      const from = row.status as LeadStatus;
      if (from !== status) checkLeadTransition(from, status);
      const now = new Date().toISOString();
      await trx.updateTable('leads').set({ status, external_status: externalStatus, updated_at: now }).where('id', '=', leadId).execute();
      if (from !== status) await recordChangeEvents(trx, [leadStatusChangedEvent(leadId, from, status, externalStatus, now)]);
      return { ...toLead(row), status, externalStatus, updatedAt: now };
    });
  }

  async convertLead(input: ConvertLeadInput): Promise<LeadConversionRecord> {
    const newCustomer = input.newCustomer ?? null;
    const displayName = newCustomer ? requiredText(newCustomer.displayName, 200, 'newCustomer.displayName') : null;
    const emails = unique((newCustomer?.emails ?? []).map((raw, i) => {
      const email = raw.trim().toLowerCase();
      if (!EMAIL_PATTERN.test(email)) throw badUserInput(`${JSON.stringify(raw)} is not an email address.`, { argumentName: `newCustomer.emails[${i}]` });
      return email;
    }));
    const opportunity = input.opportunity ?? null;
    const opportunityName = opportunity ? requiredText(opportunity.name, 200, 'opportunity.name') : null;
    let amount: string | null = null;
    if (opportunity?.amount != null) {
      try {
        amount = fromCents(toCents(opportunity.amount));
      } catch {
        throw badUserInput(`${JSON.stringify(opportunity.amount)} is not an amount.`, { argumentName: 'opportunity.amount' });
      }
    }
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('leads').selectAll().where('id', '=', input.leadId).executeTakeFirst();
      if (!row) throw notFound('Lead', input.leadId);
      if (row.status === 'CONVERTED') {
        const existing = row.opportunity_id === null ? null : await trx.selectFrom('opportunities').selectAll().where('id', '=', row.opportunity_id).executeTakeFirst();
        return { lead: toLead(row), customerId: row.customer_id!, opportunity: existing ? toOpportunity(existing) : null };
      }
      if (row.status === 'LOST') throw badUserInput(`Lead ${row.id} is LOST; move it to NEW before converting it.`, { argumentName: 'leadId' });
      let customerId = row.customer_id;
      if (customerId === null) {
        if (displayName === null) throw badUserInput(`Lead ${row.id} has no customer: give \`newCustomer\`.`, { argumentName: 'newCustomer' });
        customerId = runtimeId('cus');
        await trx
          .insertInto('customers')
          .values({
            id: customerId,
            display_name: displayName,
            tier: newCustomer?.tier ?? 'STANDARD',
            status: DEFAULT_CUSTOMER_STATUS,
            company_name: null,
            company_industry: null,
            tags: '[]',
            owner_id: row.owner_id,
            national_id: null,
            created_at: now,
            updated_at: now,
            last_contact_at: null,
          })
          .execute();
        if (emails.length > 0) await trx.insertInto('customer_emails').values(emails.map((email, position) => ({ customer_id: customerId!, position, email }))).execute();
      }
      let created: OpportunityRecord | null = null;
      if (opportunityName !== null) {
        created = {
          id: runtimeId('opp'),
          name: opportunityName,
          customerId,
          stage: opportunity?.stage ?? 'PROSPECTING',
          externalStage: null,
          amount,
          currency: (opportunity?.currency ?? 'CNY').trim().toUpperCase(),
          ownerId: row.owner_id,
          leadId: row.id,
          createdAt: now,
        };
        await trx
          .insertInto('opportunities')
          .values({
            id: created.id,
            name: created.name,
            customer_id: created.customerId,
            stage: created.stage,
            external_stage: null,
            amount: created.amount,
            currency: created.currency,
            owner_id: created.ownerId,
            lead_id: created.leadId,
            created_at: now,
          })
          .execute();
      }
      await trx
        .updateTable('leads')
        .set({ status: 'CONVERTED', customer_id: customerId, opportunity_id: created?.id ?? null, converted_at: now, updated_at: now })
        .where('id', '=', row.id)
        .execute();
      const lead = toLead(await trx.selectFrom('leads').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow());
      await recordChangeEvents(trx, [leadStatusChangedEvent(row.id, row.status, 'CONVERTED', null, now)]);
      return { lead, customerId, opportunity: created };
    });
  }

  async opportunitiesByIds(ids: readonly string[]): Promise<(OpportunityRecord | null)[]> {
    const wanted = unique(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const rows = await this.db.selectFrom('opportunities').selectAll().where('id', 'in', wanted).execute();
    const by = new Map(rows.map((row) => [row.id, toOpportunity(row)]));
    return ids.map((id) => by.get(id) ?? null);
  }

  async opportunitiesByCustomerIds(ids: readonly string[]): Promise<OpportunityRecord[][]> {
    const wanted = unique(ids);
    if (wanted.length === 0) return ids.map(() => []);
    const rows = await this.db.selectFrom('opportunities').selectAll().where('customer_id', 'in', wanted).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    const by = new Map<string, OpportunityRecord[]>();
    for (const row of rows) {
      const list = by.get(row.customer_id) ?? [];
      list.push(toOpportunity(row));
      by.set(row.customer_id, list);
    }
    return ids.map((id) => by.get(id) ?? []);
  }

  // ---- shipment tracking ---------------------------------------------------------------

  async lastShipmentEventsByOrderIds(ids: readonly string[]): Promise<(ShipmentEventRecord | null)[]> {
    const wanted = unique(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const { rows } = await sql<{ order_id: string; at: string; location: string | null; description: string }>`
      select order_id, at, location, description from (
        select e.*, row_number() over (partition by e.order_id order by e.at desc) as rn
        from shipment_events e where e.order_id in (${sql.join(wanted)})
      ) w where w.rn = 1`.execute(this.db);
    const by = new Map(rows.map((r) => [r.order_id, { orderId: r.order_id, at: r.at, location: r.location, description: r.description }]));
    return ids.map((id) => by.get(id) ?? null);
  }

  // ---- seeding -------------------------------------------------------------------------

  async loadEngagementSeed(seed: EngagementSeed): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const insertAll = async <T extends keyof CrmTables>(table: T, rows: CrmTables[T][]) => {
        for (let i = 0; i < rows.length; i += SEED_BATCH_ROWS) await trx.insertInto(table).values(rows.slice(i, i + SEED_BATCH_ROWS) as never).execute();
      };
      await insertAll('customer_identities', seed.identities.map((i) => ({ customer_id: i.customerId, kind: i.kind, value: i.value, created_at: '1970-01-01T00:00:00.000Z' })));
      await insertAll(
        'conversations',
        seed.conversations.map((c) => ({
          id: c.id,
          idempotency_key: `seed:${c.id}`,
          request_hash: 'seed',
          channel: c.channel,
          external_id: c.externalId,
          customer_id: c.customerId,
          status: c.status,
          participants: JSON.stringify(c.participants),
          summary: c.summary,
          intent: c.intent,
          outcome: c.outcome,
          message_count: c.messages.length,
          started_at: c.startedAt,
          updated_at: c.updatedAt,
          closed_at: c.closedAt,
        })),
      );
      await insertAll(
        'conversation_messages',
        seed.conversations.flatMap((c) =>
          c.messages.map((m, position) => ({ conversation_id: c.id, message_id: m.id, position, sender_role: m.from, sender_id: m.senderId, at: m.at, text: m.text, attachments: JSON.stringify(m.attachments) })),
        ),
      );
      await insertAll('leads', seed.leads.map((l) => leadRow(l, `seed:${l.id}`, 'seed')));
      await insertAll('shipment_events', seed.shipmentEvents.map((e) => ({ order_id: e.orderId, at: e.at, location: e.location, description: e.description })));
    });
  }

  // ---- helpers -------------------------------------------------------------------------

  private async requireCustomer(trx: Transaction<CrmTables>, customerId: string): Promise<void> {
    const row = await trx.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
    if (!row) throw notFound('Customer', customerId);
  }

  /** Moves the customer's `lastContactAt` forward (never back). */
  private async touchCustomer(trx: Transaction<CrmTables>, customerId: string, at: string): Promise<void> {
    await trx
      .updateTable('customers')
      .set({ last_contact_at: sql<string>`case when last_contact_at is null or last_contact_at < ${at} then ${at} else last_contact_at end` })
      .where('id', '=', customerId)
      .execute();
  }
}
