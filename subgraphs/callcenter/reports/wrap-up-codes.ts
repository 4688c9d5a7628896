/**
 * Wrap-up reason codes and the call center's parts of the gateway's cross-system reports
 * (docs/reporting.md, "Questions across systems").
 *
 * The agent gives the reason of a call at wrap-up (`setCallWrapUpCode`); the code is kept in
 * `call_wrap_up_codes`, keyed by the **contact**: the call the customer made (a transfer leg's
 * code goes to the first leg). Kept apart from `calls`, whose row is recomputed from the CTI
 * events: the code is the agent's, not the switch's.
 */
import { sql, type Kysely } from 'kysely';
import { badUserInput, switchboardError } from '../../../schema/errors.js';
import type { Viewer } from '../../../schema/viewer.js';
import type { CustomerWindow, ReasonCount } from '../../shared/reporting/customer-windows.js';
import { REASON_CODE_RULE, isReasonCode } from '../../shared/reporting/reason-code.js';
import { toNumber } from '../../shared/reporting/sql-fragments.js';
import type { ReportRange } from '../../shared/reporting/time-range.js';
import type { CallRecord } from '../source/records.js';
import type { ReportingCallCenterTables } from './tables.js';
import { isContact } from './call-definitions.js';

export interface CallWrapUpCodesTable {
  /** The contact (first leg) the code is for. */
  call_id: string;
  code: string;
  /** The viewer's subject who set it. */
  set_by: string;
  set_at: string;
}

export interface WrapUpCodeTables extends ReportingCallCenterTables {
  call_wrap_up_codes: CallWrapUpCodesTable;
}

type Db = Kysely<WrapUpCodeTables>;

/** Migration 0005 of the call center. */
export async function createWrapUpCodes(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_wrap_up_codes')
    .ifNotExists()
    .addColumn('call_id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}

export async function dropWrapUpCodes(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('call_wrap_up_codes').ifExists().execute();
}

/** Transfer chains are short; a longer one is a loop in the data. */
const MAX_TRANSFER_HOPS = 50;

/** The first leg of `call`'s transfer chain (the contact), by following `parentCallId`. */
export async function contactOf(call: CallRecord, load: (id: string) => Promise<CallRecord | null>): Promise<CallRecord> {
  let current = call;
  for (let hop = 0; current.parentCallId !== null && hop < MAX_TRANSFER_HOPS; hop += 1) {
    const parent = await load(current.parentCallId);
    if (parent === null) break;
    current = parent;
  }
  return current;
}

/**
 * Sets (`code` null: clears) the wrap-up code of `call`'s contact. BAD_USER_INPUT for a code
 * of another shape, or a call no agent answered or that is still going on; FORBIDDEN when an
 * agent codes a call someone else answered. Returns nothing: the caller reads the call again.
 */
export async function setWrapUpCode(db: Db, viewer: Viewer, call: CallRecord, contact: CallRecord, code: string | null): Promise<void> {
  if (code !== null && !isReasonCode(code)) {
    throw badUserInput(`code ${JSON.stringify(code)} is not a reason code (${REASON_CODE_RULE}).`, { argumentName: 'code' });
  }
  if (call.answeredAt === null || (call.state !== 'WRAP_UP' && call.state !== 'ENDED')) {
    throw badUserInput(`Call ${call.id} cannot take a wrap-up code: only calls an agent answered, in wrap-up or ended (it is ${call.state}${call.answeredAt === null ? ', never answered' : ''}).`, {
      argumentName: 'callId',
      state: call.state,
    });
  }
  if (viewer.role === 'agent' && (viewer.agentId === null || viewer.agentId !== call.agentId)) {
    throw switchboardError('FORBIDDEN', `An agent codes only the calls they answered; call ${call.id} was answered by another agent.`, { reason: 'NOT_YOUR_CALL' });
  }
  if (code === null) {
    await db.deleteFrom('call_wrap_up_codes').where('call_id', '=', contact.id).execute();
    return;
  }
  const row = { call_id: contact.id, code, set_by: viewer.subject, set_at: new Date().toISOString() };
  await db
    .insertInto('call_wrap_up_codes')
    .values(row)
    .onConflict((oc) => oc.column('call_id').doUpdateSet({ code: row.code, set_by: row.set_by, set_at: row.set_at }))
    .execute();
}

/** The wrap-up code of each contact id, in key order (null: none). */
export async function wrapUpCodes(db: Db, contactIds: readonly string[]): Promise<(string | null)[]> {
  const unique = [...new Set(contactIds)];
  const rows = unique.length === 0 ? [] : await db.selectFrom('call_wrap_up_codes').select(['call_id', 'code']).where('call_id', 'in', unique).execute();
  const codes = new Map(rows.map((row) => [row.call_id, row.code]));
  return contactIds.map((id) => codes.get(id) ?? null);
}

/** Contacts offered in the range, per customer tier at the time of the call and wrap-up code. */
export async function callReasonsByTier(db: Db, range: ReportRange): Promise<ReasonCount[]> {
  const result = await sql<{ tier: string | null; reason: string | null; contacts: unknown }>`
    SELECT c.customer_tier AS tier, w.code AS reason, COUNT(*) AS contacts
    FROM calls c LEFT JOIN call_wrap_up_codes w ON w.call_id = c.id
    WHERE c.started_at >= ${range.from} AND c.started_at < ${range.to} AND ${isContact('c')}
    GROUP BY c.customer_tier, w.code`.execute(db);
  return result.rows.map((row) => ({ tier: row.tier, reason: row.reason, count: toNumber(row.contacts) }));
}

export interface CustomerCallJourney {
  customerId: string;
  /** Inbound contacts offered in the window. */
  contacts: number;
  /** Calls with the customer (either direction) started in the window, transfer legs not counted again. */
  calls: number;
  /** Contacts that ended ABANDONED. */
  abandoned: number;
}

const WINDOWS_PER_STATEMENT = 300;

/** Each window's calls, in input order; calls are the customer's by the CRM id stored with them. */
export async function callJourneys(db: Db, windows: readonly CustomerWindow[]): Promise<CustomerCallJourney[]> {
  const out: CustomerCallJourney[] = [];
  for (let start = 0; start < windows.length; start += WINDOWS_PER_STATEMENT) {
    const part = windows.slice(start, start + WINDOWS_PER_STATEMENT);
    const rows = sql.join(part.map((w, i) => sql`(${sql.lit(i)}, ${w.customerId}, ${w.from}, ${w.to})`));
    const result = await sql<{ idx: unknown; calls: unknown; contacts: unknown; abandoned: unknown }>`
      WITH w (idx, customer_id, w_from, w_to) AS (VALUES ${rows})
      SELECT w.idx, COUNT(c.id) AS calls,
        SUM(CASE WHEN ${isContact('c')} THEN 1 ELSE 0 END) AS contacts,
        SUM(CASE WHEN ${isContact('c')} AND c.disposition = 'ABANDONED' THEN 1 ELSE 0 END) AS abandoned
      FROM w LEFT JOIN calls c
        ON c.customer_id = w.customer_id AND c.started_at >= w.w_from AND c.started_at < w.w_to AND COALESCE(c.parent_call_id, '') = ''
      GROUP BY w.idx`.execute(db);
    const byIndex = new Map(result.rows.map((row) => [Number(row.idx), row]));
    part.forEach((w, i) => {
      const row = byIndex.get(i);
      out.push({ customerId: w.customerId, calls: toNumber(row?.calls), contacts: toNumber(row?.contacts), abandoned: toNumber(row?.abandoned) });
    });
  }
  return out;
}
