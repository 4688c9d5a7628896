/**
 * The one small CRM data set every adapter of the CRM port is tested with: each harness
 * writes it into its system in that system's own shape (Switchboard's tables, a foreign SQL
 * schema, HubSpot contacts), and the behavioural suite checks what the port hands back.
 * Ids are numeric strings because HubSpot's and most SQL CRMs' ids are numbers.
 */
import type { CrmSeed, CustomerRecord, OrderRecord, ActivityRecord, PhoneRecord } from '../../../subgraphs/crm/source/records.js';

export const CUSTOMERS = 25;
/** Customer 101 alone has this number (SINGLE). */
export const SINGLE_NUMBER = '+8613800138000';
/** Customers 102 and 103 share this landline (MULTIPLE); 103 wrote it with an extension. */
export const SHARED_NUMBER = '+861065529988';
/** Nobody has it (NONE). */
export const UNKNOWN_NUMBER = '+8613900000000';
export const ORDERS_OF_101 = 3;
export const NOTES_OF_101 = 3;

export const id = (n: number): string => String(100 + n);
/** Customer n was created n days before the anchor: 101 is the newest. */
const createdAt = (n: number) => new Date(Date.UTC(2026, 9, 1) - n * 86_400_000).toISOString();

/** The raw spellings as a foreign system would hold them. */
export function phonesOf(n: number): PhoneRecord[] {
  if (n === 1) return [{ raw: '138 0013 8000', e164: SINGLE_NUMBER, extension: null, type: 'MOBILE' }];
  if (n === 2) return [{ raw: '(010) 6552 9988', e164: SHARED_NUMBER, extension: null, type: 'WORK' }];
  if (n === 3) return [{ raw: '010-65529988转8001', e164: SHARED_NUMBER, extension: '8001', type: 'WORK' }];
  const national = `1370000${String(n).padStart(4, '0')}`;
  return [{ raw: `+86 ${national}`, e164: `+86${national}`, extension: null, type: 'MOBILE' }];
}

export function portDataset(): CrmSeed {
  const customers: CustomerRecord[] = [];
  for (let n = 1; n <= CUSTOMERS; n += 1) {
    customers.push({
      id: id(n),
      displayName: n === 1 ? '王芳' : `Customer ${n}`,
      tier: n === 1 ? 'GOLD' : 'STANDARD',
      status: 'ACTIVE',
      phones: phonesOf(n),
      emails: [`customer${n}@example.com`],
      company: n === 1 ? { name: 'Acme Trading', industry: 'Retail' } : null,
      tags: [],
      ownerId: n === 1 ? '9001' : null,
      nationalId: null,
      createdAt: createdAt(n),
      updatedAt: createdAt(n),
      lastContactAt: null,
    });
  }
  const orders: OrderRecord[] = Array.from({ length: ORDERS_OF_101 }, (_, k) => ({
    id: String(5001 + k),
    customerId: id(1),
    number: `SO-${5001 + k}`,
    status: k === 0 ? 'CANCELLED' : 'PAID',
    total: `${100 * (k + 1)}.50`,
    currency: 'CNY',
    placedAt: new Date(Date.UTC(2026, 9, 10 + k)).toISOString(),
    shipment: null,
  }));
  const activities: ActivityRecord[] = Array.from({ length: NOTES_OF_101 }, (_, k) => ({
    id: String(7001 + k),
    customerId: id(1),
    type: 'NOTE',
    at: new Date(Date.UTC(2026, 9, 20 + k)).toISOString(),
    author: 'agent-1',
    body: `Note ${k + 1}`,
    callId: null,
    durationSeconds: null,
    agentId: null,
    disposition: null,
    recordingRef: null,
    messages: null,
  }));
  return { owners: [{ id: '9001', name: 'Li Lei', team: 'east' }], customers, orders, activities };
}
