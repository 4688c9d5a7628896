/**
 * The pseudonym an erased customer-side number becomes in `calls.customer_number`: the same
 * for every call of one number in one erasure (so reports that group a caller's calls, such as
 * repeat contacts, count as before), irreversible (SHA-256 of a random erasure id and the
 * number), and never a phone number: `callFromRow` reads it back as no number.
 */
import { createHash } from 'node:crypto';

const PREFIX = 'erased:';

export function erasedNumber(erasureId: string, e164: string): string {
  return PREFIX + createHash('sha256').update(`${erasureId}\u0000${e164}`).digest('hex').slice(0, 24);
}

export function isErasedNumber(value: string | null): boolean {
  return value !== null && value.startsWith(PREFIX);
}
