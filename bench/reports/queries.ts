/**
 * The reporting operations the reports benchmark times, one per report, as a supervisor's
 * dashboard or a BI tool would send them: every figure of the report selected.
 */

const CALL_METRICS = `
  key offered answered abandoned missed voicemail transferred answerRate abandonmentRate serviceLevel
  averageSpeedOfAnswer longestWait waitTime { median p90 } handled averageHandleTime handleTime { median p90 }
  repeatCallerRate firstContactResolutionRate`;

const TICKET_METRICS = `
  key created solved backlog slaBreached slaBreachRate firstReplyTime { median p90 } resolutionTime { median p90 }`;

function callCenterMetrics(groupBy: string, extra = ''): string {
  return `query CallCenterMetrics${groupBy}($range: TimeRangeInput!) {
    callCenterMetrics(range: $range, groupBy: ${groupBy}, serviceLevelSeconds: 20) {
      totals { ${CALL_METRICS} }
      groups { ${CALL_METRICS} ${extra} }
    }
  }`;
}

function ticketMetrics(groupBy: string, extra = ''): string {
  return `query TicketMetrics${groupBy}($range: TimeRangeInput!) {
    ticketMetrics(range: $range, groupBy: ${groupBy}) {
      totals { ${TICKET_METRICS} }
      groups { ${TICKET_METRICS} ${extra} }
    }
  }`;
}

export interface Report {
  name: string;
  query: string;
  /** Variables beyond `range`. */
  variables?: Record<string, unknown>;
}

const TOP_CUSTOMERS = `query TopContactingCustomers($range: TimeRangeInput!) {
  topContactingCustomers(range: $range, first: 10) {
    contacts calls lastCallAt
    customer { id displayName tier lastContactAt tickets(status: [NEW, OPEN, PENDING], first: 3) { totalCount } }
  }
}`;

/** The reports, in the order of the table. `customerId` is the customer whose contact history is read. */
export function reports(customerId: string): Report[] {
  return [
    { name: 'callCenterMetrics HOUR', query: callCenterMetrics('HOUR') },
    { name: 'callCenterMetrics DAY', query: callCenterMetrics('DAY') },
    { name: 'callCenterMetrics QUEUE', query: callCenterMetrics('QUEUE', 'queue { name }') },
    { name: 'callCenterMetrics AGENT', query: callCenterMetrics('AGENT', 'agent { name }') },
    { name: 'callCenterMetrics TEAM', query: callCenterMetrics('TEAM') },
    { name: 'ticketMetrics PRIORITY', query: ticketMetrics('PRIORITY') },
    { name: 'ticketMetrics CHANNEL', query: ticketMetrics('CHANNEL') },
    { name: 'ticketMetrics ASSIGNEE', query: ticketMetrics('ASSIGNEE', 'assignee { name }') },
    { name: 'ticketMetrics TEAM', query: ticketMetrics('TEAM') },
    { name: 'topContactingCustomers(10)', query: TOP_CUSTOMERS },
    {
      name: 'per-tier metrics',
      query: `query TierMetrics($range: TimeRangeInput!) {
        callMetricsByTier(range: $range) { tier offered answered answerRate }
        ticketMetricsByTier(range: $range) { tier created slaBreached slaBreachRate }
      }`,
    },
    {
      name: 'customer contact history',
      query: `query ContactHistory($range: TimeRangeInput!, $id: ID!) {
        customer(id: $id) {
          id displayName tier lastContactAt
          callSummary(range: $range) { total inbound outbound byDisposition { disposition count } lastCallAt }
          ticketSummary(range: $range) { created byStatus { status count } slaBreached }
        }
      }`,
      variables: { id: customerId },
    },
    {
      name: 'issue 5 "Reports" operation',
      query: `query Reports($range: TimeRangeInput!) {
        callCenterMetrics(range: $range, groupBy: DAY, serviceLevelSeconds: 20) {
          totals { offered answered abandoned answerRate abandonmentRate serviceLevel averageSpeedOfAnswer averageHandleTime }
          groups { key offered answered abandoned answerRate serviceLevel averageHandleTime }
        }
        ticketMetrics(range: $range, groupBy: PRIORITY) {
          totals { created solved backlog slaBreachRate firstReplyTime { median p90 } resolutionTime { median p90 } }
          groups { key created solved slaBreachRate }
        }
        topContactingCustomers(range: $range, first: 10) {
          contacts customer { displayName tier tickets(status: [NEW, OPEN, PENDING], first: 3) { totalCount } }
        }
      }`,
    },
  ];
}
