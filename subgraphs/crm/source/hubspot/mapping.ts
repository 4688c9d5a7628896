/**
 * How HubSpot's contact properties map to Switchboard's customer (`CRM_HUBSPOT_MAPPING_FILE`,
 * optional JSON, validated with zod at start; every field has a default). Reference:
 * docs/connectors/hubspot.md.
 */
import { z } from 'zod';
import { ownersSchema, type FieldOwnership } from '../../../shared/sync/ownership.js';

/** The systems that write the local contact copy the sync keeps (`sync.ts`): HubSpot (through the sync) and Switchboard. */
export type HubSpotCopyWriter = 'hubspot' | 'switchboard';

/**
 * The customer fields of the local copy that may conflict, with their seed owner (the system
 * that holds the field) and the systems that write them. HubSpot holds what the adapter reads
 * from a contact; tags and the national id are Switchboard's own (HubSpot's contacts carry
 * neither for Switchboard), so the sync never overwrites them.
 */
export const HUBSPOT_COPY_FIELDS = {
  displayName: { owner: 'hubspot', writers: ['hubspot', 'switchboard'] },
  tier: { owner: 'hubspot', writers: ['hubspot', 'switchboard'] },
  phones: { owner: 'hubspot', writers: ['hubspot', 'switchboard'] },
  emails: { owner: 'hubspot', writers: ['hubspot', 'switchboard'] },
  company: { owner: 'hubspot', writers: ['hubspot', 'switchboard'] },
  ownerId: { owner: 'hubspot', writers: ['hubspot', 'switchboard'] },
  lastContactAt: { owner: 'hubspot', writers: ['hubspot', 'switchboard'] },
  tags: { owner: 'switchboard', writers: ['switchboard'] },
  nationalId: { owner: 'switchboard', writers: ['switchboard'] },
} as const satisfies Record<string, FieldOwnership<HubSpotCopyWriter>>;

export type HubSpotCopyField = keyof typeof HUBSPOT_COPY_FIELDS;

const property = z.string().regex(/^[a-z0-9_]+$/, 'must be a HubSpot internal property name (lower case, digits, _)');
const tier = z.enum(['STANDARD', 'SILVER', 'GOLD', 'PLATINUM']);
const phoneType = z.enum(['MOBILE', 'LANDLINE', 'WORK', 'HOME', 'OTHER']);

export const hubSpotMappingSchema = z
  .object({
    /** The contact property holding the customer level, its values mapped to tiers; without a property every contact is `otherwise`. */
    tier: z
      .object({ property: property.nullable(), values: z.record(z.string(), tier), otherwise: tier })
      .strict()
      .default({ property: null, values: {}, otherwise: 'STANDARD' }),
    /** Free-text phone properties, read with Switchboard's normaliser; the first of each type is written by contact updates. */
    phones: z
      .array(z.object({ property, type: phoneType }).strict())
      .min(1)
      .default([
        { property: 'mobilephone', type: 'MOBILE' },
        { property: 'phone', type: 'WORK' },
      ]),
    /** HubSpot's digits-only copies of the phone properties (country code removed), searched with the national number. */
    searchablePhones: z.array(property).min(1).default(['hs_searchable_calculated_mobile_number', 'hs_searchable_calculated_phone_number']),
    /** Association type ids (HubSpot-defined) of note→contact and call→contact. */
    associationTypes: z.object({ noteToContact: z.number().int().positive(), callToContact: z.number().int().positive() }).strict().default({ noteToContact: 202, callToContact: 194 }),
    /** Seconds the owners list is cached (owners change rarely; HubSpot has no batch read for them). */
    ownersCacheSeconds: z.number().int().min(0).max(86_400).default(300),
    /** The local copy the sync keeps: which system wins each conflicting field (unlisted: the system that holds it). */
    sync: z.object({ owners: ownersSchema<HubSpotCopyField, HubSpotCopyWriter>(HUBSPOT_COPY_FIELDS) }).strict().prefault({}),
  })
  .strict();

/** A validated HubSpot mapping. */
export type HubSpotMapping = z.infer<typeof hubSpotMappingSchema>;
