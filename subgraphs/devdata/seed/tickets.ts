/**
 * Tickets: about `ticketsPerCustomer` per customer, ~44% opened from one of the customer's
 * answered calls; statuses by age, SLA targets by priority (`SLA_HOURS`) met or missed by the
 * anchor, and 0-4 comments (the first public agent reply exactly at `firstRespondedAt`).
 */
import type { CallRecord } from '../../callcenter/source/records.js';
import type { TicketChannel, TicketCommentRecord, TicketPriority, TicketRecord, TicketStatus } from '../../tickets/source/records.js';
import type { CustomerDraft } from './customers.js';
import { weighted, type Prng } from './prng.js';
import { nextId, pad, pickAgent, type State } from './state.js';
import { DAY, HOUR, MINUTE, SECOND, iso, shapedTime, toSecond, uniformTime } from './time.js';
import * as texts from './texts.js';

/** SLA targets by priority, in hours: first reply, resolution. */
export const SLA_HOURS: Readonly<Record<TicketPriority, readonly [number, number]>> = {
  URGENT: [1, 4],
  HIGH: [4, 24],
  NORMAL: [24, 72],
  LOW: [72, 168],
};


const PRIORITY = weighted<TicketPriority>([['LOW', 20], ['NORMAL', 55], ['HIGH', 18], ['URGENT', 7]]);
const VIP_PRIORITY = weighted<TicketPriority>([['LOW', 10], ['NORMAL', 45], ['HIGH', 30], ['URGENT', 15]]);
const CHANNEL = weighted<TicketChannel>([['EMAIL', 40], ['WEB', 25], ['CHAT', 20], ['PHONE', 15]]);
const STATUS_FRESH = weighted<TicketStatus>([['NEW', 60], ['OPEN', 40]]);
const STATUS_YOUNG = weighted<TicketStatus>([['NEW', 20], ['OPEN', 30], ['PENDING', 18], ['HOLD', 7], ['SOLVED', 20], ['CLOSED', 5]]);
const STATUS_OLD = weighted<TicketStatus>([['NEW', 1], ['OPEN', 2.5], ['PENDING', 2], ['HOLD', 1.5], ['SOLVED', 20], ['CLOSED', 73]]);
const COMMENT_COUNT = weighted<number>([[0, 20], [1, 30], [2, 25], [3, 15], [4, 10]]);

/** A delay of about `median` ms that still ends before `limit` (and after `minimum`). */
function boundedDelay(prng: Prng, median: number, from: number, minimum: number, limit: number): number {
  const room = limit - from;
  let delay = Math.max(minimum, prng.logNormal(median, 0.75));
  if (from + delay >= limit) delay = minimum + (room - minimum) * prng.float(0.2, 0.95);
  return toSecond(from + delay) - from;
}

/** An answered call of the customer, which a ticket may be opened from. */
export interface AnsweredCall {
  call: CallRecord;
}

/** The tickets of one customer, with their comments. */
export function makeTickets(
  state: State,
  prng: Prng,
  draft: CustomerDraft,
  answeredCalls: AnsweredCall[],
): { tickets: TicketRecord[]; comments: TicketCommentRecord[] } {
  const { anchor, ticketsPerCustomer } = state.settings;
  const created = Date.parse(draft.record.createdAt);
  const tickets: TicketRecord[] = [];
  const comments: TicketCommentRecord[] = [];
  const count = prng.poisson(ticketsPerCustomer * (draft.duplicateOf ? 0.3 : 1) * prng.logNormal(1, 0.6) * 0.835);
  const orderHint = `SO${prng.digits(13)}`;
  const vip = draft.record.tier === 'GOLD' || draft.record.tier === 'PLATINUM';
  for (let i = 0; i < count; i++) {
    const linked = answeredCalls.length > 0 && prng.chance(0.44) ? prng.pick(answeredCalls).call : null;
    const priority = (vip ? VIP_PRIORITY : PRIORITY)(prng);
    const [firstReplyHours, resolutionHours] = SLA_HOURS[priority];
    const firstReplyTarget = firstReplyHours * HOUR;
    const resolutionTarget = resolutionHours * HOUR;

    let createdAt: number;
    if (linked) {
      createdAt = Date.parse(linked.endedAt as string) + (linked.wrapUpSeconds + prng.int(30, 600)) * SECOND;
    } else if (prng.chance(0.12)) {
      createdAt = Math.max(created + HOUR, uniformTime(prng, anchor - 5 * DAY, anchor - 10 * MINUTE));
    } else {
      createdAt = shapedTime(prng, created, anchor - 10 * MINUTE, draft.utcOffset);
    }
    const age = anchor - createdAt;
    const status = (age < 2 * HOUR ? STATUS_FRESH : age < resolutionTarget ? STATUS_YOUNG : STATUS_OLD)(prng);
    const limit = anchor - MINUTE;

    let firstRespondedAt: number | null = null;
    let solvedAt: number | null = null;
    let closedAt: number | null = null;
    if (status !== 'NEW') {
      firstRespondedAt = createdAt + boundedDelay(prng, firstReplyTarget * 0.25, createdAt, MINUTE / 2, limit - MINUTE);
    }
    if (status === 'SOLVED' || status === 'CLOSED') {
      const base = firstRespondedAt as number;
      solvedAt = base + boundedDelay(prng, resolutionTarget * 0.2, base, MINUTE / 2, limit);
      if (status === 'CLOSED') closedAt = solvedAt + boundedDelay(prng, 2 * DAY, solvedAt, SECOND, anchor - SECOND);
    }
    const firstReplyDue = createdAt + firstReplyTarget;
    const resolutionDue = createdAt + resolutionTarget;
    const slaBreached = (firstRespondedAt ?? anchor) > firstReplyDue || (solvedAt ?? anchor) > resolutionDue;
    const slaDueAt = solvedAt !== null ? null : firstRespondedAt === null ? firstReplyDue : resolutionDue;

    const assignee =
      status === 'NEW' && prng.chance(0.4)
        ? null
        : linked?.agentId && prng.chance(0.75)
          ? linked.agentId
          : pickAgent(state, prng, draft.team).id;
    const ticketNumber = nextId(state, 'ticket');
    const ticketId = `tkt_${pad(ticketNumber, 6)}`;
    const template = prng.pick(
      linked
        ? draft.lang === 'zh' ? texts.PHONE_TICKETS_ZH : texts.PHONE_TICKETS_EN
        : draft.lang === 'zh' ? texts.TICKETS_ZH : texts.TICKETS_EN,
    );

    // Comments: the first public agent reply lands exactly at firstRespondedAt.
    const drafts: Omit<TicketCommentRecord, 'id'>[] = [];
    const commentCount = COMMENT_COUNT(prng);
    const end = solvedAt ?? limit;
    const lang = draft.lang;
    for (let c = 0; c < commentCount; c++) {
      if (c === 0 && firstRespondedAt !== null) {
        drafts.push({ ticketId, author: assignee ?? pickAgent(state, prng, draft.team).id, body: prng.pick(lang === 'zh' ? texts.AGENT_REPLIES_ZH : texts.AGENT_REPLIES_EN), public: true, createdAt: iso(firstRespondedAt) });
        continue;
      }
      const kind = firstRespondedAt === null ? prng.weighted([['customer', 70], ['internal', 30]] as const) : prng.weighted([['customer', 45], ['agent', 35], ['internal', 20]] as const);
      const from = kind === 'agent' ? (firstRespondedAt as number) : createdAt;
      const at = uniformTime(prng, from + SECOND, Math.max(from + SECOND, end));
      if (kind === 'customer') {
        drafts.push({ ticketId, author: draft.record.id, body: prng.pick(lang === 'zh' ? texts.CUSTOMER_REPLIES_ZH : texts.CUSTOMER_REPLIES_EN), public: true, createdAt: iso(at) });
      } else {
        const internal = kind === 'internal';
        drafts.push({
          ticketId,
          author: assignee ?? pickAgent(state, prng, draft.team).id,
          body: prng.pick(internal ? (lang === 'zh' ? texts.INTERNAL_NOTES_ZH : texts.INTERNAL_NOTES_EN) : lang === 'zh' ? texts.AGENT_REPLIES_ZH : texts.AGENT_REPLIES_EN),
          public: !internal,
          createdAt: iso(at),
        });
      }
    }
    drafts.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    let updatedAt = Math.max(createdAt, firstRespondedAt ?? 0, solvedAt ?? 0, closedAt ?? 0);
    for (const comment of drafts) {
      updatedAt = Math.max(updatedAt, Date.parse(comment.createdAt));
      comments.push({ id: `tcm_${pad(nextId(state, 'comment'), 7)}`, ...comment });
    }

    tickets.push({
      id: ticketId,
      number: `T-${100_000 + ticketNumber}`,
      subject: template.subject.replace('{order}', orderHint),
      description: template.description.replace('{order}', orderHint),
      status,
      priority,
      channel: linked ? 'PHONE' : CHANNEL(prng),
      requesterId: draft.record.id,
      assigneeId: assignee,
      relatedCallId: linked?.id ?? null,
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
      slaDueAt: slaDueAt === null ? null : iso(slaDueAt),
      slaBreached,
      firstRespondedAt: firstRespondedAt === null ? null : iso(firstRespondedAt),
      solvedAt: solvedAt === null ? null : iso(solvedAt),
      idempotencyKey: null,
      requesterTier: draft.record.tier,
      category: template.category,
    });
  }
  return { tickets, comments };
}
