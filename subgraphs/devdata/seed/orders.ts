/**
 * A customer's orders (0-6): statuses with consistent shipments (carriers, tracking numbers,
 * shipped/delivered times before the anchor), totals as decimal strings in CNY or USD.
 */
import type { OrderRecord, OrderStatus } from '../../crm/source/records.js';
import type { CustomerDraft } from './customers.js';
import { weighted, type Prng } from './prng.js';
import { nextId, pad, type State } from './state.js';
import { DAY, HOUR, MINUTE, iso, shapedTime, toSecond } from './time.js';
import * as vocab from './vocabulary.js';

const ORDER_STATUS = weighted<OrderStatus>([['PENDING', 5], ['PAID', 8], ['SHIPPED', 10], ['DELIVERED', 62], ['CANCELLED', 8], ['RETURNED', 7]]);
const pickOrderCount = weighted<number>([[0, 25], [1, 25], [2, 18], [3, 12], [4, 9], [5, 6], [6, 5]]);
const CNY_PRICES = weighted<number>([[1990, 10], [3900, 12], [5900, 12], [8990, 12], [12900, 12], [19900, 10], [29900, 9], [39900, 6], [59900, 5], [89900, 4], [129900, 3], [199900, 2], [299900, 1.5], [499900, 1], [699900, 0.5]]);
const USD_PRICES = weighted<number>([[999, 12], [1999, 14], [4900, 14], [9900, 12], [14900, 8], [29900, 5], [49900, 3], [99900, 1]]);

function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${pad(cents % 100, 2)}`;
}

function trackingNumber(prng: Prng, carrier: string): string {
  switch (carrier) {
    case '顺丰速运':
    case 'SF Express':
      return `SF${prng.int(1, 9)}${prng.digits(12)}`;
    case '京东物流':
      return `JDVA${prng.digits(11)}`;
    case '中通快递':
      return `7${prng.digits(13)}`;
    case 'EMS':
      return `E${String.fromCharCode(65 + prng.int(0, 25))}${prng.digits(9)}CN`;
    case '圆通速递':
      return `YT${prng.digits(13)}`;
    case '韵达快递':
      return `43${prng.digits(13)}`;
    case 'DHL Express':
      return prng.digits(10);
    default:
      return prng.digits(12);
  }
}

/** The orders of one customer (a duplicate record has at most one). */
export function makeOrders(state: State, prng: Prng, draft: CustomerDraft): OrderRecord[] {
  const { anchor } = state.settings;
  const created = Date.parse(draft.record.createdAt);
  const count = draft.duplicateOf ? prng.int(0, 1) : pickOrderCount(prng);
  const orders: OrderRecord[] = [];
  for (let i = 0; i < count; i++) {
    let status = ORDER_STATUS(prng);
    const recentFrom = (maxAgeMs: number, minAgeMs: number) => Math.max(created + HOUR, anchor - minAgeMs - prng.next() * (maxAgeMs - minAgeMs));
    const placed = toSecond(
      status === 'PENDING'
        ? recentFrom(36 * HOUR, 10 * MINUTE)
        : status === 'PAID'
          ? recentFrom(3 * DAY, 2 * HOUR)
          : status === 'SHIPPED'
            ? recentFrom(6 * DAY, DAY)
            : shapedTime(prng, created, anchor - HOUR, draft.utcOffset),
    );
    const usd = draft.lang === 'en' && prng.chance(0.6);
    const prices = usd ? USD_PRICES : CNY_PRICES;
    let cents = 0;
    for (let item = prng.int(1, 3); item > 0; item--) cents += prices(prng) * prng.int(1, 2);
    if (!usd && cents < 9900 && prng.chance(0.7)) cents += 1000; // shipping fee
    if (prng.chance(0.15)) cents -= Math.min(Math.floor(cents / 10), usd ? 1000 : 5000); // coupon

    const shippedAt = placed + toSecond(prng.float(4 * HOUR, 48 * HOUR));
    const deliveredAt = shippedAt + toSecond(prng.float(DAY, 5 * DAY));
    if ((status === 'DELIVERED' || status === 'RETURNED') && deliveredAt >= anchor) status = 'SHIPPED';
    if (status === 'SHIPPED' && shippedAt >= anchor) status = 'PAID';
    const carrier = prng.pick(draft.lang === 'zh' || !usd ? vocab.CARRIERS_ZH : vocab.CARRIERS_EN);
    let shipment: OrderRecord['shipment'] = null;
    if (status === 'PAID' && prng.chance(0.5)) {
      shipment = { carrier, trackingNumber: trackingNumber(prng, carrier), status: 'PREPARING', shippedAt: null, deliveredAt: null };
    } else if (status === 'SHIPPED') {
      shipment = { carrier, trackingNumber: trackingNumber(prng, carrier), status: 'IN_TRANSIT', shippedAt: iso(shippedAt), deliveredAt: null };
    } else if (status === 'DELIVERED' || status === 'RETURNED') {
      shipment = { carrier, trackingNumber: trackingNumber(prng, carrier), status: status === 'DELIVERED' ? 'DELIVERED' : 'RETURNED', shippedAt: iso(shippedAt), deliveredAt: iso(deliveredAt) };
    }
    const n = nextId(state, 'order');
    orders.push({
      id: `ord_${pad(n, 7)}`,
      customerId: draft.record.id,
      number: `SO${iso(placed).slice(2, 10).replaceAll('-', '')}${pad(n, 7)}`,
      status,
      total: money(cents),
      currency: usd ? 'USD' : 'CNY',
      placedAt: iso(placed),
      shipment,
    });
  }
  return orders;
}
