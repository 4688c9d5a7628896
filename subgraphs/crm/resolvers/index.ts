/** The CRM subgraph's resolver map, one file per type. */
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Activity, CallLogActivity, ChatTranscriptActivity, NoteActivity } from './activity.js';
import { CallerIdentification } from './caller-identification.js';
import { Customer } from './customer.js';
import { Interaction } from './customer-engagement.js';
import { Conversation, EngagementMutation, EngagementQuery, Lead, LeadConversion, Opportunity, Order, Shipment } from './engagement.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';

export const resolvers: Resolvers = {
  Query: { ...Query, ...EngagementQuery },
  Mutation: { ...Mutation, ...EngagementMutation },
  Conversation,
  Lead,
  Opportunity,
  LeadConversion,
  Order,
  Shipment,
  Interaction,
  Customer,
  CallerIdentification,
  Activity,
  NoteActivity,
  CallLogActivity,
  ChatTranscriptActivity,
};
