/**
 * Reads a webhook body into internal events: the internal format (one event or
 * `{ "events": [...] }`) and Amazon Connect EventBridge envelopes (one, an array, or
 * inside `events`). Never throws on content: what cannot be used is counted in `ignored`.
 */
import { mapConnectEvent, isConnectEnvelope } from './amazon-connect.js';
import { emptyIgnored, type AcceptedEvent, type IgnoredCounts } from './event.js';
import { mapInternalEvent } from './internal-format.js';
import { isObject, pick } from './keys.js';

/** Most events one request may carry. */
export const MAX_EVENTS_PER_REQUEST = 1000;

export interface ParsedPayload {
  events: AcceptedEvent[];
  ignored: IgnoredCounts;
}

/** `null` when the JSON is not a payload at all (not an object or array, or too many events). */
export function parsePayload(json: unknown): ParsedPayload | null {
  let items: unknown[];
  if (Array.isArray(json)) items = json;
  else if (isObject(json) && Array.isArray(pick(json, 'events'))) items = pick(json, 'events') as unknown[];
  else if (isObject(json)) items = [json];
  else return null;
  if (items.length > MAX_EVENTS_PER_REQUEST) return null;
  const ignored = emptyIgnored();
  const events: AcceptedEvent[] = [];
  for (const item of items) {
    if (!isObject(item)) {
      ignored.invalid += 1;
      continue;
    }
    const mapped = isConnectEnvelope(item) ? mapConnectEvent(item, ignored) : mapInternalEvent(item, ignored);
    if (mapped) events.push(mapped);
  }
  return { events, ignored };
}
