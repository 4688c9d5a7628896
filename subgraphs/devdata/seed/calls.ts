/**
 * Calls: one call to or from a number, as the call center records it once ended
 * (dispositions, waits, talk and hold, wrap-up, recordings; a transfer is two legs), and the
 * reporting columns (customer id and tier) the seed knows.
 */
import type { CustomerTier } from '../../crm/source/records.js';
import type { CallDirection, CallDisposition, CallRecord } from '../../callcenter/source/records.js';
import type { Lang } from './customers.js';
import { weighted, type Prng } from './prng.js';
import { nextId, pad, pickAgent, type State } from './state.js';
import { DAY, HOUR, MINUTE, SECOND, iso, shapedTime } from './time.js';
import * as vocab from './vocabulary.js';

/** Calls start at least this long before the anchor, so every seeded call has ENDED by then. */
export const CALL_HORIZON = 6 * HOUR;


const INBOUND_DISPOSITION = weighted<CallDisposition>([['ANSWERED', 70.5], ['ABANDONED', 13], ['MISSED', 4], ['TRANSFERRED', 6], ['VOICEMAIL', 2.5]]);
const OUTBOUND_DISPOSITION = weighted<CallDisposition>([['ANSWERED', 80], ['MISSED', 12], ['TRANSFERRED', 2], ['VOICEMAIL', 6]]);

/** Who a call is with, as far as the call's shape depends on it. */
export interface CallTarget {
  lang: Lang;
  team: string;
  tier: CustomerTier;
  utcOffset: number;
  /** The CRM customer the call belongs to (reporting columns); null for unknown and withheld callers. */
  customerId: string | null;
}

function inboundQueue(prng: Prng, target: CallTarget): string {
  if (target.lang === 'en') return prng.weighted([['q_en_support', 60], ['q_sales', 20], ['q_billing', 20]] as const);
  if ((target.tier === 'GOLD' || target.tier === 'PLATINUM') && prng.chance(0.6)) return 'q_vip';
  return prng.weighted([['q_support', 50], ['q_sales', 25], ['q_billing', 25]] as const);
}

const talkSeconds = (prng: Prng, median = 180): number => Math.max(8, Math.min(7200, Math.round(prng.logNormal(median, 0.8))));
const holdSeconds = (prng: Prng): number => (prng.chance(0.75) ? 0 : Math.min(900, Math.round(5 + prng.exponential(60))));

/**
 * One call to or from `customerNumber` (null: withheld caller) in [lower, upper]: one
 * record, or two when it was transferred (the answered first leg and the new leg).
 */
export function makeCall(state: State, prng: Prng, customerNumber: string | null, target: CallTarget, lower: number, upper: number): CallRecord[] {
  const direction: CallDirection = customerNumber === null || prng.chance(0.8) ? 'INBOUND' : 'OUTBOUND';
  let disposition = direction === 'INBOUND' ? INBOUND_DISPOSITION(prng) : OUTBOUND_DISPOSITION(prng);
  const hotline = target.lang === 'en' && prng.chance(0.5) ? vocab.INTL_HOTLINE : prng.pick(vocab.HOTLINES);

  let start: number;
  if (prng.chance(0.006)) {
    // A late call that runs past midnight UTC.
    const day = Math.floor((lower + prng.next() * (upper - lower)) / DAY) * DAY;
    start = day + 23 * HOUR + 40 * MINUTE + prng.int(0, 1100) * SECOND;
    if (start < lower || start > upper) start = shapedTime(prng, lower, upper, target.utcOffset);
    else disposition = 'ANSWERED';
  } else {
    start = shapedTime(prng, lower, upper, target.utcOffset);
  }
  const spansMidnight = (start % DAY) >= 23 * HOUR + 40 * MINUTE && disposition === 'ANSWERED';

  let wait: number;
  switch (disposition) {
    case 'ABANDONED':
      wait = prng.chance(0.35) ? prng.int(2, 19) : 20 + Math.round(prng.exponential(60));
      break;
    case 'MISSED':
    case 'VOICEMAIL':
      wait = prng.int(20, 40);
      break;
    default:
      wait = direction === 'INBOUND' ? Math.min(900, Math.max(1, Math.round(prng.exponential(35)))) : prng.int(4, 30);
  }

  const id = `call_${pad(nextId(state, 'call'), 7)}`;
  const answered = disposition === 'ANSWERED' || disposition === 'TRANSFERRED';
  const agent = disposition === 'ABANDONED' || disposition === 'VOICEMAIL' ? null : pickAgent(state, prng, target.team);
  const talk = answered ? (spansMidnight ? prng.int(25 * 60, 45 * 60) : talkSeconds(prng, disposition === 'TRANSFERRED' ? 90 : 180)) : 0;
  const hold = answered ? holdSeconds(prng) : 0;
  const voicemail = disposition === 'VOICEMAIL' ? prng.int(8, 90) : 0;
  const answeredAt = answered ? start + wait * SECOND : null;
  const endedAt = start + (wait + talk + hold + voicemail) * SECOND;
  const from = direction === 'INBOUND' ? customerNumber : hotline;
  const to = direction === 'INBOUND' ? hotline : (customerNumber as string);
  const queueId = direction === 'INBOUND' ? inboundQueue(prng, target) : null;

  const call: CallRecord = {
    id,
    direction,
    from,
    to,
    customerNumber,
    state: 'ENDED',
    queueId,
    agentId: agent?.id ?? null,
    parentCallId: null,
    startedAt: iso(start),
    answeredAt: answeredAt === null ? null : iso(answeredAt),
    endedAt: iso(endedAt),
    waitSeconds: wait,
    talkSeconds: talk,
    holdSeconds: hold,
    wrapUpSeconds: answered ? prng.int(10, 120) : 0,
    disposition,
    recordingRef: answered || voicemail > 0 ? `rec_${id}` : null,
    recordingSeconds: answered ? talk + hold : voicemail > 0 ? voicemail : null,
    customerId: target.customerId,
    customerTier: target.customerId === null ? null : target.tier,
  };
  if (disposition !== 'TRANSFERRED') return [call];

  // The new leg: same caller, offered to another agent (often another queue) at the moment of transfer.
  const legId = `call_${pad(nextId(state, 'call'), 7)}`;
  const legWait = Math.max(2, Math.round(3 + prng.exponential(20)));
  const legAgent = pickAgent(state, prng, prng.chance(0.7) ? target.team : prng.pick([...state.reference.agentsByTeam.keys()]), call.agentId);
  const legTalk = talkSeconds(prng);
  const legHold = holdSeconds(prng);
  const legAnswered = endedAt + legWait * SECOND;
  const leg: CallRecord = {
    ...call,
    id: legId,
    queueId: direction === 'INBOUND' ? prng.pick(['q_billing', 'q_support', 'q_sales', target.lang === 'en' ? 'q_en_support' : 'q_vip']) : null,
    agentId: legAgent.id,
    parentCallId: id,
    startedAt: iso(endedAt),
    answeredAt: iso(legAnswered),
    endedAt: iso(legAnswered + (legTalk + legHold) * SECOND),
    waitSeconds: legWait,
    talkSeconds: legTalk,
    holdSeconds: legHold,
    wrapUpSeconds: prng.int(10, 120),
    disposition: 'ANSWERED',
    recordingRef: `rec_${legId}`,
    recordingSeconds: legTalk + legHold,
  };
  return [call, leg];
}
