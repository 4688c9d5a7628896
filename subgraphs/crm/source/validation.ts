/**
 * The CRM port's input rules, in one place for every adapter: what a note, a contact update
 * and a call log must look like, checked before anything is written anywhere. Each failure
 * is a `BAD_USER_INPUT` naming the argument.
 */
import { badUserInput } from '../../../schema/errors.js';
import { timeOrderedId } from '../../shared/time-ordered-id.js';
import { MAX_CONTACTS, MAX_NOTE_LENGTH, type CallLogInput } from './port.js';
import { plainActivity, type ActivityRecord } from './records.js';

/** Longest accepted `customers(search:)` text, in characters. */
export const MAX_SEARCH_LENGTH = 200;
/** What an email address must look like: something@domain.tld, no spaces. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The distinct values, in first-seen order. */
export const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** A new id for a record created at run time: `<prefix>_<32 hex digits>`, in creation order (`time-ordered-id.ts`). */
export const runtimeId = (prefix: string): string => timeOrderedId(prefix);

/** The trimmed search text; BAD_USER_INPUT (`search`) when longer than `MAX_SEARCH_LENGTH`. */
export function searchText(search: string | null | undefined): string {
  const text = search?.trim() ?? '';
  if (text.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`\`search\` must be at most ${MAX_SEARCH_LENGTH} characters.`, { argumentName: 'search' });
  }
  return text;
}

/** Emails trimmed, lower-cased and deduplicated; at most `MAX_CONTACTS`, each an address. */
export function normaliseEmails(input: readonly string[]): string[] {
  if (input.length > MAX_CONTACTS) {
    throw badUserInput(`At most ${MAX_CONTACTS} emails, got ${input.length}.`, { argumentName: 'emails' });
  }
  const emails = input.map((raw, i) => {
    const email = raw.trim().toLowerCase();
    if (email.length > 254 || !EMAIL_PATTERN.test(email)) {
      throw badUserInput(`${JSON.stringify(raw)} is not an email address.`, { argumentName: `emails[${i}]`, value: raw });
    }
    return email;
  });
  return unique(emails);
}

/** A NOTE activity for `addNote` (id, `at` = now); BAD_USER_INPUT (`body`) unless the trimmed body has 1..`MAX_NOTE_LENGTH` characters. */
export function noteActivity(customerId: string, body: string, author: string): ActivityRecord {
  const text = body.trim();
  if (text.length === 0 || text.length > MAX_NOTE_LENGTH) {
    throw badUserInput(`A note must have 1 to ${MAX_NOTE_LENGTH} characters, got ${text.length}.`, { argumentName: 'body' });
  }
  return plainActivity({ id: runtimeId('act'), customerId, type: 'NOTE', at: new Date().toISOString(), author: author.trim() || 'anonymous', body: text });
}

/**
 * The CALL_LOG activity `recordCallLog` writes: BAD_USER_INPUT for an empty call id
 * (`callId`), a text that is no timestamp (`at`), or a duration that is not a whole number
 * of seconds ≥ 0 (`durationSeconds`). `at` comes back as ISO-8601 UTC.
 */
export function callLogActivity(input: CallLogInput): ActivityRecord {
  const callId = input.callId.trim();
  if (callId === '') throw badUserInput('A call log needs a call id.', { argumentName: 'callId' });
  const atMs = Date.parse(input.at);
  if (Number.isNaN(atMs)) throw badUserInput(`${JSON.stringify(input.at)} is not a timestamp.`, { argumentName: 'at' });
  if (!Number.isInteger(input.durationSeconds) || input.durationSeconds < 0) {
    throw badUserInput('`durationSeconds` must be a whole number of seconds, at least 0.', { argumentName: 'durationSeconds' });
  }
  return {
    id: runtimeId('act'),
    customerId: input.customerId,
    type: 'CALL_LOG',
    at: new Date(atMs).toISOString(),
    author: input.author.trim() || 'anonymous',
    body: null,
    callId,
    durationSeconds: input.durationSeconds,
    agentId: input.agentId,
    disposition: input.disposition,
    recordingRef: input.recordingRef,
    messages: null,
  };
}
