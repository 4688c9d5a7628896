/**
 * Resolvers of the CRM's engagement part (docs/bots.md): identification by channel identity,
 * conversations, leads and opportunities, shipment tracking. The Customer fields are in
 * `customer-engagement.ts` (wrapped by the record-level rule with the other Customer fields).
 */
import { badUserInput, notFound } from '../../../schema/errors.js';
import { pageArgs } from '../../shared/pagination.js';
import type {
  ConversationResolvers,
  LeadConversionResolvers,
  LeadResolvers,
  MutationResolvers,
  OpportunityResolvers,
  OrderResolvers,
  QueryResolvers,
  ShipmentResolvers,
} from '../__generated__/resolvers-types.js';
import type { CrmContext } from '../context.js';
import { EngagementCursor, normaliseIdentity } from '../source/engagement-port.js';
import type { ChannelIdentityKind } from '../source/engagement-records.js';
import { mapLeadLabel } from '../source/lead-status.js';
import type { CustomerRecord } from '../source/records.js';

/** Never picks one of several candidates (the contract of `identifyCaller`). */
async function identify(kind: ChannelIdentityKind, value: string, { engagement, loaders }: CrmContext) {
  const normalised = normaliseIdentity(kind, value);
  const ids = await engagement.customerIdsByIdentity(kind, normalised);
  const candidates = (await loaders.customerById.loadMany(ids)).filter((c): c is CustomerRecord => c !== null && !(c instanceof Error));
  const status = candidates.length === 0 ? 'NONE' : candidates.length === 1 ? 'SINGLE' : 'MULTIPLE';
  return { kind, value: normalised, status, candidates } as const;
}

export const EngagementQuery: QueryResolvers = {
  identifyCustomer: (_parent, { kind, value }, context) => identify(kind, value, context),
  async conversation(_parent, { id }, { engagementLoaders }) {
    const conversation = await engagementLoaders.conversationById.load(id);
    if (!conversation) throw notFound('Conversation', id);
    return conversation;
  },
  async lead(_parent, { id }, { engagementLoaders }) {
    const lead = await engagementLoaders.leadById.load(id);
    if (!lead) throw notFound('Lead', id);
    return lead;
  },
  leads(_parent, { status, ownerId, first, after }, { engagement }) {
    return engagement.searchLeads({ statuses: status, ownerId }, pageArgs(EngagementCursor.leads, first, after, 20));
  },
};

export const EngagementMutation: MutationResolvers = {
  async linkChannelIdentity(_parent, { input }, { engagement, loaders, engagementLoaders }) {
    await engagement.linkIdentity(input.customerId, input.kind, input.value);
    engagementLoaders.identitiesByCustomer.clear(input.customerId);
    const customer = await loaders.customerById.load(input.customerId);
    if (!customer) throw notFound('Customer', input.customerId);
    return customer;
  },
  startConversation(_parent, { input }, { engagement }) {
    return engagement.startConversation(input);
  },
  appendConversationMessages(_parent, { input }, { engagement }) {
    return engagement.appendMessages(input.conversationId, input.messages);
  },
  updateConversation(_parent, { input }, { engagement }) {
    return engagement.updateConversation(input);
  },
  createLead(_parent, { input }, { engagement, viewer }) {
    return engagement.createLead(input, viewer.subject);
  },
  changeLeadStatus(_parent, { input }, { engagement, statusMaps }) {
    if ((input.status == null) === (input.externalStatus == null)) {
      throw badUserInput('Give exactly one of `status` and `externalStatus`.', { argumentName: 'status' });
    }
    const external = input.externalStatus?.trim() ?? null;
    const status = input.status ?? mapLeadLabel(statusMaps, external!);
    return engagement.changeLeadStatus(input.leadId, status, external);
  },
  convertLead(_parent, { input }, { engagement }) {
    return engagement.convertLead(input);
  },
};

export const Conversation: ConversationResolvers = {
  __resolveReference: ({ id }, { engagementLoaders }) => engagementLoaders.conversationById.load(id),
  customer: (conversation, _args, { loaders }) => (conversation.customerId === null ? null : loaders.customerById.load(conversation.customerId)),
  messages: (conversation, _args, { engagementLoaders }) => engagementLoaders.messagesByConversation.load(conversation.id),
};

export const Lead: LeadResolvers = {
  __resolveReference: ({ id }, { engagementLoaders }) => engagementLoaders.leadById.load(id),
  customer: (lead, _args, { loaders }) => (lead.customerId === null ? null : loaders.customerById.load(lead.customerId)),
  owner: (lead, _args, { loaders }) => (lead.ownerId === null ? null : loaders.ownerById.load(lead.ownerId)),
  conversation: (lead, _args, { engagementLoaders }) => (lead.conversationId === null ? null : engagementLoaders.conversationById.load(lead.conversationId)),
  opportunity: (lead, _args, { engagementLoaders }) => (lead.opportunityId === null ? null : engagementLoaders.opportunityById.load(lead.opportunityId)),
};

export const Opportunity: OpportunityResolvers = {
  __resolveReference: ({ id }, { engagementLoaders }) => engagementLoaders.opportunityById.load(id),
  customer: (opportunity, _args, { loaders }) => loaders.customerById.load(opportunity.customerId),
  owner: (opportunity, _args, { loaders }) => (opportunity.ownerId === null ? null : loaders.ownerById.load(opportunity.ownerId)),
  lead: (opportunity, _args, { engagementLoaders }) => (opportunity.leadId === null ? null : engagementLoaders.leadById.load(opportunity.leadId)),
};

export const LeadConversion: LeadConversionResolvers = {
  async customer(conversion, _args, { loaders }) {
    const customer = await loaders.customerById.load(conversion.customerId);
    if (!customer) throw notFound('Customer', conversion.customerId);
    return customer;
  },
};

export const Order: OrderResolvers = {
  shipment: (order) => (order.shipment === null ? null : { ...order.shipment, orderId: order.id }),
};

export const Shipment: ShipmentResolvers = {
  lastEvent: (shipment, _args, { engagementLoaders }) => engagementLoaders.lastShipmentEventByOrder.load(shipment.orderId),
};
