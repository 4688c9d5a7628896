/**
 * The internal CTI event model: what every vendor payload is mapped to before it is stored
 * and applied (mapping and wire format: docs/cti-webhooks.md).
 */
import type { CallDirection } from '../source/records.js';

export const CALL_EVENT_TYPES = ['OFFERED', 'ANSWERED', 'HELD', 'RESUMED', 'TRANSFERRED', 'ENDED', 'ABANDONED', 'WRAP_UP_DONE'] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

export function isCallEventType(value: unknown): value is CallEventType {
  return typeof value === 'string' && (CALL_EVENT_TYPES as readonly string[]).includes(value);
}

export interface CtiEvent {
  /** The vendor's event id; the deduplication key. */
  id: string;
  callId: string;
  /**
   * TRANSFERRED: the leg this new leg (`callId`) was transferred from. Other types: the
   * call's parent when known (a leg's OFFERED may repeat it).
   */
  parentCallId: string | null;
  type: CallEventType;
  /** When it happened (ISO-8601 UTC, millisecond precision). */
  at: string;
  /** The vendor's ordering within one call, when it has one; breaks timestamp ties. */
  sequence: number | null;
  /** E.164; null when withheld or not part of the event. */
  from: string | null;
  to: string | null;
  direction: CallDirection | null;
  queueId: string | null;
  agentId: string | null;
  disconnectReason: string | null;
}

/** Where an event came from (stored with it): one value per vendor adapter (`cti/vendors/`). */
export type CtiEventSource = 'internal' | 'amazon-connect' | 'genesys-cloud' | 'twilio-voice' | 'twilio-taskrouter' | 'tencent-tccc';

/** An event as accepted: normalised, with where it came from and the raw item for the history. */
export interface AcceptedEvent {
  event: CtiEvent;
  source: CtiEventSource;
  raw: unknown;
}

/**
 * What was left out of a payload of a supported format: counted and reported in the
 * webhook's answer, never fatal. `unknownTypes`: vendor event types that carry nothing
 * for call state (Connect `CONTACT_DATA_UPDATED`, TaskRouter `worker.*`, …) and non-voice
 * channels; `unknownFields`: fields outside the vendor's documented set; `notCalls`:
 * contacts that are not a customer's call (a supervisor's Connect `MONITOR` contact).
 * Items that are not of a supported format, or miss a required field, are refused instead
 * (webhook answer 422).
 */
export interface IgnoredCounts {
  unknownTypes: number;
  unknownFields: number;
  notCalls: number;
  /** `from`/`to` values that are not a valid phone number nor a withheld caller ID (the event is kept, the number is null). */
  invalidNumbers: number;
}

export const emptyIgnored = (): IgnoredCounts => ({ unknownTypes: 0, unknownFields: 0, notCalls: 0, invalidNumbers: 0 });

/** A timestamp as ISO-8601 UTC with milliseconds, or null when unreadable. Numbers (or digit strings): unix seconds or milliseconds. */
export function normaliseInstant(value: unknown): string | null {
  let ms: number;
  if (typeof value === 'number') ms = value < 1e12 ? value * 1000 : value;
  else if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) {
    const n = Number(value.trim());
    ms = n < 1e12 ? n * 1000 : n;
  } else if (typeof value === 'string') ms = Date.parse(value);
  else return null;
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
