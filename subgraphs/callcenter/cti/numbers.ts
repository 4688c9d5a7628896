/** Numbers in CTI payloads: normalised with the one normaliser; withheld or unreadable → null. */
import { toE164 } from '../../shared/phone.js';

const WITHHELD = /^(anonymous|withheld|private|restricted|unknown|unavailable|blocked)$/i;

export function ctiNumber(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (trimmed === '' || WITHHELD.test(trimmed)) return null;
  // SIP URIs and tel: URIs carry the number in the user part.
  const user = trimmed.replace(/^(tel:|sips?:)/i, '').replace(/@.*$/, '').replace(/;.*$/, '');
  return toE164(user);
}
