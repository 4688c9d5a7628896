/**
 * Per-request DataLoaders of the CRM's engagement data (conversations, leads, opportunities,
 * identities, shipment events): one statement per kind of lookup however many parents ask.
 */
import DataLoader from 'dataloader';
import type { Page } from '../shared/pagination.js';
import { groupedBy, pageSignature, type PageKey } from './loaders.js';
import type { EngagementSource } from './source/engagement-port.js';
import type {
  ChannelIdentityRecord,
  ConversationMessageRecord,
  ConversationRecord,
  LeadRecord,
  OpportunityRecord,
  ShipmentEventRecord,
} from './source/engagement-records.js';

const MAX_BATCH = 1000;

export interface EngagementLoaders {
  conversationById: DataLoader<string, ConversationRecord | null>;
  messagesByConversation: DataLoader<string, ConversationMessageRecord[]>;
  conversationsByCustomer: DataLoader<PageKey, Page<ConversationRecord>, string>;
  conversationStampsByCustomer: DataLoader<string, { id: string; at: string }[]>;
  leadById: DataLoader<string, LeadRecord | null>;
  leadsByCustomer: DataLoader<PageKey, Page<LeadRecord>, string>;
  opportunityById: DataLoader<string, OpportunityRecord | null>;
  opportunitiesByCustomer: DataLoader<string, OpportunityRecord[]>;
  identitiesByCustomer: DataLoader<string, ChannelIdentityRecord[]>;
  lastShipmentEventByOrder: DataLoader<string, ShipmentEventRecord | null>;
}

export function createEngagementLoaders(source: EngagementSource): EngagementLoaders {
  const pageKey = (key: PageKey) => `${key.customerId}|${pageSignature(key.page)}`;
  return {
    conversationById: new DataLoader((ids) => source.conversationsByIds(ids), { maxBatchSize: MAX_BATCH }),
    messagesByConversation: new DataLoader((ids) => source.messagesByConversationIds(ids), { maxBatchSize: MAX_BATCH }),
    conversationsByCustomer: new DataLoader(
      (keys) => groupedBy(keys, (key) => pageSignature(key.page), (ids, key) => source.conversationsByCustomerIds(ids, key.page)),
      { maxBatchSize: MAX_BATCH, cacheKeyFn: pageKey },
    ),
    conversationStampsByCustomer: new DataLoader((ids) => source.conversationStampsByCustomerIds(ids), { maxBatchSize: MAX_BATCH }),
    leadById: new DataLoader((ids) => source.leadsByIds(ids), { maxBatchSize: MAX_BATCH }),
    leadsByCustomer: new DataLoader(
      (keys) => groupedBy(keys, (key) => pageSignature(key.page), (ids, key) => source.leadsByCustomerIds(ids, key.page)),
      { maxBatchSize: MAX_BATCH, cacheKeyFn: pageKey },
    ),
    opportunityById: new DataLoader((ids) => source.opportunitiesByIds(ids), { maxBatchSize: MAX_BATCH }),
    opportunitiesByCustomer: new DataLoader((ids) => source.opportunitiesByCustomerIds(ids), { maxBatchSize: MAX_BATCH }),
    identitiesByCustomer: new DataLoader((ids) => source.identitiesByCustomerIds(ids), { maxBatchSize: MAX_BATCH }),
    lastShipmentEventByOrder: new DataLoader((ids) => source.lastShipmentEventsByOrderIds(ids), { maxBatchSize: MAX_BATCH }),
  };
}
