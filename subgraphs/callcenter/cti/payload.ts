/**
 * The one pipeline core for every vendor: splits a read body into items, hands each item to
 * the one adapter whose format it is (`vendors/*.ts`, registered in `ADAPTERS`), checks that
 * the request's credential scheme is one that vendor uses, and collects the internal events.
 * All or nothing: an item of no supported format, or an item missing a required field,
 * refuses the whole request (422, naming the item and what was not understood), so a
 * misconfigured integration sees an error and retries or alerts instead of a silent 202.
 */
import { InvalidItemError, type AuthScheme, type BodyKind, type CtiAdapter, type RequestInfo } from './adapter.js';
import { emptyIgnored, type AcceptedEvent, type CtiEventSource, type IgnoredCounts } from './event.js';
import { isObject, pick, pickString, type Json } from './keys.js';
import { amazonConnectAdapter } from './vendors/amazon-connect.js';
import { genesysCloudAdapter } from './vendors/genesys-cloud.js';
import { internalAdapter } from './vendors/internal.js';
import { tencentTcccAdapter } from './vendors/tencent-tccc.js';
import { twilioTaskRouterAdapter } from './vendors/twilio-taskrouter.js';
import { twilioVoiceAdapter } from './vendors/twilio-voice.js';

/** Most events one request may carry. */
export const MAX_EVENTS_PER_REQUEST = 1000;
/** Longest accepted event or call id (characters). */
export const MAX_ID_LENGTH = 200;

/** Every supported format, most specific first (the internal format claims any object with `type` or `callId`). */
export const ADAPTERS: readonly CtiAdapter[] = [
  amazonConnectAdapter,
  genesysCloudAdapter,
  tencentTcccAdapter,
  twilioTaskRouterAdapter,
  twilioVoiceAdapter,
  internalAdapter,
];

export interface ParsedPayload {
  ok: true;
  events: AcceptedEvent[];
  ignored: IgnoredCounts;
  /** The vendors whose items the request held. */
  sources: Set<CtiEventSource>;
}

export interface PayloadRefusal {
  ok: false;
  status: 400 | 401 | 422;
  reason: 'NOT_A_PAYLOAD' | 'UNSUPPORTED_FORMAT' | 'INVALID_EVENT' | 'SCHEME_NOT_ACCEPTED';
  message: string;
}

const SUPPORTED = ADAPTERS.map((adapter) => adapter.label).join(', ');

/** A short description of an item that matched no format: its `detail-type`/`type` and its first keys. */
function describe(item: Json): string {
  const kind = pickString(item, 'detail-type') ?? pickString(item, 'topicName');
  const keys = Object.keys(item).slice(0, 8);
  const keyList = keys.length === 0 ? 'no keys' : `keys ${keys.join(', ')}${Object.keys(item).length > keys.length ? ', …' : ''}`;
  return kind ? `${JSON.stringify(kind)} (${keyList})` : `with ${keyList}`;
}

function items(kind: BodyKind, value: unknown): unknown[] | null {
  if (kind === 'form') return [value];
  if (Array.isArray(value)) return value;
  if (isObject(value) && Array.isArray(pick(value, 'events'))) return pick(value, 'events') as unknown[];
  if (isObject(value)) return [value];
  return null;
}

/**
 * The internal events of a read body, or why it is refused: 400 not a payload, 422 an item in
 * no supported format or missing a required field, 401 a vendor's items under a credential
 * scheme that vendor does not use. `request` carries the query (Tencent's `action`).
 */
export function parsePayload(kind: BodyKind, value: unknown, scheme: AuthScheme, request: RequestInfo): ParsedPayload | PayloadRefusal {
  const list = items(kind, value);
  if (list === null || list.length > MAX_EVENTS_PER_REQUEST) {
    return {
      ok: false,
      status: 400,
      reason: 'NOT_A_PAYLOAD',
      message: `Expected an event object, an array of events or { "events": [...] } with at most ${MAX_EVENTS_PER_REQUEST} events.`,
    };
  }
  const ignored = emptyIgnored();
  const events: AcceptedEvent[] = [];
  const sources = new Set<CtiEventSource>();
  for (const [index, item] of list.entries()) {
    const where = list.length > 1 || Array.isArray(value) ? `Item ${index}` : 'The payload';
    if (!isObject(item)) {
      return { ok: false, status: 422, reason: 'UNSUPPORTED_FORMAT', message: `${where} is ${item === null ? 'null' : typeof item}, not an event object.` };
    }
    const adapter = ADAPTERS.find((candidate) => candidate.body === kind && candidate.matches(item, request));
    if (!adapter) {
      return {
        ok: false,
        status: 422,
        reason: 'UNSUPPORTED_FORMAT',
        message: `${where} ${describe(item)} is in no supported format. Supported: ${SUPPORTED}.`,
      };
    }
    if (!adapter.auth.includes(scheme)) {
      return {
        ok: false,
        status: 401,
        reason: 'SCHEME_NOT_ACCEPTED',
        message: `${adapter.label}s are not accepted with ${scheme} credentials; use ${adapter.auth.join(' or ')}.`,
      };
    }
    try {
      for (const accepted of adapter.map(item, ignored, request)) {
        const { id, callId } = accepted.event;
        if (id.length > MAX_ID_LENGTH || callId.length > MAX_ID_LENGTH) throw new InvalidItemError(`ids longer than ${MAX_ID_LENGTH} characters`);
        events.push(accepted);
      }
      sources.add(adapter.source);
    } catch (error) {
      if (!(error instanceof InvalidItemError)) throw error;
      return { ok: false, status: 422, reason: 'INVALID_EVENT', message: `${where} (${adapter.label}): ${error.message}.` };
    }
  }
  return { ok: true, events, ignored, sources };
}
