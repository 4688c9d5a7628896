/**
 * Checks and normalises `createTicket` input before anything is written. Every problem is
 * reported at once in one `BAD_USER_INPUT` error (`extensions.problems`).
 */
import { badUserInput } from '../../../schema/errors.js';
import type { CreateTicketInput } from './port.js';
import type { TicketChannel, TicketPriority } from './records.js';
import { classificationProblems, normaliseClassification } from './classification.js';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;
export const MAX_SUBJECT_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 10_000;

const PRIORITIES: readonly TicketPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const CHANNELS: readonly TicketChannel[] = ['PHONE', 'EMAIL', 'CHAT', 'WEB'];

/** Ids of the other systems, checked by shape only: the ticket system cannot look them up. */
const CUSTOMER_ID = /^cus_[A-Za-z0-9]{1,64}$/;
const AGENT_ID = /^agt_[A-Za-z0-9]{1,64}$/;
/**
 * Call ids are the call center's own (seeded `call_…`, simulator `sim_call_…`, a vendor's
 * contact UUID), so any short id is accepted except one that names another kind of record.
 */
const CALL_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const OTHER_RECORD_ID = /^(cus|agt|tkt|ord|act|own|tcm)_/;

export interface NormalisedTicketInput {
  idempotencyKey: string;
  requesterId: string;
  subject: string;
  description: string;
  priority: TicketPriority;
  channel: TicketChannel;
  assigneeId: string | null;
  relatedCallId: string | null;
  category: string | null;
  tags: string[];
}

interface Problem {
  field: string;
  message: string;
}

export function normaliseCreateTicketInput(input: CreateTicketInput): NormalisedTicketInput {
  const problems: Problem[] = [];
  const key = input.idempotencyKey;
  if (typeof key !== 'string' || key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    problems.push({ field: 'idempotencyKey', message: `idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long.` });
  }
  if (typeof input.requesterId !== 'string' || !CUSTOMER_ID.test(input.requesterId)) {
    problems.push({ field: 'requesterId', message: `requesterId ${JSON.stringify(input.requesterId)} is not a customer id (cus_…).` });
  }
  const subject = typeof input.subject === 'string' ? input.subject.trim() : '';
  if (subject.length < 1 || subject.length > MAX_SUBJECT_LENGTH) {
    problems.push({ field: 'subject', message: `subject must be 1 to ${MAX_SUBJECT_LENGTH} characters long (after trimming).` });
  }
  const description = input.description ?? '';
  if (typeof description !== 'string' || description.length > MAX_DESCRIPTION_LENGTH) {
    problems.push({ field: 'description', message: `description must be at most ${MAX_DESCRIPTION_LENGTH} characters long.` });
  }
  const priority = input.priority ?? 'NORMAL';
  if (!PRIORITIES.includes(priority)) problems.push({ field: 'priority', message: `priority must be one of ${PRIORITIES.join(', ')}.` });
  const channel = input.channel ?? 'PHONE';
  if (!CHANNELS.includes(channel)) problems.push({ field: 'channel', message: `channel must be one of ${CHANNELS.join(', ')}.` });
  const assigneeId = input.assigneeId ?? null;
  if (assigneeId !== null && !AGENT_ID.test(assigneeId)) {
    problems.push({ field: 'assigneeId', message: `assigneeId ${JSON.stringify(assigneeId)} is not an agent id (agt_…).` });
  }
  const relatedCallId = input.relatedCallId ?? null;
  if (relatedCallId !== null && (!CALL_ID.test(relatedCallId) || OTHER_RECORD_ID.test(relatedCallId))) {
    problems.push({ field: 'relatedCallId', message: `relatedCallId ${JSON.stringify(relatedCallId)} is not a call id.` });
  }
  problems.push(...classificationProblems(input.category, input.tags, ''));
  if (problems.length > 0) {
    throw badUserInput(`Invalid ticket: ${problems.map((p) => p.message).join(' ')}`, {
      argumentName: 'input',
      problems: problems.map((p) => ({ field: `input.${p.field}`, message: p.message })),
    });
  }
  const { category, tags } = normaliseClassification(input.category, input.tags);
  return { idempotencyKey: key, requesterId: input.requesterId, subject, description, priority, channel, assigneeId, relatedCallId, category, tags };
}

/**
 * What a retry must repeat exactly: the normalised input without the key, as stable JSON.
 * The classification is part of it only when given, so keys stored before it existed still
 * replay.
 */
export function inputFingerprint(input: NormalisedTicketInput): string {
  const { requesterId, subject, description, priority, channel, assigneeId, relatedCallId, category, tags } = input;
  const classified = category !== null || tags.length > 0 ? [category, tags] : [];
  return JSON.stringify([requesterId, subject, description, priority, channel, assigneeId, relatedCallId, ...classified]);
}
