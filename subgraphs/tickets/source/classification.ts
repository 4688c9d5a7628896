/**
 * A ticket's classification: why the customer got in touch (`category`, one contact-reason
 * code) and free `tags`. Codes are the product-wide contact-reason format shared with call
 * wrap-up codes and conversation intents (docs/reporting.md, "Contact reasons by tier"):
 * lower-case snake_case, a letter first, at most 64 characters (`order_status`, `billing`).
 */
import { badUserInput } from '../../../schema/errors.js';
import { REASON_CODE } from '../../shared/reporting/reason-code.js';

export { REASON_CODE };
export const MAX_TAGS = 20;

export interface Classification {
  category: string | null;
  /** Distinct, in the order given. */
  tags: string[];
}

export interface ClassificationProblem {
  field: string;
  message: string;
}

/**
 * Checks `category` and `tags` (field names prefixed with `prefix`), returning the problems
 * instead of throwing so `createTicket` reports them with the rest of its input.
 */
export function classificationProblems(category: string | null | undefined, tags: readonly string[] | null | undefined, prefix: string): ClassificationProblem[] {
  const problems: ClassificationProblem[] = [];
  if (category !== null && category !== undefined && !REASON_CODE.test(category)) {
    problems.push({ field: `${prefix}category`, message: `category ${JSON.stringify(category)} is not a reason code (lower-case letters, digits and _, a letter first, at most 64 characters).` });
  }
  const list = tags ?? [];
  if (list.length > MAX_TAGS) problems.push({ field: `${prefix}tags`, message: `at most ${MAX_TAGS} tags.` });
  const bad = list.filter((tag) => !REASON_CODE.test(tag));
  if (bad.length > 0) problems.push({ field: `${prefix}tags`, message: `tags ${bad.map((t) => JSON.stringify(t)).join(', ')} are not codes (lower-case letters, digits and _, a letter first, at most 64 characters).` });
  return problems;
}

/** The classification as stored: tags deduplicated. Call after `classificationProblems` found none. */
export function normaliseClassification(category: string | null | undefined, tags: readonly string[] | null | undefined): Classification {
  return { category: category ?? null, tags: [...new Set(tags ?? [])] };
}

/** `updateTicketClassification` input checked at once: BAD_USER_INPUT with every problem. */
export function assertClassification(category: string | null | undefined, tags: readonly string[] | null | undefined): Classification {
  const problems = classificationProblems(category, tags, '');
  if (problems.length > 0) {
    throw badUserInput(`Invalid classification: ${problems.map((p) => p.message).join(' ')}`, { argumentName: problems[0]!.field, problems });
  }
  return normaliseClassification(category, tags);
}

/** Tags as stored in the embedded store: a JSON array in a TEXT column (null: none). */
export function tagsFromColumn(value: string | null | undefined): string[] {
  if (!value) return [];
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
}
