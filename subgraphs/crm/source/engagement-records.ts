/**
 * Records of the CRM's engagement data: channel identities, conversations of non-voice
 * channels, leads, opportunities and shipment tracking events (docs/bots.md). Plain data,
 * as the store returns it and the resolvers read it.
 */
import type { ShipmentStatus } from './records.js';

export type ChannelIdentityKind = 'EMAIL' | 'WECHAT_OPENID' | 'WECHAT_UNIONID' | 'APP_USER_ID';
export type ConversationChannel = 'WEB_CHAT' | 'WECHAT' | 'APP' | 'EMAIL' | 'SMS';
export type ParticipantRole = 'BOT' | 'AGENT' | 'CUSTOMER';
export type ConversationStatus = 'OPEN' | 'HANDED_OFF' | 'CLOSED';
export type ConversationOutcome = 'RESOLVED' | 'LEAD_CREATED' | 'TICKET_CREATED' | 'HANDED_OFF' | 'ABANDONED';
export type LeadSourceChannel = ConversationChannel | 'PHONE' | 'WEB_FORM' | 'OTHER';
export type LeadStatus = 'NEW' | 'CONTACTED' | 'QUALIFIED' | 'CONVERTED' | 'LOST';
export type OpportunityStage = 'PROSPECTING' | 'QUALIFICATION' | 'PROPOSAL' | 'NEGOTIATION' | 'WON' | 'LOST';

export interface ChannelIdentityRecord {
  customerId: string;
  kind: ChannelIdentityKind;
  value: string;
}

export interface ParticipantRecord {
  role: ParticipantRole;
  id: string;
  name: string | null;
}

export interface AttachmentRecord {
  url: string;
  name: string | null;
  contentType: string | null;
  sizeBytes: number | null;
}

export interface ConversationMessageRecord {
  /** The sender's message id, unique in the conversation. */
  id: string;
  from: ParticipantRole;
  senderId: string | null;
  at: string;
  text: string;
  attachments: AttachmentRecord[];
}

/** A conversation without its messages (loaded separately, by conversation id). */
export interface ConversationRecord {
  id: string;
  channel: ConversationChannel;
  externalId: string | null;
  customerId: string | null;
  status: ConversationStatus;
  participants: ParticipantRecord[];
  summary: string | null;
  intent: string | null;
  outcome: ConversationOutcome | null;
  startedAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface LeadRecord {
  id: string;
  name: string;
  customerId: string | null;
  sourceChannel: LeadSourceChannel;
  status: LeadStatus;
  externalStatus: string | null;
  interest: string | null;
  ownerId: string | null;
  conversationId: string | null;
  opportunityId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  convertedAt: string | null;
}

export interface OpportunityRecord {
  id: string;
  name: string;
  customerId: string;
  stage: OpportunityStage;
  externalStage: string | null;
  /** Decimal string with two fraction digits; null when not known. */
  amount: string | null;
  currency: string;
  ownerId: string | null;
  leadId: string | null;
  createdAt: string;
}

export interface ShipmentEventRecord {
  orderId: string;
  at: string;
  location: string | null;
  description: string;
}

/** `Order.shipment` as its resolvers see it: the order's shipment and the order it belongs to (for `lastEvent`). */
export interface ShipmentModel {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
  shippedAt: string | null;
  deliveredAt: string | null;
}

/** One merged timeline entry (`Customer.interactions`). */
export interface InteractionRecord {
  kind: 'CALL' | 'TICKET' | 'CONVERSATION';
  at: string;
  id: string;
}

/** The engagement part of the seed (subgraphs/devdata/seed). */
export interface EngagementSeed {
  identities: ChannelIdentityRecord[];
  conversations: (ConversationRecord & { messages: ConversationMessageRecord[] })[];
  leads: LeadRecord[];
  shipmentEvents: ShipmentEventRecord[];
}
