/**
 * What the call center stores, as its port hands it out. Numbers are E.164, normalised
 * by `subgraphs/shared/phone.ts` on the way in.
 */
export type CallDirection = 'INBOUND' | 'OUTBOUND';
export type CallState = 'RINGING' | 'CONNECTED' | 'ON_HOLD' | 'WRAP_UP' | 'ENDED';
/** EXPIRED: the end never arrived; ended after a silence (`events/call-expiry.ts`). */
export type CallDisposition = 'ANSWERED' | 'ABANDONED' | 'MISSED' | 'TRANSFERRED' | 'VOICEMAIL' | 'EXPIRED';
export type AgentPresence = 'AVAILABLE' | 'BUSY' | 'AWAY' | 'OFFLINE';

export interface AgentRecord {
  id: string;
  name: string;
  team: string;
  presence: AgentPresence;
}

export interface QueueRecord {
  id: string;
  name: string;
}

export interface CallRecord {
  id: string;
  direction: CallDirection;
  /** Calling number; null when withheld. */
  from: string | null;
  /** Called number; null when the call center did not report it. */
  to: string | null;
  /** The customer's side of the call: `from` for inbound, `to` for outbound. Indexed; how a customer's calls are found. */
  customerNumber: string | null;
  state: CallState;
  queueId: string | null;
  agentId: string | null;
  /** For a transferred leg: the call it came from. */
  parentCallId: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  waitSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapUpSeconds: number;
  disposition: CallDisposition | null;
  recordingRef: string | null;
  recordingSeconds: number | null;
  // Reporting (docs/reporting.md): who the call was with, as known when it was logged.
  /** The CRM customer id (entity key) the call was matched to; absent/null for unknown and withheld callers. */
  customerId?: string | null;
  /** The customer's CRM tier at the time of the call (STANDARD, SILVER, GOLD, PLATINUM); null when unknown. */
  customerTier?: string | null;
}

/** Everything the call center holds, as the seed generator produces it. */
export interface CallCenterSeed {
  agents: AgentRecord[];
  queues: QueueRecord[];
  calls: CallRecord[];
}
