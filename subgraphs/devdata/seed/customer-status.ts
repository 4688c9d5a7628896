/**
 * Customer statuses in the seed, so the demo has some history: ~3% of customers (never a
 * duplicate record) turned INACTIVE at a dated time after their last order (or, without
 * orders, at least 30 days after they were created) and before the anchor; ~1% were made
 * INACTIVE and then ACTIVE again (ACTIVE now, two changes). Changed by the account owner, or
 * `service:crm-import` without one; a reason for most. Its own PRNG stream per chunk, so the
 * rest of the data set is the same as without it.
 */
import type { CrmSeed, CustomerStatusChangeRecord } from '../../crm/source/records.js';
import { Prng } from './prng.js';
import { DAY, HOUR, iso } from './time.js';

const STATUS_STREAM = 200_000;
const REASONS = ['Customer asked to close the account', 'No orders for a year', 'Company ceased trading', 'Moved to a competitor', null] as const;

/** Sets `status` on the chunk's customers it deactivates and returns their changes (oldest first per customer). */
export function statusChangesFor(crm: CrmSeed, duplicateIds: ReadonlySet<string>, seed: number, chunkIndex: number, anchor: number): CustomerStatusChangeRecord[] {
  const prng = new Prng(seed, STATUS_STREAM + chunkIndex);
  const lastOrder = new Map<string, number>();
  for (const order of crm.orders) lastOrder.set(order.customerId, Math.max(lastOrder.get(order.customerId) ?? 0, Date.parse(order.placedAt)));
  const changes: CustomerStatusChangeRecord[] = [];
  for (const customer of crm.customers) {
    const roll = prng.next();
    if (duplicateIds.has(customer.id) || roll >= 0.04) continue;
    const earliest = Math.max(Date.parse(customer.createdAt) + 30 * DAY, (lastOrder.get(customer.id) ?? 0) + DAY);
    const latest = anchor - DAY;
    if (earliest >= latest) continue;
    const by = customer.ownerId ?? 'service:crm-import';
    const change = (n: number, at: number, from: 'ACTIVE' | 'INACTIVE', to: 'ACTIVE' | 'INACTIVE', reason: string | null): CustomerStatusChangeRecord => ({
      id: `csc_${customer.id.replace(/^cus_/, '')}_${n}`,
      customerId: customer.id,
      at: iso(at),
      from,
      to,
      changedBy: by,
      reason,
    });
    const at = earliest + Math.floor(prng.next() * (latest - earliest) / HOUR) * HOUR;
    const reason = prng.pick(REASONS);
    if (roll < 0.03) {
      changes.push(change(1, at, 'ACTIVE', 'INACTIVE', reason));
      customer.status = 'INACTIVE';
    } else {
      const back = at + Math.floor(prng.next() * (latest - at) / HOUR) * HOUR;
      changes.push(change(1, at, 'ACTIVE', 'INACTIVE', reason), change(2, Math.max(back, at + HOUR), 'INACTIVE', 'ACTIVE', 'Customer ordered again'));
    }
  }
  return changes;
}
