/**
 * Phone numbers inside URIs and SIP headers, as phone systems send them:
 * - `tel:` URIs (RFC 3966): `tel:+86-10-6552-9988;ext=8001`, `tel:65529988;phone-context=+86-10`;
 * - `sip:`/`sips:` URIs (RFC 3261 §19.1) whose user part is a telephone number:
 *   `sip:+8613800138000@pbx.example.com;user=phone`, `sip:8001;phone-context=+86-10@host`;
 * - SIP name-addr header values (RFC 3261 §20.10, §25.1): `"Zhang San" <sip:+8613800138000@pbx>;tag=9a`,
 *   `<tel:+8613800138000>`, also after a header name (`From: …`, `P-Asserted-Identity: …`).
 * Everything else is passed through unchanged as the number's text.
 */
import { ANONYMOUS_SIP_HOST, isWithheldWord } from './withheld.js';

/** What a caller-ID text holds once its URI or header wrapping is removed. */
export type UnwrappedNumber =
  /** `text` is the number as written (maybe with ` ext. …`), ready for the number parser. */
  | { kind: 'text'; text: string }
  /** The URI names the anonymous caller (RFC 3323) or its user part is a withheld word. */
  | { kind: 'withheld' }
  /** A URI without a telephone number in it (`sip:alice@example.com`, `sip:pbx.example.com`). */
  | { kind: 'not-a-number'; why: string };

const HEADER_NAME = /^(?:from|to|p-asserted-identity|p-preferred-identity|remote-party-id|contact|diversion)\s*:\s*/i;
/**
 * `[display-name] <uri>[;params]`: the display name is a token list or a quoted string. When
 * a header carries several values (`<sip:…>, <tel:…>` in P-Asserted-Identity: one identity
 * in two forms), the first is read.
 */
const NAME_ADDR = /^(?:"(?:[^"\\]|\\.)*"|[^"<]*)\s*<([^<>]*)>/s;
const URI = /^(tel|sips?):(.*)$/is;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A telephone-subscriber (RFC 3966 §3): the number, `;ext=`, `;phone-context=`; other parameters dropped. */
function telephoneSubscriber(subscriber: string): UnwrappedNumber {
  const [number = '', ...params] = decode(subscriber).split(';');
  let extension: string | null = null;
  let context: string | null = null;
  for (const param of params) {
    const [name = '', value = ''] = param.split('=', 2);
    if (name.trim().toLowerCase() === 'ext') extension = value.trim();
    if (name.trim().toLowerCase() === 'phone-context') context = value.trim();
  }
  if (isWithheldWord(number)) return { kind: 'withheld' };
  // A local number with a global-number context (`+86-10`) is that prefix plus the number;
  // a domain context (`example.com`) says nothing about the digits: read in the default region.
  const global = !number.trim().startsWith('+') && context?.startsWith('+') ? `${context} ${number}` : number;
  return { kind: 'text', text: extension ? `${global} ext. ${extension}` : global };
}

function sipUserPart(rest: string): UnwrappedNumber {
  const withoutHeaders = rest.split('?')[0] ?? '';
  const at = withoutHeaders.lastIndexOf('@');
  if (at < 0) return { kind: 'not-a-number', why: 'a SIP URI without a user part names no telephone number' };
  const host = withoutHeaders.slice(at + 1).split(/[;:]/)[0]?.trim().toLowerCase() ?? '';
  if (host === ANONYMOUS_SIP_HOST) return { kind: 'withheld' };
  // userinfo = user [":" password]; the user part may carry telephone-subscriber parameters.
  const user = withoutHeaders.slice(0, at).split(':')[0] ?? '';
  if (user.trim() === '') return { kind: 'not-a-number', why: 'the SIP URI has an empty user part' };
  return telephoneSubscriber(user);
}

/**
 * Removes a SIP header name, a name-addr's display name and angle brackets, and a `tel:` or
 * `sip:` URI around a number. Other text is returned unchanged.
 */
export function unwrapNumber(text: string): UnwrappedNumber {
  let inner = text.replace(HEADER_NAME, '');
  const nameAddr = NAME_ADDR.exec(inner);
  if (nameAddr) inner = (nameAddr[1] ?? '').trim();
  const uri = URI.exec(inner);
  if (!uri) return { kind: 'text', text: inner };
  const scheme = (uri[1] ?? '').toLowerCase();
  const rest = (uri[2] ?? '').trim();
  return scheme === 'tel' ? telephoneSubscriber(rest) : sipUserPart(rest);
}
