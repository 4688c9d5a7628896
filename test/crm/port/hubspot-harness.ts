/**
 * The HubSpot adapter's harness for the port suite: `portDataset()` as HubSpot contacts,
 * companies, owners and notes in the contract server (test/support/hubspot/), the tier in a
 * custom property `customer_level` with values A/B/C. Fails the suite's cleanup when the
 * adapter sent, or the server answered, anything HubSpot's published schemas do not allow.
 */
import assert from 'node:assert/strict';
import { HubSpotClient } from '../../../subgraphs/crm/source/hubspot/client.js';
import { hubSpotMappingSchema, type HubSpotMapping } from '../../../subgraphs/crm/source/hubspot/mapping.js';
import { HubSpotCrmSource } from '../../../subgraphs/crm/source/hubspot/store.js';
import { specSkipReason } from '../../support/hubspot/spec.js';
import { startContractServer, type ContractServer } from '../../support/hubspot/contract-server.js';
import { portDataset } from './dataset.js';
import type { PortHarness } from './suite.js';

export const LEVELS = { PLATINUM: 'A+', GOLD: 'A', SILVER: 'B', STANDARD: 'C' } as const;

export const TEST_MAPPING: HubSpotMapping = hubSpotMappingSchema.parse({
  tier: { property: 'customer_level', values: { 'A+': 'PLATINUM', A: 'GOLD', B: 'SILVER', C: 'STANDARD' }, otherwise: 'STANDARD' },
});

/** Loads `portDataset()` into the contract server. */
export function loadPortDataset(server: ContractServer): void {
  const seed = portDataset();
  server.owners = seed.owners.map((o) => ({ id: o.id, firstName: o.name.split(' ')[0]!, lastName: o.name.split(' ').slice(1).join(' '), email: `${o.id}@example.com`, teams: [{ id: '1', name: o.team, primary: true }] }));
  let company = 0;
  for (const c of seed.customers) {
    let companyId = '';
    if (c.company) {
      companyId = String(5_000_000 + ++company);
      server.objects.companies.set(companyId, { id: companyId, properties: { name: c.company.name, industry: c.company.industry ?? '' }, createdAt: c.createdAt, updatedAt: c.createdAt, archived: false, contacts: [] });
    }
    const mobile = c.phones.find((p) => p.type === 'MOBILE')?.raw;
    const work = c.phones.find((p) => p.type !== 'MOBILE')?.raw;
    server.addContact(
      c.id,
      {
        firstname: c.displayName,
        email: c.emails[0] ?? '',
        customer_level: LEVELS[c.tier],
        ...(mobile ? { mobilephone: mobile } : {}),
        ...(work ? { phone: work } : {}),
        ...(companyId ? { associatedcompanyid: companyId } : {}),
        ...(c.ownerId ? { hubspot_owner_id: c.ownerId } : {}),
      },
      c.createdAt,
    );
  }
  for (const a of seed.activities) {
    server.objects.notes.set(a.id, { id: a.id, properties: { hs_note_body: a.body ?? '', hs_timestamp: a.at, hubspot_owner_id: a.author }, createdAt: a.at, updatedAt: a.at, archived: false, contacts: [a.customerId] });
  }
}

/** An adapter talking to `server` with its current token (or a token file). */
export function hubSpotSource(server: ContractServer, token: { value: string } | { file: string } = { value: server.token }, maxRetries = 3): HubSpotCrmSource {
  return new HubSpotCrmSource(new HubSpotClient({ baseUrl: server.url, token, maxRetries, timeoutMs: 5000 }), TEST_MAPPING);
}

export function hubSpotHarness(): PortHarness {
  return {
    name: "the HubSpot adapter (contract server on HubSpot's published OpenAPI documents)",
    skip: async () => specSkipReason(),
    open: async () => {
      const server = await startContractServer();
      loadPortDataset(server);
      return {
        source: hubSpotSource(server),
        cleanup: async () => {
          await server.close();
          assert.deepEqual(server.violations, [], 'every request and response validates against HubSpot\'s schemas');
        },
      };
    },
    orders: false,
    writes: true,
    status: false,
  };
}
