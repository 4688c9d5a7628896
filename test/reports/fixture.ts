/**
 * The small hand-made data set of the reporting tests, with every expected figure worked
 * out by hand next to it (the tests only compare). Times are UTC.
 *
 * Call center. Queues q_a, q_b; agents agt_1, agt_2 (team-a), agt_3 (team-b). Customers
 * cus_A (GOLD), cus_B (STANDARD), cus_C (SILVER); +8610999 is an unknown caller; c07 is
 * withheld. Contacts in RANGE [2026-10-31, 2026-11-02):
 *
 * | call | offered (UTC)     | outcome       | wait | handle (talk+hold+wrap) | queue | agent | caller |
 * | c01  | 10-31 10:00       | ANSWERED      | 10   | 100+0+20 = 120          | q_a   | agt_1 | cus_A  |
 * | c02  | 10-31 15:30       | ABANDONED     | 5 (inside the 20 s threshold) | | q_a   | –     | cus_B  |
 * | c03  | 10-31 20:00       | TRANSFERRED   | 30   | 60+10+10 = 80           | q_b   | agt_2 | cus_A  |
 * |  c03b (new leg of c03, not a contact) 20:01:40 | ANSWERED | 5 | 200+0+40 = 240 | q_a | agt_3 | cus_A |
 * | c04  | 10-31 23:50 (ends 11-01 00:20) | ANSWERED | 15 | 1700+0+100 = 1800 | q_a | agt_1 | cus_C |
 * | c05  | 11-01 02:00       | MISSED        | 25   |                         | q_b   | agt_2 | +8610999 |
 * | c06  | 11-01 03:00       | ANSWERED      | 40   | 300+60+40 = 400         | q_b   | agt_3 | +8610999 |
 * | c07  | 11-01 09:00       | VOICEMAIL     | 30   |                         | q_a   | –     | withheld |
 * | c08  | 11-01 12:00       | ABANDONED     | 50   |                         | q_b   | –     | cus_B  |
 * c09: OUTBOUND 11-01 13:00 to cus_A (not a contact). c10: cus_C on 10-28 (before the
 * range), c11: cus_A on 11-05 (after it): they decide repeat contacts and FCR only.
 * d1-d3: three answered calls around the 2025-11-02 DST change in New York.
 */
import type { AgentRecord, CallCenterSeed, CallRecord, QueueRecord } from '../../subgraphs/callcenter/source/records.js';
import type { TicketRecord, TicketsSeed } from '../../subgraphs/tickets/source/records.js';

export const RANGE = { from: '2026-10-31T00:00:00Z', to: '2026-11-02T00:00:00Z', timeZone: 'UTC' };
export const EMPTY_RANGE = { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z', timeZone: 'UTC' };

const CENTER = '+864008123456';
const UNKNOWN = '+8610999';
const NUMBER = { cus_A: '+8613800000001', cus_B: '+8613800000002', cus_C: '+8613800000003' } as const;
const TIER = { cus_A: 'GOLD', cus_B: 'STANDARD', cus_C: 'SILVER' } as const;
type Customer = keyof typeof NUMBER;

export const agents: AgentRecord[] = [
  { id: 'agt_1', name: 'Ada Li', team: 'team-a', presence: 'AVAILABLE' },
  { id: 'agt_2', name: 'Bo Wang', team: 'team-a', presence: 'BUSY' },
  { id: 'agt_3', name: 'Chen Yu', team: 'team-b', presence: 'AVAILABLE' },
];
export const queues: QueueRecord[] = [
  { id: 'q_a', name: 'Queue A' },
  { id: 'q_b', name: 'Queue B' },
];

interface CallSpec {
  id: string;
  at: string;
  disposition: CallRecord['disposition'];
  wait: number;
  talk?: number;
  hold?: number;
  wrap?: number;
  queue: string | null;
  agent: string | null;
  caller: Customer | 'unknown' | 'withheld';
  direction?: CallRecord['direction'];
  parent?: string;
}

function call(spec: CallSpec): CallRecord {
  const start = Date.parse(spec.at);
  const answered = spec.disposition === 'ANSWERED' || spec.disposition === 'TRANSFERRED';
  const talk = spec.talk ?? 0;
  const hold = spec.hold ?? 0;
  const number = spec.caller === 'withheld' ? null : spec.caller === 'unknown' ? UNKNOWN : NUMBER[spec.caller];
  const customer = spec.caller === 'withheld' || spec.caller === 'unknown' ? null : spec.caller;
  const direction = spec.direction ?? 'INBOUND';
  return {
    id: spec.id,
    direction,
    from: direction === 'INBOUND' ? number : CENTER,
    to: direction === 'INBOUND' ? CENTER : (number as string),
    customerNumber: number,
    state: 'ENDED',
    queueId: spec.queue,
    agentId: spec.agent,
    parentCallId: spec.parent ?? null,
    startedAt: new Date(start).toISOString(),
    answeredAt: answered ? new Date(start + spec.wait * 1000).toISOString() : null,
    endedAt: new Date(start + (spec.wait + talk + hold) * 1000).toISOString(),
    waitSeconds: spec.wait,
    talkSeconds: talk,
    holdSeconds: hold,
    wrapUpSeconds: spec.wrap ?? 0,
    disposition: spec.disposition,
    recordingRef: null,
    recordingSeconds: null,
    customerId: customer,
    customerTier: customer === null ? null : TIER[customer],
  };
}

export const calls: CallRecord[] = [
  call({ id: 'c01', at: '2026-10-31T10:00:00Z', disposition: 'ANSWERED', wait: 10, talk: 100, wrap: 20, queue: 'q_a', agent: 'agt_1', caller: 'cus_A' }),
  call({ id: 'c02', at: '2026-10-31T15:30:00Z', disposition: 'ABANDONED', wait: 5, queue: 'q_a', agent: null, caller: 'cus_B' }),
  call({ id: 'c03', at: '2026-10-31T20:00:00Z', disposition: 'TRANSFERRED', wait: 30, talk: 60, hold: 10, wrap: 10, queue: 'q_b', agent: 'agt_2', caller: 'cus_A' }),
  call({ id: 'c03b', at: '2026-10-31T20:01:40Z', disposition: 'ANSWERED', wait: 5, talk: 200, wrap: 40, queue: 'q_a', agent: 'agt_3', caller: 'cus_A', parent: 'c03' }),
  call({ id: 'c04', at: '2026-10-31T23:50:00Z', disposition: 'ANSWERED', wait: 15, talk: 1700, wrap: 100, queue: 'q_a', agent: 'agt_1', caller: 'cus_C' }),
  call({ id: 'c05', at: '2026-11-01T02:00:00Z', disposition: 'MISSED', wait: 25, queue: 'q_b', agent: 'agt_2', caller: 'unknown' }),
  call({ id: 'c06', at: '2026-11-01T03:00:00Z', disposition: 'ANSWERED', wait: 40, talk: 300, hold: 60, wrap: 40, queue: 'q_b', agent: 'agt_3', caller: 'unknown' }),
  call({ id: 'c07', at: '2026-11-01T09:00:00Z', disposition: 'VOICEMAIL', wait: 30, queue: 'q_a', agent: null, caller: 'withheld' }),
  call({ id: 'c08', at: '2026-11-01T12:00:00Z', disposition: 'ABANDONED', wait: 50, queue: 'q_b', agent: null, caller: 'cus_B' }),
  call({ id: 'c09', at: '2026-11-01T13:00:00Z', disposition: 'ANSWERED', wait: 4, talk: 90, queue: null, agent: 'agt_1', caller: 'cus_A', direction: 'OUTBOUND' }),
  call({ id: 'c10', at: '2026-10-28T09:00:00Z', disposition: 'ANSWERED', wait: 12, talk: 50, queue: 'q_a', agent: 'agt_1', caller: 'cus_C' }),
  call({ id: 'c11', at: '2026-11-05T09:00:00Z', disposition: 'ANSWERED', wait: 8, talk: 70, queue: 'q_a', agent: 'agt_1', caller: 'cus_A' }),
  // Around the end of daylight saving time in New York, 2025-11-02 06:00Z (02:00 EDT → 01:00 EST).
  call({ id: 'd1', at: '2025-11-02T04:10:00Z', disposition: 'ANSWERED', wait: 10, talk: 60, queue: 'q_a', agent: 'agt_1', caller: 'unknown' }), // 00:10 EDT
  call({ id: 'd2', at: '2025-11-02T05:30:00Z', disposition: 'ANSWERED', wait: 10, talk: 60, queue: 'q_a', agent: 'agt_1', caller: 'unknown' }), // 01:30 EDT
  call({ id: 'd3', at: '2025-11-02T06:30:00Z', disposition: 'ANSWERED', wait: 10, talk: 60, queue: 'q_a', agent: 'agt_1', caller: 'unknown' }), // 01:30 EST
];

/** 1,001 contacts on 2024-01-01, each offered to another agent: grouping them by AGENT exceeds 1,000 groups. */
export const MANY_AGENTS_RANGE = { from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00Z', timeZone: 'UTC' };
const manyAgentCalls: CallRecord[] = Array.from({ length: 1001 }, (_, i) =>
  call({ id: `m${String(i).padStart(4, '0')}`, at: `2024-01-01T10:00:${String(i % 60).padStart(2, '0')}Z`, disposition: 'MISSED', wait: 20, queue: 'q_a', agent: `agt_m${i}`, caller: 'withheld' }),
);

export const callCenterSeed: CallCenterSeed = { agents, queues, calls: [...calls, ...manyAgentCalls] };

/**
 * Tickets. TICKET_RANGE = [2026-10-01, 2026-11-01); reports evaluate SLA due dates at
 * TICKET_NOW. Agent teams as in the call center.
 *
 * | ticket | created    | status now | first reply | solved      | priority | channel | assignee | requester (tier) | SLA breached |
 * | t1     | 09-20      | OPEN       | +3600 s     | –           | NORMAL   | EMAIL   | agt_1    | cus_A (GOLD)     | no           |
 * | t2     | 10-02      | SOLVED     | +600 s      | 10-03 (+86400 s) | HIGH | PHONE   | agt_1    | cus_A (GOLD)     | yes (stored) |
 * | t3     | 10-10      | CLOSED     | +300 s      | 10-10 02:00 (+7200 s) | HIGH | EMAIL | agt_3 | cus_B (STANDARD) | no       |
 * | t4     | 10-15      | NEW        | –           | –           | URGENT   | CHAT    | agt_2    | cus_B (STANDARD) | yes (due 10-15 01:00, past) |
 * | t5     | 10-20      | NEW        | –           | –           | LOW      | WEB     | –        | – (unknown)      | no           |
 * | t6     | 10-25      | SOLVED     | +1200 s     | 11-05 (after the range) | NORMAL | EMAIL | agt_3 | cus_C (SILVER) | no   |
 * | t7     | 09-01      | SOLVED     | +1800 s     | 10-05 (+2937600 s) | URGENT | PHONE | agt_2 | cus_A (GOLD)     | yes (stored) |
 * | t8     | 11-10      | OPEN       | –           | –           | NORMAL   | EMAIL   | agt_1    | cus_A (GOLD)     | no           |
 * | t9     | 08-01      | CLOSED     | +60 s       | 08-02       | LOW      | EMAIL   | agt_1    | cus_C (SILVER)   | no           |
 */
export const TICKET_RANGE = { from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z', timeZone: 'Asia/Shanghai' };
export const TICKET_NOW = '2026-11-21T00:00:00.000Z';
const FAR_FUTURE = '2099-01-01T00:00:00.000Z';

function ticket(id: string, spec: Partial<TicketRecord> & Pick<TicketRecord, 'createdAt' | 'status' | 'priority' | 'channel'>): TicketRecord {
  const requesterId = spec.requesterId ?? null;
  return {
    id,
    number: `T-9${id.slice(1).padStart(5, '0')}`,
    subject: id,
    description: '',
    requesterId,
    assigneeId: null,
    relatedCallId: null,
    updatedAt: spec.createdAt,
    slaDueAt: FAR_FUTURE,
    slaBreached: false,
    firstRespondedAt: null,
    solvedAt: null,
    idempotencyKey: null,
    requesterTier: requesterId === null ? null : TIER[requesterId as Customer],
    ...spec,
  };
}

const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000).toISOString();

export const tickets: TicketRecord[] = [
  ticket('t1', { createdAt: at('2026-09-20T00:00:00Z'), status: 'OPEN', firstRespondedAt: at('2026-09-20T00:00:00Z', 3600), priority: 'NORMAL', channel: 'EMAIL', assigneeId: 'agt_1', requesterId: 'cus_A' }),
  ticket('t2', { createdAt: at('2026-10-02T00:00:00Z'), status: 'SOLVED', firstRespondedAt: at('2026-10-02T00:00:00Z', 600), solvedAt: at('2026-10-03T00:00:00Z'), slaDueAt: null, slaBreached: true, priority: 'HIGH', channel: 'PHONE', assigneeId: 'agt_1', requesterId: 'cus_A' }),
  ticket('t3', { createdAt: at('2026-10-10T00:00:00Z'), status: 'CLOSED', firstRespondedAt: at('2026-10-10T00:00:00Z', 300), solvedAt: at('2026-10-10T02:00:00Z'), slaDueAt: null, priority: 'HIGH', channel: 'EMAIL', assigneeId: 'agt_3', requesterId: 'cus_B' }),
  ticket('t4', { createdAt: at('2026-10-15T00:00:00Z'), status: 'NEW', slaDueAt: at('2026-10-15T01:00:00Z'), priority: 'URGENT', channel: 'CHAT', assigneeId: 'agt_2', requesterId: 'cus_B' }),
  ticket('t5', { createdAt: at('2026-10-20T00:00:00Z'), status: 'NEW', priority: 'LOW', channel: 'WEB' }),
  ticket('t6', { createdAt: at('2026-10-25T00:00:00Z'), status: 'SOLVED', firstRespondedAt: at('2026-10-25T00:00:00Z', 1200), solvedAt: at('2026-11-05T00:00:00Z'), slaDueAt: null, priority: 'NORMAL', channel: 'EMAIL', assigneeId: 'agt_3', requesterId: 'cus_C' }),
  ticket('t7', { createdAt: at('2026-09-01T00:00:00Z'), status: 'SOLVED', firstRespondedAt: at('2026-09-01T00:00:00Z', 1800), solvedAt: at('2026-10-05T00:00:00Z'), slaDueAt: null, slaBreached: true, priority: 'URGENT', channel: 'PHONE', assigneeId: 'agt_2', requesterId: 'cus_A' }),
  ticket('t8', { createdAt: at('2026-11-10T00:00:00Z'), status: 'OPEN', priority: 'NORMAL', channel: 'EMAIL', assigneeId: 'agt_1', requesterId: 'cus_A' }),
  ticket('t9', { createdAt: at('2026-08-01T00:00:00Z'), status: 'CLOSED', firstRespondedAt: at('2026-08-01T00:00:00Z', 60), solvedAt: at('2026-08-02T00:00:00Z'), slaDueAt: null, priority: 'LOW', channel: 'EMAIL', assigneeId: 'agt_1', requesterId: 'cus_C' }),
];

export const ticketsSeed: TicketsSeed = {
  tickets,
  comments: [],
  agentTeams: agents.map((agent) => ({ agentId: agent.id, team: agent.team })),
};
