/**
 * The contract between the one webhook pipeline (`webhook.ts` → `payload.ts`) and the vendor
 * adapters (`vendors/*.ts`, one file per vendor): the pipeline reads the body, checks the
 * credentials and splits the payload into items; each item is claimed by the one adapter
 * whose format it is and mapped to internal events (`event.ts`). Mapping tables:
 * docs/cti-webhooks.md.
 */
import type { AcceptedEvent, CtiEventSource, IgnoredCounts } from './event.js';
import type { Json } from './keys.js';

/**
 * How a request proved where it came from (`auth/*.ts`):
 * - `switchboard-hmac`: `X-Switchboard-Signature` + `X-Switchboard-Timestamp` (HMAC-SHA256);
 * - `api-key`: `X-Switchboard-Api-Key` (a static key, what an EventBridge API destination's connection can send);
 * - `twilio`: `X-Twilio-Signature` (HMAC-SHA1 of URL and form parameters with the Twilio auth token);
 * - `basic`: `Authorization: Basic` (Tencent Cloud Contact Center's "basicAuth" push setting).
 */
export type AuthScheme = 'switchboard-hmac' | 'api-key' | 'twilio' | 'basic';

/** How the body was read: JSON (any value) or `application/x-www-form-urlencoded` (one item). */
export type BodyKind = 'json' | 'form';

/** What an adapter may look at besides the item: the request's query parameters (Tencent's `action`). */
export interface RequestInfo {
  query: URLSearchParams;
}

/** An item of a supported format that cannot be used (a required field missing or unreadable): the request is refused with 422. */
export class InvalidItemError extends Error {}

export interface CtiAdapter {
  /** Stored with each event as its source. */
  readonly source: CtiEventSource;
  /** Human name used in refusals and docs ("Amazon Connect contact event"). */
  readonly label: string;
  /** The body kind this vendor sends. */
  readonly body: BodyKind;
  /** The credential schemes accepted for this vendor's items. */
  readonly auth: readonly AuthScheme[];
  /** True when `item` is of this vendor's format (decided on its shape, never on its content's validity). */
  matches(item: Json, request: RequestInfo): boolean;
  /**
   * The internal events of one item (possibly none: counted in `ignored`). Throws
   * `InvalidItemError` naming the missing or unreadable field.
   */
  map(item: Json, ignored: IgnoredCounts, request: RequestInfo): AcceptedEvent[];
}

/** Throws `InvalidItemError` unless `value` is present; `what` names the field in the refusal. */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined || value === '') throw new InvalidItemError(`${what} is missing or unreadable`);
  return value;
}
