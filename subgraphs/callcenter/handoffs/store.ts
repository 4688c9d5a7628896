/**
 * Hand-offs on the call center's database (SQLite or PostgreSQL). Routing rule, in one
 * place (`pickAgent`): a hand-off is offered to the AVAILABLE agent with the smallest id who
 * has no other hand-off on offer and has not declined this one; with none, it waits in its
 * queue (`offered_to` null) until an agent accepts it from there or it expires. Expiry and
 * the fallback ticket's outbox row are written in one transaction, so a hand-off that
 * expired always becomes a ticket, once.
 */
import { createHash } from 'node:crypto';
import { timeOrderedId } from '../../shared/time-ordered-id.js';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { badUserInput, conflict, notFound, switchboardError } from '../../../schema/errors.js';
import type { Database } from '../../shared/database.js';
import type { CallCenterTables } from '../source/tables.js';
import type { HandoffRecord } from './records.js';
import type { HandoffOwnTables, HandoffsTable, HandoffTables } from './tables.js';

export interface HandoffRequest {
  idempotencyKey: string;
  queueId?: string | null;
  skill?: string | null;
  reason: string;
  conversationId: string;
  customerId?: string | null;
  intent?: string | null;
  rtcRoom?: { provider: string; channel: string } | null;
}

/** What the outbox's HANDOFF_TICKET row carries: everything the ticket needs, so every retry sends the same input. */
export interface HandoffTicketPayload {
  handoffId: string;
  customerId: string | null;
  conversationId: string;
  queueId: string | null;
  skill: string | null;
  reason: string;
  intent: string | null;
  createdAt: string;
  expiredAt: string;
}

/** The idempotency key of a hand-off's fallback ticket. */
export const handoffTicketKey = (handoffId: string) => `handoff:${handoffId}`;

type Row = Selectable<HandoffsTable>;

function toRecord(row: Row): HandoffRecord {
  return {
    id: row.id,
    status: row.status as HandoffRecord['status'],
    queueId: row.queue_id,
    skill: row.skill,
    reason: row.reason,
    rtcRoom: row.rtc_provider !== null && row.rtc_channel !== null ? { provider: row.rtc_provider, channel: row.rtc_channel } : null,
    offeredTo: row.offered_to,
    acceptedBy: row.accepted_by,
    declinedBy: JSON.parse(row.declined_by) as string[],
    requestedBy: row.requested_by,
    customerId: row.customer_id,
    conversationId: row.conversation_id,
    intent: row.intent,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    fallbackTicketKey: row.fallback_ticket_key,
  };
}

function text(value: string | null | undefined, max: number, argumentName: string, required = false): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > max) throw badUserInput(`\`${argumentName}\` must be at most ${max} characters.`, { argumentName });
  if (required && trimmed === '') throw badUserInput(`\`${argumentName}\` must not be empty.`, { argumentName });
  return trimmed === '' ? null : trimmed;
}

export class SqlHandoffStore {
  private readonly db: Kysely<HandoffTables>;

  constructor(database: Database<CallCenterTables>) {
    this.db = database.db.withTables<HandoffOwnTables>();
  }

  /** The hand-off for this key (created now, or earlier with the same input: `created` false). */
  async request(input: HandoffRequest, requestedBy: string, timeoutMs: number): Promise<{ handoff: HandoffRecord; created: boolean }> {
    const key = text(input.idempotencyKey, 128, 'idempotencyKey', true)!;
    const reason = text(input.reason, 1000, 'reason', true)!;
    const skill = text(input.skill, 100, 'skill');
    const intent = text(input.intent, 200, 'intent');
    const conversationId = text(input.conversationId, 128, 'conversationId', true)!;
    const rtc = input.rtcRoom ? { provider: text(input.rtcRoom.provider, 64, 'rtcRoom.provider', true)!, channel: text(input.rtcRoom.channel, 256, 'rtcRoom.channel', true)! } : null;
    const queueId = input.queueId ?? null;
    if (queueId === null && skill === null) throw badUserInput('Name a `queueId` or a `skill` to route the hand-off to.', { argumentName: 'queueId' });
    const requestHash = createHash('sha256')
      .update(JSON.stringify([queueId, skill, reason, conversationId, input.customerId ?? null, intent, rtc]))
      .digest('hex');
    const now = new Date();
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('handoffs').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
      if (existing) {
        if (existing.request_hash !== requestHash) throw conflict(`The idempotency key ${JSON.stringify(key)} was used for another hand-off.`, { argumentName: 'idempotencyKey', handoffId: existing.id });
        return { handoff: toRecord(existing), created: false };
      }
      if (queueId !== null) {
        const queue = await trx.selectFrom('queues').select('id').where('id', '=', queueId).executeTakeFirst();
        if (!queue) throw badUserInput(`There is no queue ${JSON.stringify(queueId)}.`, { argumentName: 'queueId' });
      }
      const offeredTo = await this.pickAgent(trx, []);
      const row: HandoffsTable = {
        id: timeOrderedId('hof'),
        idempotency_key: key,
        request_hash: requestHash,
        status: 'OFFERED',
        queue_id: queueId,
        skill,
        reason,
        rtc_provider: rtc?.provider ?? null,
        rtc_channel: rtc?.channel ?? null,
        offered_to: offeredTo,
        accepted_by: null,
        accepted_at: null,
        declined_by: '[]',
        requested_by: requestedBy,
        customer_id: input.customerId ?? null,
        conversation_id: conversationId,
        intent,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + timeoutMs).toISOString(),
        fallback_ticket_key: null,
      };
      const inserted = await trx.insertInto('handoffs').values(row).onConflict((oc) => oc.column('idempotency_key').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
        return { handoff: toRecord(await trx.selectFrom('handoffs').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow()), created: false };
      }
      return { handoff: toRecord(row), created: true };
    });
  }

  /** `agentId` takes the hand-off: it must be offered to them, or waiting in the queue. */
  async accept(id: string, agentId: string): Promise<HandoffRecord> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.load(trx, id);
      if (row.status !== 'OFFERED') throw conflict(`Hand-off ${id} is ${row.status} already.`, { handoffId: id, status: row.status });
      if (row.offered_to !== null && row.offered_to !== agentId) {
        throw switchboardError('FORBIDDEN', `Hand-off ${id} is offered to another agent.`, { handoffId: id });
      }
      const updated = await trx
        .updateTable('handoffs')
        .set({ status: 'ACCEPTED', accepted_by: agentId, offered_to: agentId, accepted_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'OFFERED')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw conflict(`Hand-off ${id} was taken meanwhile.`, { handoffId: id });
      return toRecord(await this.load(trx, id));
    });
  }

  /** The agent it is offered to declines; it goes to the next available agent, or waits in the queue. */
  async decline(id: string, agentId: string): Promise<HandoffRecord> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.load(trx, id);
      if (row.status !== 'OFFERED') throw conflict(`Hand-off ${id} is ${row.status} already.`, { handoffId: id, status: row.status });
      if (row.offered_to !== agentId) throw switchboardError('FORBIDDEN', `Hand-off ${id} is not offered to you.`, { handoffId: id });
      const declined = [...new Set([...(JSON.parse(row.declined_by) as string[]), agentId])];
      const next = await this.pickAgent(trx, declined, id);
      await trx.updateTable('handoffs').set({ declined_by: JSON.stringify(declined), offered_to: next }).where('id', '=', id).execute();
      return toRecord(await this.load(trx, id));
    });
  }

  /**
   * Expires every OFFERED hand-off whose time is up, writing each one's HANDOFF_TICKET
   * outbox row in the same transaction. Returns the expired hand-offs.
   */
  async expireDue(now: Date): Promise<HandoffRecord[]> {
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const due = await trx.selectFrom('handoffs').selectAll().where('status', '=', 'OFFERED').where('expires_at', '<=', at).orderBy('expires_at').limit(100).execute();
      const expired: HandoffRecord[] = [];
      for (const row of due) {
        const key = handoffTicketKey(row.id);
        const updated = await trx
          .updateTable('handoffs')
          .set({ status: 'EXPIRED', fallback_ticket_key: key })
          .where('id', '=', row.id)
          .where('status', '=', 'OFFERED')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) continue;
        const payload: HandoffTicketPayload = {
          handoffId: row.id,
          customerId: row.customer_id,
          conversationId: row.conversation_id,
          queueId: row.queue_id,
          skill: row.skill,
          reason: row.reason,
          intent: row.intent,
          createdAt: row.created_at,
          expiredAt: at,
        };
        await trx
          .insertInto('call_log_outbox')
          .values({
            id: `HANDOFF_TICKET:${row.id}`,
            kind: 'HANDOFF_TICKET',
            call_id: row.id,
            payload: JSON.stringify(payload),
            created_at: at,
            status: 'PENDING',
            attempts: 0,
            next_attempt_at: at,
            lease_until: null,
            lease_owner: null,
            last_error: null,
            last_attempt_at: null,
            outcome: null,
            customer_id: row.customer_id,
            result_ref: null,
            done_at: null,
          })
          .onConflict((oc) => oc.columns(['kind', 'call_id']).doNothing())
          .execute();
        expired.push({ ...toRecord(row), status: 'EXPIRED', fallbackTicketKey: key });
      }
      return expired;
    });
  }

  async byIds(ids: readonly string[]): Promise<(HandoffRecord | null)[]> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return [];
    const rows = await this.db.selectFrom('handoffs').selectAll().where('id', 'in', wanted).execute();
    const by = new Map(rows.map((row) => [row.id, toRecord(row)]));
    return ids.map((id) => by.get(id) ?? null);
  }

  /**
   * The customer ids of agent `agentId`'s hand-offs: offered to them now, or accepted by them
   * at or after `acceptedSince` (ISO). The record-level rule's hand-off part; at most 200.
   */
  async customersServedBy(agentId: string, acceptedSince: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('handoffs')
      .select('customer_id')
      .where('customer_id', 'is not', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'OFFERED'), eb('offered_to', '=', agentId)]),
          eb.and([eb('status', '=', 'ACCEPTED'), eb('accepted_by', '=', agentId), eb('accepted_at', '>=', acceptedSince)]),
        ]),
      )
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
    return [...new Set(rows.map((row) => row.customer_id!))];
  }

  /** OFFERED hand-offs, oldest first (at most 200), optionally of one queue. */
  async pending(queueId: string | null): Promise<HandoffRecord[]> {
    let query = this.db.selectFrom('handoffs').selectAll().where('status', '=', 'OFFERED');
    if (queueId !== null) query = query.where('queue_id', '=', queueId);
    const rows = await query.orderBy('created_at').orderBy('id').limit(200).execute();
    return rows.map(toRecord);
  }

  private async load(trx: Transaction<HandoffTables>, id: string): Promise<Row> {
    const row = await trx.selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Handoff', id);
    return row;
  }

  /** The routing rule (see the top of this file). */
  private async pickAgent(trx: Transaction<HandoffTables>, exclude: readonly string[], self?: string): Promise<string | null> {
    let busy = trx.selectFrom('handoffs').select('offered_to').where('status', '=', 'OFFERED').where('offered_to', 'is not', null);
    if (self) busy = busy.where('id', '!=', self);
    let query = trx
      .selectFrom('agents')
      .select('id')
      .where('presence', '=', 'AVAILABLE')
      .where('id', 'not in', busy as never);
    if (exclude.length > 0) query = query.where('id', 'not in', [...exclude]);
    const row = await query.orderBy('id').limit(1).executeTakeFirst();
    return row?.id ?? null;
  }
}
