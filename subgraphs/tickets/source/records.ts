/** What the ticket system stores, as its port hands it out. */
export type TicketStatus = 'NEW' | 'OPEN' | 'PENDING' | 'HOLD' | 'SOLVED' | 'CLOSED';
export type TicketPriority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
export type TicketChannel = 'PHONE' | 'EMAIL' | 'CHAT' | 'WEB';

export interface TicketCommentRecord {
  id: string;
  ticketId: string;
  author: string;
  body: string;
  public: boolean;
  createdAt: string;
}

export interface TicketRecord {
  id: string;
  /** Human-readable, unique: `T-100042`. */
  number: string;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  /** The CRM customer id of the requester (an entity key, not a copy of CRM data). */
  requesterId: string | null;
  /** The call center's agent id. */
  assigneeId: string | null;
  /** Who assigned it (a viewer's subject, `service:<name>` for API keys); null when unassigned or not recorded. */
  assignedBy?: string | null;
  /** The call center's call id this ticket was opened from. */
  relatedCallId: string | null;
  createdAt: string;
  updatedAt: string;
  slaDueAt: string | null;
  slaBreached: boolean;
  firstRespondedAt: string | null;
  solvedAt: string | null;
  /** Set for tickets created through `createTicket`; unique. */
  idempotencyKey: string | null;
  /** Why the customer got in touch: a contact-reason code (`source/classification.ts`); absent/null when not set. */
  category?: string | null;
  /** Free codes; absent or empty when none. */
  tags?: string[];
  // Reporting (docs/reporting.md)
  /** The requester's CRM tier when the ticket was created; absent/null when not known. */
  requesterTier?: string | null;
}

/** Reporting (docs/reporting.md): the call center's agent → team directory, mirrored for grouping tickets by team. */
export interface AgentTeamRecord {
  agentId: string;
  team: string;
}

/** Everything the ticket system holds, as the seed generator produces it. */
export interface TicketsSeed {
  tickets: TicketRecord[];
  comments: TicketCommentRecord[];
  /** Reporting: agents' teams (first chunk only); absent in older seeds. */
  agentTeams?: AgentTeamRecord[];
}
