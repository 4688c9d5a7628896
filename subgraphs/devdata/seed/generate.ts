/**
 * The deterministic seed generator: a realistic, messy data set for the three source
 * systems, yielded in chunks of CHUNK_SIZE customers with everything that belongs to them
 * (orders, activities, calls, tickets), so memory stays bounded at any size. The same
 * options always give the same data: one seeded PRNG stream per chunk, sequential ids, no
 * clock, no Math.random(). Scenarios and proportions are described in README.md.
 */
import type { ActivityRecord } from '../../crm/source/records.js';
import { callLog, makeNotesAndChats } from './activities.js';
import { CALL_HORIZON, makeCall, type CallTarget } from './calls.js';
import { duplicateCustomer, newCustomer, type CustomerDraft, type Lang } from './customers.js';
import type { DatasetOptions, SeedChunk } from './dataset.js';
import { engagementFor } from './engagement.js';
import { statusChangesFor } from './customer-status.js';
import { makeOrders } from './orders.js';
import { e164Of, phoneRecord, type GeneratedPhone } from './phones.js';
import { Prng } from './prng.js';
import { newState, type State } from './state.js';
import { makeTickets, type AnsweredCall } from './tickets.js';
import { DAY, MINUTE, iso, uniformTime } from './time.js';

/** Customers per chunk (with everything that belongs to them). */
export const CHUNK_SIZE = 500;

/**
 * Mean calls per customer with a phone, so that with transfer legs (~5%), unknown numbers
 * (~5%) and withheld callers (~2%) the total comes to `callsPerCustomer` per customer.
 */
const BASE_CALL_SHARE = 0.885;
const UNKNOWN_CALL_SHARE = 0.05;
const WITHHELD_CALL_SHARE = 0.02;

function emptyChunk(): SeedChunk {
  return {
    crm: { owners: [], customers: [], orders: [], activities: [] },
    callcenter: { agents: [], queues: [], calls: [] },
    tickets: { tickets: [], comments: [] },
  };
}

function generateChunk(state: State, chunkIndex: number, first: number, count: number): SeedChunk {
  const { settings } = state;
  const prng = new Prng(settings.seed, chunkIndex + 1);
  const chunk = emptyChunk();
  if (chunkIndex === 0) {
    chunk.crm.owners = state.reference.owners.map((owner) => ({ ...owner }));
    chunk.callcenter.agents = state.reference.agents.map((agent) => ({ ...agent }));
    chunk.callcenter.queues = state.reference.queues.map((queue) => ({ ...queue }));
    chunk.tickets.agentTeams = state.reference.agents.map((agent) => ({ agentId: agent.id, team: agent.team }));
  }
  const drafts: CustomerDraft[] = [];
  const callUpper = settings.anchor - CALL_HORIZON;
  const meanCalls = (settings.callsPerCustomer * BASE_CALL_SHARE) / 0.96 / Math.exp(0.7 ** 2 / 2);

  for (let offset = 0; offset < count; offset++) {
    const index = first + offset;
    let draft: CustomerDraft | null = null;
    if (drafts.length >= 5 && prng.chance(0.028)) {
      const original = prng.pick(drafts);
      if (original.duplicateOf === null && original.phones.length > 0) draft = duplicateCustomer(state, prng, index, original);
    }
    draft ??= newCustomer(state, prng, index);
    drafts.push(draft);
    const record = draft.record;
    const created = Date.parse(record.createdAt);

    chunk.crm.orders.push(...makeOrders(state, prng, draft));

    // Calls on the customer's numbers, mostly the first one.
    const answered: AnsweredCall[] = [];
    const activities: ActivityRecord[] = [];
    if (draft.phones.length > 0) {
      const callCount = prng.poisson(meanCalls * prng.logNormal(1, 0.7) * (draft.duplicateOf ? 0.3 : 1));
      const target: CallTarget = { lang: draft.lang, team: draft.team, tier: record.tier, utcOffset: draft.utcOffset, customerId: record.id };
      const lower = Math.max(settings.windowStart, created - 2 * DAY);
      for (let c = 0; c < callCount; c++) {
        const phone = draft.phones.length === 1 || prng.chance(0.7) ? (draft.phones[0] as GeneratedPhone) : prng.pick(draft.phones);
        for (const call of makeCall(state, prng, phone.e164, target, lower, callUpper)) {
          chunk.callcenter.calls.push(call);
          if (call.answeredAt !== null) {
            answered.push({ call });
            if (prng.chance(0.5)) activities.push(callLog(state, call, record.id));
          }
        }
      }
    }
    activities.push(...makeNotesAndChats(state, prng, draft));
    chunk.crm.activities.push(...activities);

    const { tickets, comments } = makeTickets(state, prng, draft, answered);
    chunk.tickets.tickets.push(...tickets);
    chunk.tickets.comments.push(...comments);

    let lastContact: string | null = null;
    for (const activity of activities) if (lastContact === null || activity.at > lastContact) lastContact = activity.at;
    record.lastContactAt = lastContact;
    const touched = uniformTime(prng, created + MINUTE, Math.min(created + 30 * DAY, settings.anchor - MINUTE));
    const updated = Math.max(touched, lastContact === null ? 0 : Date.parse(lastContact));
    record.updatedAt = iso(updated);
    chunk.crm.customers.push(record);
  }

  // Calls no customer can be matched to: unknown numbers (some calling repeatedly) and withheld callers.
  const customerCalls = chunk.callcenter.calls.length;
  const unknownCount = Math.round((customerCalls * UNKNOWN_CALL_SHARE) / BASE_CALL_SHARE);
  const withheldCount = Math.round((customerCalls * WITHHELD_CALL_SHARE) / BASE_CALL_SHARE);
  const unknownNumbers: string[] = [];
  for (let i = 0; i < unknownCount + withheldCount; i++) {
    const withheld = i >= unknownCount;
    let number: string | null = null;
    if (!withheld) {
      if (unknownNumbers.length > 0 && prng.chance(0.2)) number = prng.pick(unknownNumbers);
      else {
        const parts = state.numbers.unknownMobile(prng);
        number = phoneRecord(parts, prng.int(0, 7), 'MOBILE').e164;
        if (number !== e164Of(parts)) throw new Error('seed generator bug: unknown number mismatch');
        unknownNumbers.push(number);
      }
    }
    const lang: Lang = prng.chance(0.85) ? 'zh' : 'en';
    const target: CallTarget = { lang, team: lang === 'en' ? 'team-intl' : prng.pick(['team-bj', 'team-sh', 'team-sz']), tier: 'STANDARD', utcOffset: 8, customerId: null };
    chunk.callcenter.calls.push(...makeCall(state, prng, number, target, settings.windowStart, callUpper));
  }
  chunk.crm.engagement = engagementFor(chunk.crm, settings.seed, chunkIndex, settings.anchor);
  const duplicates = new Set(drafts.filter((d) => d.duplicateOf !== null).map((d) => d.record.id));
  chunk.crm.statusChanges = statusChangesFor(chunk.crm, duplicates, settings.seed, chunkIndex, settings.anchor);
  return chunk;
}

/**
 * Yields the data set chunk by chunk: CHUNK_SIZE customers each (the last may be smaller),
 * with the reference data (owners, agents, queues) in the first chunk only. With zero
 * customers it yields one chunk holding just the reference data.
 */
export function* generateDataset(options: DatasetOptions): Generator<SeedChunk, void, undefined> {
  const state = newState(options);
  const { settings } = state;
  const chunks = Math.max(1, Math.ceil(settings.customers / CHUNK_SIZE));
  for (let chunkIndex = 0; chunkIndex < chunks; chunkIndex++) {
    const first = chunkIndex * CHUNK_SIZE;
    yield generateChunk(state, chunkIndex, first, Math.min(CHUNK_SIZE, settings.customers - first));
  }
}
