/**
 * Who may do what: the scopes the schema's `@requiresScopes` rules name, and the scopes
 * each role is granted. The one table of roles and scopes; the README's table is this one.
 */
export const SCOPES = {
  'customers:read': 'Customers with contact data as agents need it: names, tiers, phones, masked emails and national IDs, timeline, orders without amounts.',
  'customers:write': 'Add notes, update contact data.',
  'pii:read': 'Unmasked PII: full email addresses and national ID numbers.',
  'finance:read': 'Money: order totals and customer lifetime value.',
  'calls:read': 'Calls, agents and queues.',
  'calls:write': "Set a call's wrap-up reason code.",
  'recordings:read': 'Call recording references.',
  'tickets:read': 'Tickets and their comments.',
  'tickets:write': 'Create tickets and change their status.',
  'reports:read': 'Contact-center and ticket KPIs.',
  'audit:read': 'The audit trail of sensitive reads and mutations.',
  'webhooks:manage': 'Register outbound webhook endpoints, read their delivery log, replay deliveries.',
  'privacy:manage': "Data subjects' requests: export and erase everything the systems hold about a customer (docs/privacy.md).",
  'customers:identify': 'Bots: identify a customer by channel identity or phone and read only their id, name and tier.',
  'orders:read': "Bots: a customer's orders with status and shipment tracking (no amounts, no other customer data).",
  'conversations:read': 'Conversations on non-voice channels: participants, transcript, summary, intent.',
  'conversations:write': 'Start conversations, append messages, set summary, intent and outcome.',
  'leads:read': 'Leads and opportunities.',
  'leads:write': 'Create leads, change their status, convert them.',
  'handoffs:write': 'Bots: ask for a human to take over a conversation.',
  'handoffs:answer': 'Agents: accept or decline a hand-off.',
} as const;

export type Scope = keyof typeof SCOPES;

/** Scopes guarding data whose every unmasked read is recorded in the audit trail. */
export const SENSITIVE_SCOPES = ['pii:read', 'finance:read'] as const satisfies readonly Scope[];

export const ROLES = {
  /** Serves callers: reads customers (masked PII), calls, tickets; writes tickets and notes. */
  agent: ['customers:read', 'customers:write', 'calls:read', 'calls:write', 'tickets:read', 'tickets:write', 'conversations:read', 'conversations:write', 'leads:read', 'leads:write', 'handoffs:answer'],
  /** An agent's rights for their team, plus recordings and reports. */
  supervisor: ['customers:read', 'customers:write', 'calls:read', 'calls:write', 'recordings:read', 'tickets:read', 'tickets:write', 'reports:read', 'conversations:read', 'conversations:write', 'leads:read', 'leads:write', 'handoffs:answer'],
  /** Money questions: customers and orders with amounts; no calls, no tickets. */
  finance: ['customers:read', 'finance:read'],
  /** Aggregated KPIs only. */
  analyst: ['reports:read'],
  /**
   * Answers data subjects' requests (docs/privacy.md): exports and erasures, the audit trail to
   * show what happened; reads customers to find the right one, with masked PII only.
   */
  'privacy-officer': ['customers:read', 'privacy:manage', 'audit:read'],
  /** Everything, including unmasked PII and the audit trail. */
  admin: Object.keys(SCOPES) as Scope[],
} as const satisfies Record<string, readonly Scope[]>;

export type Role = keyof typeof ROLES | 'service';

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPES, value);
}

export function isRole(value: string): value is Role {
  return value === 'service' || Object.hasOwn(ROLES, value);
}
