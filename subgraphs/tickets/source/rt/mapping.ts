/**
 * The RT mapping file: how one Request Tracker instance names what Switchboard calls a
 * requester, a related call, a status, a priority and a channel. Declared (JSON), validated
 * at start with zod; every problem is named with its path in the file. A complete example:
 * docs/connectors/request-tracker.md and `test/support/rt/mapping.json`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ownersSchema, type FieldOwnership } from '../../../shared/sync/ownership.js';
import type { TicketChannel, TicketPriority, TicketStatus } from '../records.js';

export const STATUSES = ['NEW', 'OPEN', 'PENDING', 'HOLD', 'SOLVED', 'CLOSED'] as const satisfies readonly TicketStatus[];
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const satisfies readonly TicketPriority[];
export const CHANNELS = ['PHONE', 'EMAIL', 'CHAT', 'WEB'] as const satisfies readonly TicketChannel[];

const rtName = z.string().trim().min(1).max(200);

/** The systems that write the ticket copy the RT sync keeps (`sync.ts`): RT (through the sync) and Switchboard (writing through what it created). */
export type RtCopyWriter = 'rt' | 'switchboard';

/**
 * The ticket fields of the local copy that may conflict, with their seed owner (the system
 * that holds the field) and the systems that write them. RT holds everything but
 * `assignedBy` (RT does not record who assigned a ticket for Switchboard); Switchboard writes
 * every field of a ticket it has just created, before the sync has seen it.
 */
export const RT_COPY_FIELDS = {
  subject: { owner: 'rt', writers: ['rt', 'switchboard'] },
  status: { owner: 'rt', writers: ['rt', 'switchboard'] },
  priority: { owner: 'rt', writers: ['rt', 'switchboard'] },
  channel: { owner: 'rt', writers: ['rt', 'switchboard'] },
  requesterId: { owner: 'rt', writers: ['rt', 'switchboard'] },
  assigneeId: { owner: 'rt', writers: ['rt', 'switchboard'] },
  relatedCallId: { owner: 'rt', writers: ['rt', 'switchboard'] },
  idempotencyKey: { owner: 'rt', writers: ['rt', 'switchboard'] },
  firstRespondedAt: { owner: 'rt', writers: ['rt', 'switchboard'] },
  solvedAt: { owner: 'rt', writers: ['rt', 'switchboard'] },
  category: { owner: 'rt', writers: ['rt', 'switchboard'] },
  assignedBy: { owner: 'switchboard', writers: ['switchboard'] },
} as const satisfies Record<string, FieldOwnership<RtCopyWriter>>;

export type RtCopyField = keyof typeof RT_COPY_FIELDS;
const status = z.enum(STATUSES);

export const RtMappingSchema = z
  .object({
    /** The queue tickets are created in and read from. */
    queue: rtName,
    /** `Ticket.number` is this prefix and RT's ticket id (`RT-42`). */
    numberPrefix: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,15}$/, 'must be 1-16 letters, digits or dashes, starting with a letter').default('RT-'),
    /**
     * How an RT user stands for a CRM customer: its user name is the customer id (`name`), or its
     * email address is the customer id put into `emailTemplate` (`email`, e.g. `{customerId}@customers.example.com`).
     */
    requester: z.discriminatedUnion('key', [
      z.object({ key: z.literal('name') }),
      z.object({
        key: z.literal('email'),
        emailTemplate: z
          .string()
          .regex(/^[^@\s{}]*\{customerId\}[^@\s{}]*@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, 'must be an email address containing {customerId} once in its local part, e.g. {customerId}@customers.example.com'),
      }),
    ]),
    /** Ticket custom fields (names as in RT; each FreeformSingle, applied to the queue). */
    customFields: z.object({
      relatedCall: rtName,
      idempotencyKey: rtName,
      /** Optional: without it every ticket reads as `defaultChannel`. */
      channel: rtName.optional(),
      /** Optional: the ticket's category (a contact-reason code); without it tickets carry none and setting one is refused. */
      category: rtName.optional(),
    }),
    defaultChannel: z.enum(CHANNELS).default('EMAIL'),
    statuses: z.object({
      /** Every RT status the queue's lifecycle uses → Switchboard's status. */
      fromRt: z.record(rtName, status),
      /** Every Switchboard status → the RT status written for it (several may share one). */
      toRt: z.object(Object.fromEntries(STATUSES.map((s) => [s, rtName])) as Record<TicketStatus, typeof rtName>),
    }),
    priorities: z.object({
      /** Every Switchboard priority → the RT priority number written for it. */
      toRt: z.object(Object.fromEntries(PRIORITIES.map((p) => [p, z.number().int().min(0).max(255)])) as Record<TicketPriority, z.ZodNumber>),
      /** RT priority ranges, read as: the entry with the highest `from` not above the ticket's priority. */
      fromRt: z.array(z.object({ from: z.number().int().min(0).max(255), priority: z.enum(PRIORITIES) })).min(1),
    }),
    /** Optional: Switchboard agent id → RT user name of the owner; unlisted agents use their id as RT user name. */
    agents: z.record(z.string().regex(/^agt_[A-Za-z0-9]{1,64}$/, 'keys must be agent ids (agt_…)'), rtName).default({}),
    /**
     * Optional: the local copy the sync keeps for reports. `owners`: which system wins each
     * conflicting field (`rt` or `switchboard`); unlisted fields keep the seed rule (the system
     * that holds the field), docs/connectors/request-tracker.md.
     */
    sync: z.object({ owners: ownersSchema<RtCopyField, RtCopyWriter>(RT_COPY_FIELDS) }).strict().prefault({}),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    // Every status written to RT must read back as a Switchboard status.
    for (const [ours, theirs] of Object.entries(mapping.statuses.toRt)) {
      if (!(theirs in mapping.statuses.fromRt)) {
        ctx.addIssue({ code: 'custom', path: ['statuses', 'toRt', ours], message: `writes RT status "${theirs}", which statuses.fromRt does not map back` });
      }
    }
    if (!mapping.priorities.fromRt.some((range) => range.from === 0)) {
      ctx.addIssue({ code: 'custom', path: ['priorities', 'fromRt'], message: 'needs a range starting at 0, so every RT priority maps to one of ours' });
    }
    for (const [ours, number] of Object.entries(mapping.priorities.toRt)) {
      if (priorityFromRt(mapping.priorities.fromRt, number) !== ours) {
        ctx.addIssue({ code: 'custom', path: ['priorities', 'toRt', ours], message: `writes RT priority ${number}, which priorities.fromRt reads back as ${priorityFromRt(mapping.priorities.fromRt, number) ?? 'nothing'}` });
      }
    }
  });

export type RtMapping = z.output<typeof RtMappingSchema>;

/** Our priority for RT priority `value`: the range with the highest `from` ≤ value (undefined below every range). */
export function priorityFromRt(ranges: readonly { from: number; priority: TicketPriority }[], value: number): TicketPriority | undefined {
  let best: { from: number; priority: TicketPriority } | undefined;
  for (const range of ranges) if (range.from <= value && (best === undefined || range.from > best.from)) best = range;
  return best?.priority;
}

/** Thrown for an unreadable or invalid mapping file; the message names the file and every problem with its path. */
export class RtMappingError extends Error {
  override name = 'RtMappingError';
}

/** Validates a parsed mapping; `source` names it in errors (a file path). */
export function parseRtMapping(value: unknown, source: string): RtMapping {
  const parsed = RtMappingSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
    throw new RtMappingError(`Invalid RT mapping file ${source}: ${problems.join('; ')}.`);
  }
  return parsed.data;
}

/** Reads and validates the mapping file at `path` (JSON). */
export function loadRtMapping(path: string): RtMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RtMappingError(`RT_MAPPING_FILE ${path} cannot be read: ${(error as Error).message}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RtMappingError(`RT mapping file ${path} is not JSON: ${(error as Error).message}.`);
  }
  return parseRtMapping(value, path);
}
