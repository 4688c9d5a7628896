/** The CRM subgraph's resolver map, one file per type. */
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Activity, CallLogActivity, ChatTranscriptActivity, NoteActivity } from './activity.js';
import { CallerIdentification } from './caller-identification.js';
import { Customer } from './customer.js';
import { Interaction } from './customer-engagement.js';
import { Conversation, EngagementMutation, EngagementQuery, Lead, LeadConversion, Opportunity, Order, Shipment } from './engagement.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { Subscription } from './subscription.js';
import { CustomerPrivacy, MutationPrivacy, QueryPrivacy } from '../privacy/resolvers.js';
import { QueryReconciliation } from '../reconciliation/resolvers.js';
// Contact reasons and churn, parts of the gateway's cross-system reports (subgraphs/crm/reports/).
import { QueryCrossSystem } from '../reports/cross-system.js';

export const resolvers: Resolvers = {
  Query: { ...Query, ...QueryPrivacy, ...EngagementQuery, ...QueryReconciliation, ...QueryCrossSystem },
  Mutation: { ...Mutation, ...MutationPrivacy, ...EngagementMutation },
  Subscription,
  Conversation,
  Lead,
  Opportunity,
  LeadConversion,
  Order,
  Shipment,
  Interaction,
  Customer: { ...Customer, ...CustomerPrivacy },
  CallerIdentification,
  Activity,
  NoteActivity,
  CallLogActivity,
  ChatTranscriptActivity,
};
