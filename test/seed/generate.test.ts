import { beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { generateDataset, CHUNK_SIZE } from '../../subgraphs/devdata/seed/generate.js';
import { SLA_HOURS } from '../../subgraphs/devdata/seed/tickets.js';
import { addChunkTotals, emptyTotals } from '../../subgraphs/devdata/seed/totals.js';
import type { SeedChunk } from '../../subgraphs/devdata/seed/dataset.js';
import { readPhoneNumber } from '../../subgraphs/shared/phone.js';
import { isValidNationalId } from '../../subgraphs/devdata/seed/national-id.js';
import type { CallRecord } from '../../subgraphs/callcenter/source/records.js';
import type { CustomerRecord, OrderRecord, ActivityRecord, AccountOwnerRecord, CustomerStatusChangeRecord } from '../../subgraphs/crm/source/records.js';
import type { TicketRecord, TicketCommentRecord } from '../../subgraphs/tickets/source/records.js';
import type { AgentRecord, QueueRecord } from '../../subgraphs/callcenter/source/records.js';

const ANCHOR = '2026-11-01T00:00:00.000Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const WINDOW_START_MS = ANCHOR_MS - 180 * 86_400_000;
const HOUR = 3_600_000;

interface All {
  chunks: number;
  owners: AccountOwnerRecord[];
  customers: CustomerRecord[];
  orders: OrderRecord[];
  activities: ActivityRecord[];
  statusChanges: CustomerStatusChangeRecord[];
  agents: AgentRecord[];
  queues: QueueRecord[];
  calls: CallRecord[];
  tickets: TicketRecord[];
  comments: TicketCommentRecord[];
}

function collect(chunks: Iterable<SeedChunk>): All {
  const all: All = { chunks: 0, owners: [], customers: [], orders: [], activities: [], statusChanges: [], agents: [], queues: [], calls: [], tickets: [], comments: [] };
  for (const chunk of chunks) {
    all.chunks += 1;
    all.owners.push(...chunk.crm.owners);
    all.customers.push(...chunk.crm.customers);
    all.orders.push(...chunk.crm.orders);
    all.activities.push(...chunk.crm.activities);
    all.statusChanges.push(...(chunk.crm.statusChanges ?? []));
    all.agents.push(...chunk.callcenter.agents);
    all.queues.push(...chunk.callcenter.queues);
    all.calls.push(...chunk.callcenter.calls);
    all.tickets.push(...chunk.tickets.tickets);
    all.comments.push(...chunk.tickets.comments);
  }
  return all;
}

const share = (part: number, whole: number) => part / whole;

describe('seed generator', () => {
  let data: All;
  let customerNumbers: Set<string>;
  let callsById: Map<string, CallRecord>;

  beforeAll(() => {
    data = collect(generateDataset({ seed: 42, customers: 1000, anchor: ANCHOR }));
    customerNumbers = new Set(data.customers.flatMap((customer) => customer.phones.map((phone) => phone.e164)));
    callsById = new Map(data.calls.map((call) => [call.id, call]));
  });

  describe('determinism and size', () => {
    test('the same options give identical chunks; another seed gives other data', () => {
      const first = [...generateDataset({ seed: 7, customers: 600, anchor: ANCHOR })];
      const second = [...generateDataset({ seed: 7, customers: 600, anchor: ANCHOR })];
      assert.equal(first.length, 2);
      assert.deepEqual(first[0], second[0]);
      assert.deepEqual(first[1], second[1]);
      const totals = (chunks: SeedChunk[]) => chunks.reduce(addChunkTotals, emptyTotals());
      assert.deepEqual(totals(first), totals(second));

      const other = [...generateDataset({ seed: 8, customers: 600, anchor: ANCHOR })];
      assert.notDeepEqual(other[0]?.crm.customers.map((c) => c.displayName), first[0]?.crm.customers.map((c) => c.displayName));
      assert.notDeepEqual(other[0]?.callcenter.calls.slice(0, 50), first[0]?.callcenter.calls.slice(0, 50));
    });

    test('chunks hold CHUNK_SIZE customers; reference data comes in the first chunk only', () => {
      assert.equal(data.chunks, Math.ceil(1000 / CHUNK_SIZE));
      const chunks = [...generateDataset({ seed: 42, customers: 1200, anchor: ANCHOR })];
      assert.deepEqual(chunks.map((chunk) => chunk.crm.customers.length), [500, 500, 200]);
      assert.deepEqual(chunks.map((chunk) => chunk.callcenter.agents.length), [60, 0, 0]);
      assert.deepEqual(chunks.map((chunk) => chunk.crm.owners.length), [20, 0, 0]);
      assert.deepEqual(chunks.map((chunk) => chunk.callcenter.queues.length), [5, 0, 0]);
      const empty = [...generateDataset({ seed: 42, customers: 0, anchor: ANCHOR })];
      assert.equal(empty.length, 1);
      assert.equal(empty[0]?.callcenter.agents.length, 60);
      assert.equal(empty[0]?.crm.customers.length, 0);
    });

    test('reference data: 20 owners, 60 agents over four teams, five queues', () => {
      assert.deepEqual(data.owners.map((o) => o.id).slice(0, 3), ['own_01', 'own_02', 'own_03']);
      assert.equal(data.owners.length, 20);
      assert.equal(data.agents.length, 60);
      assert.equal(data.agents[0]?.id, 'agt_001');
      assert.deepEqual(new Set(data.agents.map((a) => a.team)), new Set(['team-bj', 'team-sh', 'team-sz', 'team-intl']));
      assert.deepEqual(new Set(data.owners.map((o) => o.team)), new Set(['team-bj', 'team-sh', 'team-sz', 'team-intl']));
      assert.deepEqual(data.queues.map((q) => q.id).sort(), ['q_billing', 'q_en_support', 'q_sales', 'q_support', 'q_vip']);
    });

    test('about ten calls and two tickets per customer by default', () => {
      assert.ok(data.calls.length > 9000 && data.calls.length < 11000, `calls: ${data.calls.length}`);
      assert.ok(data.tickets.length > 1700 && data.tickets.length < 2300, `tickets: ${data.tickets.length}`);
      const small = collect(generateDataset({ seed: 42, customers: 500, anchor: ANCHOR, callsPerCustomer: 2, ticketsPerCustomer: 0 }));
      assert.ok(small.calls.length > 800 && small.calls.length < 1200, `calls: ${small.calls.length}`);
      assert.equal(small.tickets.length, 0);
    });

    test('rejects bad options', () => {
      assert.throws(() => [...generateDataset({ seed: 1, customers: -1, anchor: ANCHOR })], RangeError);
      assert.throws(() => [...generateDataset({ seed: 1, customers: 1.5, anchor: ANCHOR })], RangeError);
      assert.throws(() => [...generateDataset({ seed: 1, customers: 10, anchor: 'yesterday' })], RangeError);
      assert.throws(() => [...generateDataset({ seed: Number.NaN, customers: 10, anchor: ANCHOR })], RangeError);
    });
  });

  describe('phone numbers', () => {
    test('every e164 and extension is what readPhoneNumber(raw) gives, a valid number; calls carry valid E.164 numbers', () => {
      for (const customer of data.customers) {
        for (const phone of customer.phones) {
          assert.deepEqual(readPhoneNumber(phone.raw), { ok: true, e164: phone.e164, extension: phone.extension }, `${customer.id} ${phone.raw}`);
          assert.ok(parsePhoneNumberFromString(phone.e164)?.isValid(), `${phone.e164} is valid`);
        }
      }
      for (const call of data.calls) {
        for (const number of [call.from, call.to, call.customerNumber]) {
          if (number !== null) assert.ok(parsePhoneNumberFromString(number)?.isValid(), `${call.id}: ${number}`);
        }
      }
    });

    test('raw numbers come in the mixed formats real CRMs hold', () => {
      const raws = data.customers.flatMap((customer) => customer.phones.map((phone) => phone.raw));
      const formats: Record<string, RegExp> = {
        '138 0013 8000': /^1\d{2} \d{4} \d{4}$/,
        '+86-138-0013-8000': /^\+86-1\d{2}-\d{4}-\d{4}$/,
        '(010) 6552 9988': /^\(0\d{2,3}\) \d{3,4} \d{4}$/,
        '8613800138000': /^861\d{10}$/,
        '13800138000': /^1\d{10}$/,
        '010-65529988': /^0\d{2,3}-\d{7,8}$/,
        '+1 / +44 / +852': /^(\+|00)(1|44|852)\D/,
      };
      for (const [example, pattern] of Object.entries(formats)) {
        const count = raws.filter((raw) => pattern.test(raw)).length;
        assert.ok(count >= 3, `format like ${example}: ${count}`);
      }
      // Landlines with an extension and numbers typed with a Chinese input method (full-width).
      assert.ok(data.customers.some((c) => c.phones.some((p) => p.extension !== null && /转|ext\.|分机|-\d{4}$/.test(p.raw))));
      assert.ok(data.customers.some((c) => c.phones.some((p) => /[０-９]/.test(p.raw))));
      const multi = data.customers.filter((customer) => customer.phones.length >= 2);
      assert.ok(share(multi.length, data.customers.length) > 0.25, `customers with several numbers: ${multi.length}`);
      assert.ok(data.customers.some((c) => c.phones.some((p) => p.type === 'MOBILE') && c.phones.some((p) => p.type !== 'MOBILE')));
    });

    test('customers without phones, without emails, and no accidental sharing of numbers', () => {
      const noPhone = data.customers.filter((c) => c.phones.length === 0).length;
      const noEmail = data.customers.filter((c) => c.emails.length === 0).length;
      assert.ok(noPhone >= 10 && noPhone <= 80, `no phone: ${noPhone}`);
      assert.ok(noEmail >= 50 && noEmail <= 250, `no email: ${noEmail}`);
    });

    test('~2% duplicate records share a number with another customer, sometimes spelled differently', () => {
      const owners = new Map<string, CustomerRecord[]>();
      for (const customer of data.customers) {
        for (const e164 of new Set(customer.phones.map((p) => p.e164))) owners.set(e164, [...(owners.get(e164) ?? []), customer]);
      }
      const shared = [...owners.entries()].filter(([, customers]) => customers.length > 1);
      assert.ok(shared.length >= 10 && shared.length <= 40, `shared numbers: ${shared.length}`);
      // Every sharing is a deliberate pair: never more than two records on one number.
      assert.ok(shared.every(([, customers]) => customers.length === 2));
      const respelled = shared.filter(([e164, [a, b]]) => {
        const rawA = a?.phones.find((p) => p.e164 === e164)?.raw;
        const rawB = b?.phones.find((p) => p.e164 === e164)?.raw;
        return rawA !== rawB;
      });
      assert.ok(respelled.length >= 3, `respelled duplicates: ${respelled.length}`);
    });
  });

  describe('calls', () => {
    test('every disposition occurs in realistic shares; all calls ENDED', () => {
      const count = (d: string) => data.calls.filter((c) => c.disposition === d).length;
      const total = data.calls.length;
      const expected: Record<string, [number, number]> = {
        ANSWERED: [0.66, 0.8],
        ABANDONED: [0.07, 0.13],
        MISSED: [0.03, 0.08],
        TRANSFERRED: [0.03, 0.08],
        VOICEMAIL: [0.02, 0.06],
      };
      for (const [disposition, [low, high]] of Object.entries(expected)) {
        const s = share(count(disposition), total);
        assert.ok(s >= low && s <= high, `${disposition}: ${s}`);
      }
      assert.ok(data.calls.every((c) => c.state === 'ENDED' && c.endedAt !== null && c.disposition !== null));
      assert.ok(data.calls.some((c) => c.disposition === 'ABANDONED' && c.waitSeconds < 20));
      assert.ok(data.calls.some((c) => c.disposition === 'ABANDONED' && c.waitSeconds >= 20));
    });

    test('inbound ~80%: customerNumber is `from` inbound and `to` outbound', () => {
      const inbound = data.calls.filter((c) => c.direction === 'INBOUND');
      const s = share(inbound.length, data.calls.length);
      assert.ok(s > 0.74 && s < 0.86, `inbound: ${s}`);
      for (const call of data.calls) {
        assert.equal(call.customerNumber, call.direction === 'INBOUND' ? call.from : call.to, call.id);
      }
    });

    test('unknown numbers (~5%) and withheld callers occur', () => {
      const unknown = data.calls.filter((c) => c.customerNumber !== null && !customerNumbers.has(c.customerNumber)).length;
      const withheld = data.calls.filter((c) => c.from === null);
      assert.ok(share(unknown, data.calls.length) > 0.035 && share(unknown, data.calls.length) < 0.07, `unknown: ${unknown}`);
      assert.ok(withheld.length > 50, `withheld: ${withheld.length}`);
      assert.ok(withheld.every((c) => c.direction === 'INBOUND' && c.customerNumber === null));
    });

    test('transfers: each TRANSFERRED call has one answered child leg with another agent', () => {
      const children = data.calls.filter((c) => c.parentCallId !== null);
      const transferred = data.calls.filter((c) => c.disposition === 'TRANSFERRED');
      assert.ok(transferred.length > 100);
      assert.equal(children.length, transferred.length);
      for (const child of children) {
        const parent = callsById.get(child.parentCallId as string);
        assert.ok(parent, `${child.id} parent exists`);
        assert.equal(parent.disposition, 'TRANSFERRED');
        assert.ok(parent.answeredAt !== null);
        assert.notEqual(child.agentId, parent.agentId);
        assert.equal(child.customerNumber, parent.customerNumber);
        assert.equal(child.startedAt, parent.endedAt);
        assert.ok(child.answeredAt !== null);
      }
    });

    test('times add up, recordings exist for answered calls, waits and talk look real', () => {
      const answered = data.calls.filter((c) => c.answeredAt !== null);
      for (const call of data.calls) {
        const start = Date.parse(call.startedAt);
        if (call.answeredAt !== null) {
          assert.equal(Date.parse(call.answeredAt) - start, call.waitSeconds * 1000, call.id);
          assert.equal(Date.parse(call.endedAt as string) - Date.parse(call.answeredAt), (call.talkSeconds + call.holdSeconds) * 1000, call.id);
          assert.equal(call.recordingRef, `rec_${call.id}`);
          assert.ok(call.agentId !== null);
          assert.ok(call.wrapUpSeconds >= 10 && call.wrapUpSeconds <= 120);
        } else {
          assert.equal(call.talkSeconds, 0);
          assert.ok(call.disposition !== 'ANSWERED' && call.disposition !== 'TRANSFERRED');
        }
      }
      const inboundFirstLegs = data.calls.filter((c) => c.direction === 'INBOUND' && c.parentCallId === null);
      const meanWait = inboundFirstLegs.reduce((sum, c) => sum + c.waitSeconds, 0) / inboundFirstLegs.length;
      assert.ok(meanWait > 25 && meanWait < 50, `mean wait ${meanWait}`);
      const talks = answered.map((c) => c.talkSeconds).sort((a, b) => a - b);
      const median = talks[talks.length >> 1] as number;
      assert.ok(median > 120 && median < 240, `median talk ${median}`);
      const onHold = share(answered.filter((c) => c.holdSeconds > 0).length, answered.length);
      assert.ok(onHold > 0.1 && onHold < 0.4, `with hold ${onHold}`);
    });

    test('some calls span midnight; call ids are sequential', () => {
      const spanning = data.calls.filter((c) => c.startedAt.slice(0, 10) !== (c.endedAt as string).slice(0, 10));
      assert.ok(spanning.length >= 5, `spanning midnight: ${spanning.length}`);
      const ids = data.calls.map((c) => c.id).sort();
      assert.equal(ids[0], 'call_0000001');
      assert.equal(ids.at(-1), `call_${String(data.calls.length).padStart(7, '0')}`);
    });
  });

  describe('tickets', () => {
    test('~40% opened from a call (channel PHONE, after the call); numbers sequential from T-100001', () => {
      const linked = data.tickets.filter((t) => t.relatedCallId !== null);
      const s = share(linked.length, data.tickets.length);
      assert.ok(s > 0.33 && s < 0.47, `linked: ${s}`);
      for (const ticket of linked) {
        const call = callsById.get(ticket.relatedCallId as string);
        assert.ok(call, `${ticket.id} call exists`);
        assert.equal(ticket.channel, 'PHONE');
        assert.ok(ticket.createdAt > (call.endedAt as string));
      }
      assert.deepEqual(data.tickets.slice(0, 2).map((t) => [t.id, t.number]), [['tkt_000001', 'T-100001'], ['tkt_000002', 'T-100002']]);
      assert.equal(new Set(data.tickets.map((t) => t.number)).size, data.tickets.length);
      assert.equal(data.tickets.at(-1)?.number, `T-${100000 + data.tickets.length}`);
    });

    test('all statuses, priorities and channels occur; times are consistent with the status', () => {
      assert.deepEqual(new Set(data.tickets.map((t) => t.status)), new Set(['NEW', 'OPEN', 'PENDING', 'HOLD', 'SOLVED', 'CLOSED']));
      assert.deepEqual(new Set(data.tickets.map((t) => t.priority)), new Set(['LOW', 'NORMAL', 'HIGH', 'URGENT']));
      assert.deepEqual(new Set(data.tickets.map((t) => t.channel)), new Set(['PHONE', 'EMAIL', 'CHAT', 'WEB']));
      for (const t of data.tickets) {
        if (t.status === 'NEW') assert.equal(t.firstRespondedAt, null, t.id);
        else assert.ok(t.firstRespondedAt !== null && t.firstRespondedAt > t.createdAt, t.id);
        if (t.status === 'SOLVED' || t.status === 'CLOSED') assert.ok(t.solvedAt !== null && t.solvedAt > (t.firstRespondedAt as string), t.id);
        else assert.equal(t.solvedAt, null, t.id);
        assert.ok(t.updatedAt >= t.createdAt && t.updatedAt >= (t.solvedAt ?? '') && t.updatedAt >= (t.firstRespondedAt ?? ''), t.id);
      }
    });

    test('SLA due dates follow the priority targets; 10-15% breached, as the timestamps say', () => {
      for (const t of data.tickets) {
        const [firstReply, resolution] = SLA_HOURS[t.priority];
        const created = Date.parse(t.createdAt);
        const firstDue = created + firstReply * HOUR;
        const resolutionDue = created + resolution * HOUR;
        const expectedDue = t.solvedAt !== null ? null : t.firstRespondedAt === null ? firstDue : resolutionDue;
        assert.equal(t.slaDueAt === null ? null : Date.parse(t.slaDueAt), expectedDue, t.id);
        const breached =
          (t.firstRespondedAt === null ? ANCHOR_MS : Date.parse(t.firstRespondedAt)) > firstDue ||
          (t.solvedAt === null ? ANCHOR_MS : Date.parse(t.solvedAt)) > resolutionDue;
        assert.equal(t.slaBreached, breached, t.id);
      }
      const s = share(data.tickets.filter((t) => t.slaBreached).length, data.tickets.length);
      assert.ok(s >= 0.09 && s <= 0.16, `breached: ${s}`);
      assert.equal(SLA_HOURS.URGENT.join('/'), '1/4');
      assert.equal(SLA_HOURS.LOW.join('/'), '72/168');
    });

    test('0-4 comments per ticket; the first public agent reply is at firstRespondedAt', () => {
      const byTicket = new Map<string, TicketCommentRecord[]>();
      for (const comment of data.comments) byTicket.set(comment.ticketId, [...(byTicket.get(comment.ticketId) ?? []), comment]);
      const ticketIds = new Set(data.tickets.map((t) => t.id));
      assert.ok([...byTicket.keys()].every((id) => ticketIds.has(id)));
      assert.ok([...byTicket.values()].every((list) => list.length <= 4));
      assert.ok(data.tickets.some((t) => !byTicket.has(t.id)));
      assert.ok(data.comments.some((c) => !c.public));
      for (const t of data.tickets) {
        const list = byTicket.get(t.id) ?? [];
        if (t.firstRespondedAt !== null && list.length > 0) {
          assert.ok(list.some((c) => c.public && c.createdAt === t.firstRespondedAt && c.author.startsWith('agt_')), t.id);
        }
      }
    });
  });

  describe('CRM', () => {
    test('tiers in proportion, owners, companies, tags', () => {
      const tiers = (tier: string) => share(data.customers.filter((c) => c.tier === tier).length, data.customers.length);
      assert.ok(tiers('STANDARD') > 0.52 && tiers('STANDARD') < 0.68);
      assert.ok(tiers('SILVER') > 0.19 && tiers('SILVER') < 0.31);
      assert.ok(tiers('GOLD') > 0.08 && tiers('GOLD') < 0.16);
      assert.ok(tiers('PLATINUM') > 0.01 && tiers('PLATINUM') < 0.06);
      const withCompany = share(data.customers.filter((c) => c.company !== null).length, data.customers.length);
      assert.ok(withCompany > 0.4 && withCompany < 0.6, `company: ${withCompany}`);
      assert.ok(data.customers.some((c) => /[\u4e00-\u9fff]/.test(c.displayName)));
      assert.ok(data.customers.some((c) => /^[A-Z][a-z]+ [A-Z]/.test(c.displayName)));
      assert.ok(data.customers.some((c) => c.tags.length > 0));
    });

    test('~3% INACTIVE after a dated change following their last order, ~1% reactivated; statuses agree with the history', () => {
      const changesOf = new Map<string, CustomerStatusChangeRecord[]>();
      for (const change of data.statusChanges) changesOf.set(change.customerId, [...(changesOf.get(change.customerId) ?? []), change]);
      const inactive = data.customers.filter((c) => c.status === 'INACTIVE');
      assert.ok(share(inactive.length, data.customers.length) > 0.015 && share(inactive.length, data.customers.length) < 0.05, String(inactive.length));
      assert.ok([...changesOf.values()].some((list) => list.length === 2), 'some were reactivated');
      for (const customer of data.customers) {
        const changes = changesOf.get(customer.id) ?? [];
        let status = 'ACTIVE';
        for (const change of changes) {
          assert.equal(change.from, status, customer.id);
          assert.ok(change.at < ANCHOR && change.at > customer.createdAt, change.at);
          status = change.to;
        }
        assert.equal(customer.status, status, customer.id);
        const lastOrder = data.orders.filter((o) => o.customerId === customer.id).map((o) => o.placedAt).sort().at(-1);
        if (changes[0] && lastOrder) assert.ok(changes[0].at > lastOrder, `${customer.id} turned inactive after its last order`);
      }
    });

    test('zh customers carry valid 18-digit resident IDs', () => {
      const ids = data.customers.map((c) => c.nationalId).filter((id): id is string => id !== null);
      assert.ok(ids.length > 400, `national ids: ${ids.length}`);
      for (const id of ids) assert.ok(isValidNationalId(id), id);
      assert.ok(isValidNationalId('11010519491231002X'));
      assert.ok(!isValidNationalId('110105194912310021'));
    });

    test('orders: 0-6 per customer, decimal totals, CNY and USD, shipments consistent with status', () => {
      const perCustomer = new Map<string, number>();
      for (const order of data.orders) perCustomer.set(order.customerId, (perCustomer.get(order.customerId) ?? 0) + 1);
      assert.ok(Math.max(...perCustomer.values()) <= 6);
      assert.ok(perCustomer.size < data.customers.length);
      assert.ok(data.orders.every((o) => /^\d+\.\d{2}$/.test(o.total)));
      assert.deepEqual(new Set(data.orders.map((o) => o.currency)), new Set(['CNY', 'USD']));
      assert.deepEqual(new Set(data.orders.map((o) => o.status)), new Set(['PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED']));
      for (const order of data.orders) {
        const s = order.shipment;
        if (order.status === 'PENDING' || order.status === 'CANCELLED') assert.equal(s, null);
        if (order.status === 'SHIPPED') assert.ok(s?.status === 'IN_TRANSIT' && s.shippedAt !== null && s.deliveredAt === null);
        if (order.status === 'DELIVERED') assert.ok(s?.status === 'DELIVERED' && s.deliveredAt !== null && (s.shippedAt as string) < s.deliveredAt);
        if (s?.shippedAt) assert.ok(s.shippedAt > order.placedAt);
      }
      assert.ok(data.orders.some((o) => o.shipment?.carrier === '顺丰速运'));
    });

    test('activities: notes, chats and call logs for about half the answered calls; lastContactAt and updatedAt', () => {
      const types = new Set(data.activities.map((a) => a.type));
      assert.deepEqual(types, new Set(['NOTE', 'CALL_LOG', 'CHAT_TRANSCRIPT']));
      const logs = data.activities.filter((a) => a.type === 'CALL_LOG');
      const answered = data.calls.filter((c) => c.answeredAt !== null && c.customerNumber !== null && customerNumbers.has(c.customerNumber));
      const s = share(logs.length, answered.length);
      assert.ok(s > 0.4 && s < 0.6, `logged share ${s}`);
      for (const log of logs) {
        const call = callsById.get(log.callId as string);
        assert.ok(call, `${log.id} points at a call`);
        assert.equal(log.durationSeconds, call.talkSeconds + call.holdSeconds);
        assert.equal(log.agentId, call.agentId);
        assert.equal(log.disposition, call.disposition);
        assert.equal(log.recordingRef, call.recordingRef);
      }
      assert.ok(data.activities.filter((a) => a.type === 'CHAT_TRANSCRIPT').every((a) => (a.messages?.length ?? 0) >= 3));
      const latest = new Map<string, string>();
      for (const a of data.activities) if ((latest.get(a.customerId) ?? '') < a.at) latest.set(a.customerId, a.at);
      for (const customer of data.customers) {
        assert.equal(customer.lastContactAt, latest.get(customer.id) ?? null, customer.id);
        assert.ok(customer.createdAt < customer.updatedAt, customer.id);
      }
    });
  });

  describe('integrity', () => {
    test('every reference points at an existing record', () => {
      const agents = new Set(data.agents.map((a) => a.id));
      const queues = new Set(data.queues.map((q) => q.id));
      const owners = new Set(data.owners.map((o) => o.id));
      const customers = new Set(data.customers.map((c) => c.id));
      for (const call of data.calls) {
        if (call.agentId !== null) assert.ok(agents.has(call.agentId), call.id);
        if (call.queueId !== null) assert.ok(queues.has(call.queueId), call.id);
        if (call.parentCallId !== null) assert.ok(callsById.has(call.parentCallId), call.id);
      }
      for (const ticket of data.tickets) {
        assert.ok(customers.has(ticket.requesterId as string), ticket.id);
        if (ticket.assigneeId !== null) assert.ok(agents.has(ticket.assigneeId), ticket.id);
        if (ticket.relatedCallId !== null) assert.ok(callsById.has(ticket.relatedCallId), ticket.id);
      }
      for (const customer of data.customers) if (customer.ownerId !== null) assert.ok(owners.has(customer.ownerId), customer.id);
      for (const order of data.orders) assert.ok(customers.has(order.customerId), order.id);
      for (const activity of data.activities) {
        assert.ok(customers.has(activity.customerId), activity.id);
        if (activity.callId !== null) assert.ok(callsById.has(activity.callId), activity.id);
        if (activity.agentId !== null) assert.ok(agents.has(activity.agentId), activity.id);
      }
      for (const kind of ['customers', 'orders', 'activities', 'calls', 'tickets', 'comments'] as const) {
        const ids = data[kind].map((record) => record.id);
        assert.equal(new Set(ids).size, ids.length, `${kind} ids are unique`);
      }
      assert.ok(data.customers.every((c, i) => c.id === `cus_${String(i + 1).padStart(6, '0')}`));
    });

    test('every timestamp is an ISO UTC string in the 180 days before the anchor', () => {
      let checked = 0;
      const check = (value: string | null, where: string) => {
        if (value === null) return;
        assert.match(value, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, where);
        const ms = Date.parse(value);
        assert.ok(ms < ANCHOR_MS && ms >= WINDOW_START_MS, `${where}: ${value}`);
        checked += 1;
      };
      for (const c of data.customers) for (const f of ['createdAt', 'updatedAt', 'lastContactAt'] as const) check(c[f], `${c.id}.${f}`);
      for (const o of data.orders) {
        check(o.placedAt, o.id);
        check(o.shipment?.shippedAt ?? null, o.id);
        check(o.shipment?.deliveredAt ?? null, o.id);
      }
      for (const a of data.activities) {
        check(a.at, a.id);
        for (const m of a.messages ?? []) check(m.at, a.id);
      }
      for (const c of data.calls) for (const f of ['startedAt', 'answeredAt', 'endedAt'] as const) check(c[f], `${c.id}.${f}`);
      for (const t of data.tickets) for (const f of ['createdAt', 'updatedAt', 'firstRespondedAt', 'solvedAt'] as const) check(t[f], `${t.id}.${f}`);
      for (const c of data.comments) check(c.createdAt, c.id);
      assert.ok(checked > 50_000);
    });
  });
});
