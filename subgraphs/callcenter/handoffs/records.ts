/** A hand-off as the call center stores it and its resolvers read it (docs/bots.md, "Hand-off"). */
export type HandoffStatus = 'OFFERED' | 'ACCEPTED' | 'EXPIRED';

export interface HandoffRecord {
  id: string;
  status: HandoffStatus;
  queueId: string | null;
  skill: string | null;
  reason: string;
  rtcRoom: { provider: string; channel: string } | null;
  /** The agent it is offered to now; null while it waits in the queue. */
  offeredTo: string | null;
  acceptedBy: string | null;
  declinedBy: string[];
  requestedBy: string;
  customerId: string | null;
  conversationId: string;
  intent: string | null;
  createdAt: string;
  expiresAt: string;
  fallbackTicketKey: string | null;
}
