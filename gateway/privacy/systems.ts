/**
 * The systems that hold personal data, each reached through its own graph fields (the
 * `PersonalData` contract, subgraphs/shared/privacy/personal-data.ts). Export asks every one;
 * erasure runs `ERASURE_ORDER`, the CRM last: until its step is done it still holds the
 * customer's numbers, which the call center's step needs, so a resumed saga finds them again.
 * A new contributor (conversations) is an entry here, or a section inside the subgraph that
 * owns it (then nothing changes here).
 */
import type { DataSubject, ErasureOutcome, PersonalDataRecord } from '../../subgraphs/shared/privacy/personal-data.js';
import { SystemUnavailableError, type SystemClient } from './system-client.js';

export interface PrivacySystem {
  /** The subgraph's name. */
  system: string;
  export(client: SystemClient, subject: DataSubject): Promise<PersonalDataRecord[]>;
  erase(client: SystemClient, subject: DataSubject, erasureId: string): Promise<ErasureOutcome>;
}

interface GraphPart {
  records: { kind: string; id: string; data: string }[];
}

function fromGraph(part: GraphPart | null): PersonalDataRecord[] {
  return (part?.records ?? []).map((record) => ({ kind: record.kind, id: record.id, data: JSON.parse(record.data) as Record<string, unknown> }));
}

const RECORDS = 'source records { kind id data }';
const OUTCOME = 'source erased recordingsFlagged';

export const CRM: PrivacySystem = {
  system: 'crm',
  async export(client, { customerId }) {
    const data = await client.request<{ crmPersonalData: GraphPart }>('crm', `query ($id: ID!) { crmPersonalData(customerId: $id) { ${RECORDS} } }`, { id: customerId });
    return fromGraph(data.crmPersonalData);
  },
  async erase(client, { customerId }, erasureId) {
    const data = await client.request<{ crmEraseCustomer: ErasureOutcome }>(
      'crm',
      `mutation ($id: ID!, $erasureId: ID!) { crmEraseCustomer(customerId: $id, erasureId: $erasureId) { ${OUTCOME} } }`,
      { id: customerId, erasureId },
    );
    return data.crmEraseCustomer;
  },
};

export const CALL_CENTER: PrivacySystem = {
  system: 'callcenter',
  async export(client, { customerId, phones }) {
    const data = await client.request<{ callCenterPersonalData: GraphPart }>(
      'callcenter',
      `query ($id: ID!, $phones: [String!]!) { callCenterPersonalData(customerId: $id, phones: $phones) { ${RECORDS} } }`,
      { id: customerId, phones },
    );
    return fromGraph(data.callCenterPersonalData);
  },
  async erase(client, { customerId, phones }, erasureId) {
    const data = await client.request<{ callCenterEraseCustomer: ErasureOutcome }>(
      'callcenter',
      `mutation ($id: ID!, $phones: [String!]!, $erasureId: ID!) { callCenterEraseCustomer(customerId: $id, phones: $phones, erasureId: $erasureId) { ${OUTCOME} } }`,
      { id: customerId, phones, erasureId },
    );
    return data.callCenterEraseCustomer;
  },
};

export const TICKETS: PrivacySystem = {
  system: 'tickets',
  async export(client, { customerId }) {
    const data = await client.request<{ ticketsPersonalData: GraphPart }>('tickets', `query ($id: ID!) { ticketsPersonalData(customerId: $id) { ${RECORDS} } }`, { id: customerId });
    return fromGraph(data.ticketsPersonalData);
  },
  async erase(client, { customerId }, erasureId) {
    const data = await client.request<{ ticketsEraseCustomer: ErasureOutcome }>(
      'tickets',
      `mutation ($id: ID!, $erasureId: ID!) { ticketsEraseCustomer(customerId: $id, erasureId: $erasureId) { ${OUTCOME} } }`,
      { id: customerId, erasureId },
    );
    return data.ticketsEraseCustomer;
  },
};

/** Every system an export asks, in the document's order. */
export const EXPORT_SYSTEMS: readonly PrivacySystem[] = [CRM, CALL_CENTER, TICKETS];

/** The erasure saga's steps, in order (the CRM last, see above). */
export const ERASURE_ORDER: readonly PrivacySystem[] = [CALL_CENTER, TICKETS, CRM];

/**
 * The customer's main numbers (E.164) as the CRM holds them, leaving out any number another
 * customer also has: the call center cannot tell whose call such a number made, so its calls
 * are found by the customer id stored with them only, never handed to (or erased for) the
 * wrong person. Null when the CRM does not know the customer.
 */
export async function customerPhones(client: SystemClient, customerId: string): Promise<string[] | null> {
  let phones: string[];
  try {
    const data = await client.request<{ customer: { phones: { e164: string }[] | null } | null }>('crm', 'query ($id: ID!) { customer(id: $id) { phones { e164 } } }', {
      id: customerId,
    });
    if (!data.customer) return null;
    phones = [...new Set((data.customer.phones ?? []).map((phone) => phone.e164))];
  } catch (error) {
    if (error instanceof SystemUnavailableError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  if (phones.length === 0) return [];
  const query = `query (${phones.map((_p, i) => `$p${i}: String!`).join(', ')}) { ${phones.map((_p, i) => `n${i}: identifyCaller(phone: $p${i}) { candidates { id } }`).join(' ')} }`;
  const owners = await client.request<Record<string, { candidates: { id: string }[] } | null>>('crm', query, Object.fromEntries(phones.map((phone, i) => [`p${i}`, phone])));
  return phones.filter((_phone, i) => {
    const candidates = owners[`n${i}`]?.candidates ?? [];
    return candidates.length === 1 && candidates[0]!.id === customerId;
  });
}
