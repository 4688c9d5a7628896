/**
 * `contactReasonsByTier` and `churnJourneys` (docs/reporting.md, "Questions across systems"),
 * served by the gateway's in-process subgraph: the gateway checks the arguments, reads each
 * system's part through that system's own `reports:read` field as its `gateway:reports`
 * service account, and combines them (`combine.ts`). No system calls another.
 *
 * Partial data: a system that does not answer leaves its figures as SUBGRAPH_UNAVAILABLE
 * errors naming it, thrown at each field that needs it; the churn journeys cannot be listed
 * without the CRM (the whole report is null with that error).
 */
import type { GraphQLError } from 'graphql';
import { badUserInput, switchboardError } from '../../schema/errors.js';
import type { Viewer } from '../../schema/viewer.js';
import { SystemClient, SystemUnavailableError } from '../privacy/system-client.js';
import type { ReasonCount } from '../../subgraphs/shared/reporting/customer-windows.js';
import { boundedInt, parseTimeRange, type TimeRangeArgument } from '../../subgraphs/shared/reporting/time-range.js';
import { churnRules, type ChurnRule } from '../../subgraphs/shared/reporting/churn-rules.js';
import { combineJourneys, combineReasons, type CallJourneyPart, type ChurnJourneyRow, type ChurnedPart, type ContactReasonRow, type TicketJourneyPart } from './combine.js';

/** The gateway acting for a cross-system report, with only the scope the parts need. */
export const REPORTS_VIEWER: Viewer = {
  subject: 'gateway:reports',
  kind: 'service',
  role: 'service',
  scopes: ['reports:read'],
  team: null,
  agentId: null,
  expiresAt: null,
};

/** The CRM's tiers (`CustomerTier`): the values `contactReasonsByTier(tier)` accepts. */
export const TIERS = ['STANDARD', 'SILVER', 'GOLD', 'PLATINUM'] as const;

export interface ContactReasonsResult {
  from: string;
  to: string;
  tier: string | null;
  rows: ContactReasonRow[];
}

export interface ChurnJourneyResult {
  from: string;
  to: string;
  quietDays: number;
  lookbackDays: number;
  rules: ChurnRule[];
  churned: number;
  customers: ChurnJourneyRow[];
}

export interface ChurnJourneyArgs {
  range: TimeRangeArgument;
  quietDays: number;
  lookbackDays: number;
  first: number;
  /** Null or absent: every rule. */
  rules?: readonly ChurnRule[] | null;
}

const RANGE = 'range: { from: $from, to: $to, timeZone: $timeZone }';
const RANGE_VARS = '$from: DateTime!, $to: DateTime!, $timeZone: String!';
const CALL_REASONS = `query (${RANGE_VARS}) { callReasonsByTier(${RANGE}) { tier reason count } }`;
const TICKET_REASONS = `query (${RANGE_VARS}) { ticketReasonsByTier(${RANGE}) { tier reason count } }`;
const CONVERSATION_REASONS = `query (${RANGE_VARS}) { conversationReasonsByTier(${RANGE}) { tier reason count } }`;
const CHURNED = `query (${RANGE_VARS}, $quietDays: Int!, $lookbackDays: Int!, $first: Int!, $rules: [ChurnRule!]!) {
  churnedCustomers(${RANGE}, quietDays: $quietDays, lookbackDays: $lookbackDays, first: $first, rules: $rules) { total customers { customerId tier rule lastOrderAt churnedAt windowStart conversations } }
}`;
const CALL_JOURNEYS = 'query ($windows: [CustomerWindowInput!]!) { callJourneys(windows: $windows) { customerId contacts calls abandoned } }';
const TICKET_JOURNEYS = 'query ($windows: [CustomerWindowInput!]!) { ticketJourneys(windows: $windows) { customerId created openAtEnd slaBreached } }';

function unavailable(error: unknown): GraphQLError {
  if (error instanceof SystemUnavailableError) return switchboardError('SUBGRAPH_UNAVAILABLE', error.message, { system: error.system });
  throw error;
}

export class CrossSystemReporter {
  private readonly client: SystemClient;

  constructor(subgraphUrl: (system: string) => string | undefined, timeoutMs: number) {
    this.client = new SystemClient(subgraphUrl, timeoutMs, REPORTS_VIEWER);
  }

  private async part<T>(system: string, query: string, field: string, variables: Record<string, unknown>): Promise<T | GraphQLError> {
    try {
      return (await this.client.request<Record<string, T>>(system, query, variables))[field]!;
    } catch (error) {
      return unavailable(error);
    }
  }

  /** BAD_USER_INPUT for a bad range or a tier that is not a CRM tier, before any system is asked. */
  async contactReasons(range: TimeRangeArgument, tier: string | null): Promise<ContactReasonsResult> {
    const parsed = parseTimeRange(range);
    if (tier !== null && !(TIERS as readonly string[]).includes(tier)) {
      throw badUserInput(`\`tier\` must be one of ${TIERS.join(', ')}; got ${JSON.stringify(tier)}.`, { argumentName: 'tier' });
    }
    const variables = { from: parsed.from, to: parsed.to, timeZone: parsed.timeZone };
    const [calls, tickets, conversations] = await Promise.all([
      this.part<ReasonCount[]>('callcenter', CALL_REASONS, 'callReasonsByTier', variables),
      this.part<ReasonCount[]>('tickets', TICKET_REASONS, 'ticketReasonsByTier', variables),
      this.part<ReasonCount[]>('crm', CONVERSATION_REASONS, 'conversationReasonsByTier', variables),
    ]);
    return { from: parsed.from, to: parsed.to, tier, rows: combineReasons({ calls, tickets, conversations }, tier) };
  }

  /** BAD_USER_INPUT for a bad range, bounds or an empty `rules`; SUBGRAPH_UNAVAILABLE (thrown) when the CRM does not answer. */
  async churnJourneys(args: ChurnJourneyArgs): Promise<ChurnJourneyResult> {
    const parsed = parseTimeRange(args.range);
    const quietDays = boundedInt(args.quietDays, 'quietDays', 1, 365);
    const lookbackDays = boundedInt(args.lookbackDays, 'lookbackDays', 1, 365);
    const first = boundedInt(args.first, 'first', 0, 1000);
    const rules = churnRules(args.rules);
    const churned = await this.part<{ total: number; customers: ChurnedPart[] }>('crm', CHURNED, 'churnedCustomers', {
      from: parsed.from,
      to: parsed.to,
      timeZone: parsed.timeZone,
      quietDays,
      lookbackDays,
      first,
      rules,
    });
    if (!('customers' in churned)) throw churned;
    const windows = churned.customers.map((c) => ({ customerId: c.customerId, from: c.windowStart, to: c.churnedAt }));
    const [calls, tickets] =
      windows.length === 0
        ? [[], []]
        : await Promise.all([
            this.part<CallJourneyPart[]>('callcenter', CALL_JOURNEYS, 'callJourneys', { windows }),
            this.part<TicketJourneyPart[]>('tickets', TICKET_JOURNEYS, 'ticketJourneys', { windows }),
          ]);
    return { from: parsed.from, to: parsed.to, quietDays, lookbackDays, rules, churned: churned.total, customers: combineJourneys(churned.customers, calls, tickets) };
  }
}
