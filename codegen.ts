/**
 * Resolver types for each subgraph, generated from its SDL in `schema/` into
 * `subgraphs/<name>/__generated__/resolvers-types.ts`. Never edit the output by hand:
 * run `npm run codegen`; CI fails when the committed files are stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

type Mappers = Record<string, string>;

function subgraph(name: 'crm' | 'callcenter' | 'tickets' | 'audit' | 'webhooks', mappers: Mappers, contextType = `../context.js#${contextTypeName[name as keyof typeof contextTypeName]}`) {
  return {
    schema: [`schema/${name}.graphql`, 'schema/codegen/federation-directives.graphql'],
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      enumsAsTypes: true,
      immutableTypes: false,
      useTypeImports: true,
      contextType,
      mapperTypeSuffix: 'Model',
      mappers,
      scalars: { DateTime: 'string', Decimal: 'string' },
      avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      maybeValue: 'T | null',
      inputMaybeValue: 'T | null | undefined',
    },
  };
}

const contextTypeName = { crm: 'CrmContext', callcenter: 'CallCenterContext', tickets: 'TicketsContext' } as const;

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    'subgraphs/crm/__generated__/resolvers-types.ts': subgraph('crm', {
      Customer: '../source/records.js#CustomerRecord',
      AccountOwner: '../source/records.js#AccountOwnerRecord',
      Order: '../source/records.js#OrderRecord',
      Activity: '../source/records.js#ActivityRecord',
      NoteActivity: '../source/records.js#ActivityRecord',
      CallLogActivity: '../source/records.js#ActivityRecord',
      ChatTranscriptActivity: '../source/records.js#ActivityRecord',
      Shipment: '../source/engagement-records.js#ShipmentModel',
      ShipmentEvent: '../source/engagement-records.js#ShipmentEventRecord',
      ChannelIdentity: '../source/engagement-records.js#ChannelIdentityRecord',
      Conversation: '../source/engagement-records.js#ConversationRecord',
      ConversationMessage: '../source/engagement-records.js#ConversationMessageRecord',
      Lead: '../source/engagement-records.js#LeadRecord',
      Opportunity: '../source/engagement-records.js#OpportunityRecord',
      LeadConversion: '../source/engagement-port.js#LeadConversionRecord',
      Interaction: '../source/engagement-records.js#InteractionRecord',
    }),
    'subgraphs/callcenter/__generated__/resolvers-types.ts': subgraph('callcenter', {
      Call: '../source/records.js#CallRecord',
      Agent: '../source/records.js#AgentRecord',
      Queue: '../source/records.js#QueueRecord',
      Handoff: '../handoffs/records.js#HandoffRecord',
      // Reporting: a summary is a model of its own, so Customer references need not carry one.
      CustomerCallSummary: '../reports/customer-reports-sql.js#CustomerCallSummary',
    }),
    'gateway/audit/__generated__/resolvers-types.ts': subgraph('audit', { AuditEvent: '../../store/gateway-store.js#AuditEvent' }, '../audit-subgraph.js#AuditContext'),
    'gateway/webhooks/__generated__/resolvers-types.ts': subgraph(
      'webhooks',
      { WebhookEndpoint: '../webhook-store.js#WebhookEndpoint', WebhookDelivery: '../webhook-store.js#WebhookDelivery' },
      '../webhooks-subgraph.js#WebhooksContext',
    ),
    'subgraphs/tickets/__generated__/resolvers-types.ts': subgraph('tickets', {
      Ticket: '../source/records.js#TicketRecord',
      TicketComment: '../source/records.js#TicketCommentRecord',
      // Reporting: a summary is a model of its own, so Customer references need not carry one.
      CustomerTicketSummary: '../reports/customer-reports-sql.js#CustomerTicketSummary',
      TicketMetrics: '../reports/ticket-metrics.js#TicketMetricsValues',
    }),
  },
};

export default config;
