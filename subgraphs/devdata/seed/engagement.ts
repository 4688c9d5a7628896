/**
 * The CRM's engagement seed for one chunk: channel identities (WeChat openid/unionid, app
 * user ids), bot conversations on non-voice channels, leads and shipment tracking events.
 * Drawn from a PRNG stream of its own (stream 100,000 + chunk index), so adding it left every
 * other generated value as it was (the README's example customer included).
 */
import type { ConversationChannel, ConversationMessageRecord, ConversationRecord, EngagementSeed, LeadRecord, ShipmentEventRecord } from '../../crm/source/engagement-records.js';
import type { CrmSeed } from '../../crm/source/records.js';
import { Prng } from './prng.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ENGAGEMENT_STREAM = 100_000;

const SCRIPTS: Readonly<Record<'zh' | 'en', readonly { intent: string; lines: readonly string[]; summary: string; outcome: ConversationRecord['outcome']; lead: boolean }[]>> = {
  zh: [
    { intent: 'order_status', lines: ['我的订单到哪了？', '您的包裹已到达上海转运中心，预计明天送达。', '好的，谢谢！'], summary: '客户查询物流，已告知预计送达时间。', outcome: 'RESOLVED', lead: false },
    { intent: 'purchase_intent', lines: ['企业版多少钱？我们有 20 个人。', '企业版按席位计费，我请销售顾问联系您。', '好，请尽快。'], summary: '客户咨询企业版 20 席，已转销售线索。', outcome: 'LEAD_CREATED', lead: true },
    { intent: 'complaint', lines: ['收到的商品有破损。', '非常抱歉，我为您创建售后工单。', '嗯。'], summary: '商品破损，已建工单。', outcome: 'TICKET_CREATED', lead: false },
  ],
  en: [
    { intent: 'order_status', lines: ['Where is my order?', 'Your parcel is at the Shanghai hub and should arrive tomorrow.', 'Great, thanks!'], summary: 'Asked for tracking; told the expected delivery date.', outcome: 'RESOLVED', lead: false },
    { intent: 'purchase_intent', lines: ['How much is the business plan for 20 seats?', 'It is priced per seat; a sales consultant will contact you.', 'Please do.'], summary: 'Interested in the business plan, 20 seats; lead created.', outcome: 'LEAD_CREATED', lead: true },
    { intent: 'complaint', lines: ['The item arrived broken.', 'Sorry about that, I am opening an after-sales ticket.', 'OK.'], summary: 'Damaged item; ticket opened.', outcome: 'TICKET_CREATED', lead: false },
  ],
};

const CHANNELS: readonly (readonly [ConversationChannel, number])[] = [['WECHAT', 45], ['WEB_CHAT', 25], ['APP', 20], ['EMAIL', 7], ['SMS', 3]];
const HUBS = ['Shanghai hub', 'Beijing hub', 'Guangzhou hub', 'Shenzhen depot', 'Hangzhou depot'];

const idPart = (prng: Prng, length: number) => Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'[prng.int(0, 63)]).join('');
const iso = (ms: number) => new Date(ms).toISOString();

/** The engagement data of the customers and orders of one chunk; `anchor` is the data set's "now" (ms). */
export function engagementFor(crm: CrmSeed, seed: number, chunkIndex: number, anchor: number): EngagementSeed {
  const prng = new Prng(seed, ENGAGEMENT_STREAM + chunkIndex);
  const out: EngagementSeed = { identities: [], conversations: [], leads: [], shipmentEvents: [] };
  for (const customer of crm.customers) {
    const lang = /[\u4e00-\u9fff]/.test(customer.displayName) ? 'zh' : 'en';
    const openid = prng.chance(0.35) ? `o${idPart(prng, 27)}` : null;
    if (openid) out.identities.push({ customerId: customer.id, kind: 'WECHAT_OPENID', value: openid });
    if (openid && prng.chance(0.5)) out.identities.push({ customerId: customer.id, kind: 'WECHAT_UNIONID', value: `u${idPart(prng, 27)}` });
    if (prng.chance(0.2)) out.identities.push({ customerId: customer.id, kind: 'APP_USER_ID', value: `app-${idPart(prng, 12)}` });

    const count = prng.weighted([[0, 70], [1, 22], [2, 8]]);
    const created = Date.parse(customer.createdAt);
    for (let i = 0; i < count; i++) {
      const script = prng.pick(SCRIPTS[lang]);
      const channel = openid ? prng.weighted(CHANNELS) : prng.weighted(CHANNELS.filter(([c]) => c !== 'WECHAT'));
      const id = `conv_${customer.id.replace(/^cus_/, '')}_${i + 1}`;
      let at = created + prng.int(1, Math.max(2, Math.floor((anchor - created - 2 * DAY) / MINUTE))) * MINUTE;
      const startedAt = at;
      const messages: ConversationMessageRecord[] = script.lines.map((text, line) => {
        if (line > 0) at += prng.int(5, 90) * 1000;
        return { id: `m${line + 1}`, from: line % 2 === 0 ? 'CUSTOMER' : 'BOT', senderId: line % 2 === 0 ? (openid ?? customer.id) : 'service:chatbot', at: iso(at), text, attachments: [] };
      });
      out.conversations.push({
        id,
        channel,
        externalId: null,
        customerId: customer.id,
        status: 'CLOSED',
        participants: [
          { role: 'CUSTOMER', id: openid ?? customer.id, name: customer.displayName },
          { role: 'BOT', id: 'service:chatbot', name: 'Chatbot' },
        ],
        summary: script.summary,
        intent: script.intent,
        outcome: script.outcome,
        startedAt: iso(startedAt),
        updatedAt: iso(at),
        closedAt: iso(at),
        messages,
      });
      if (script.lead) {
        const lead: LeadRecord = {
          id: `lead_${customer.id.replace(/^cus_/, '')}_${i + 1}`,
          name: customer.displayName,
          customerId: customer.id,
          sourceChannel: channel,
          status: prng.weighted([['NEW', 40], ['CONTACTED', 30], ['QUALIFIED', 20], ['LOST', 10]] as const),
          externalStatus: null,
          interest: lang === 'zh' ? '企业版 20 席' : 'business plan, 20 seats',
          ownerId: customer.ownerId,
          conversationId: id,
          opportunityId: null,
          createdBy: 'service:chatbot',
          createdAt: iso(at),
          updatedAt: iso(at),
          convertedAt: null,
        };
        out.leads.push(lead);
      }
    }
  }
  for (const order of crm.orders) {
    const shipment = order.shipment;
    if (!shipment?.shippedAt) continue;
    const shipped = Date.parse(shipment.shippedAt);
    const events: ShipmentEventRecord[] = [{ orderId: order.id, at: shipment.shippedAt, location: prng.pick(HUBS), description: 'Picked up by the carrier' }];
    const end = shipment.deliveredAt ? Date.parse(shipment.deliveredAt) : Math.min(anchor - MINUTE, shipped + 2 * DAY);
    if (end > shipped + MINUTE) events.push({ orderId: order.id, at: iso(shipped + Math.floor((end - shipped) / 2)), location: prng.pick(HUBS), description: 'Arrived at sorting hub' });
    if (shipment.deliveredAt) events.push({ orderId: order.id, at: shipment.deliveredAt, location: null, description: shipment.status === 'RETURNED' ? 'Returned to sender' : 'Delivered' });
    else if (shipment.status === 'IN_TRANSIT' && end > shipped + 2 * MINUTE) events.push({ orderId: order.id, at: iso(end), location: prng.pick(HUBS), description: 'Out for delivery' });
    out.shipmentEvents.push(...events);
  }
  return out;
}
