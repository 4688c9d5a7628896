/**
 * HubSpot's published OpenAPI documents for the endpoints the HubSpot adapter uses, read from
 * a copy of HubSpot's public API spec collection (`HUBSPOT_SPEC_COLLECTION`: a checkout, or a
 * bare git directory of it). The documents are HubSpot's, published under a licence that does
 * not allow copying them into this repository, so they are read where they are and nothing
 * from them is committed; without them the contract tests skip, saying so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The documents used, by name, at their path in the collection (CRM v3). */
export const SPEC_FILES = {
  contacts: 'PublicApiSpecs/CRM/Contacts/Rollouts/424/v3/contacts.json',
  companies: 'PublicApiSpecs/CRM/Companies/Rollouts/424/v3/companies.json',
  calls: 'PublicApiSpecs/CRM/Calls/Rollouts/424/v3/calls.json',
  notes: 'PublicApiSpecs/CRM/Notes/Rollouts/424/v3/notes.json',
  owners: 'PublicApiSpecs/CRM/Crm Owners/Rollouts/146888/v3/crmOwners.json',
} as const;
export type SpecName = keyof typeof SPEC_FILES;

/** An OpenAPI 3.0 document, as far as the contract server reads it. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown>; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
}
export interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}

/** Why the documents cannot be read (the skip reason), or null. */
export function specSkipReason(env: NodeJS.ProcessEnv = process.env): string | null {
  const root = env.HUBSPOT_SPEC_COLLECTION;
  if (!root) return "HUBSPOT_SPEC_COLLECTION is not set (a copy of HubSpot's public API spec collection; see test/support/hubspot/spec.ts)";
  if (!existsSync(root)) return `HUBSPOT_SPEC_COLLECTION=${root} does not exist`;
  return null;
}

function readSpecFile(root: string, path: string): string {
  if (existsSync(join(root, 'PublicApiSpecs'))) return readFileSync(join(root, path), 'utf8');
  // A bare git directory: read the file at HEAD.
  return execFileSync('git', ['--git-dir', root, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The documents used, parsed. */
export function loadSpecs(root = process.env.HUBSPOT_SPEC_COLLECTION!): Record<SpecName, OpenApiDocument> {
  return Object.fromEntries(Object.entries(SPEC_FILES).map(([name, path]) => [name, JSON.parse(readSpecFile(root, path)) as OpenApiDocument])) as Record<SpecName, OpenApiDocument>;
}
