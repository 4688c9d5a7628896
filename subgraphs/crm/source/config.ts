/**
 * Which adapter serves the CRM port, from the environment, validated at start with zod:
 * a missing or malformed setting stops the start with a message naming the variable.
 *
 * - `CRM_SOURCE`: `embedded` (default: Switchboard's own store, `CRM_DATABASE_URL` or
 *   `data/crm.sqlite`), `sql-mapped` or `hubspot`.
 * - `sql-mapped`: `CRM_SQL_URL` (`postgres://…`, or `mysql://…` for MySQL 8 / MariaDB), `CRM_SQL_MAPPING_FILE` (JSON, `sql-mapped/mapping.ts`).
 * - `hubspot`: `CRM_HUBSPOT_TOKEN` or `CRM_HUBSPOT_TOKEN_FILE` (re-read when it changes: a
 *   rotated token is taken without a restart), `CRM_HUBSPOT_URL` (default
 *   `https://api.hubapi.com`), `CRM_HUBSPOT_MAPPING_FILE` (optional JSON, `hubspot/mapping.ts`),
 *   `CRM_HUBSPOT_MAX_RETRIES` (429/5xx retries, default 4), `CRM_HUBSPOT_TIMEOUT_MS` (default 10000).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { hubSpotMappingSchema, type HubSpotMapping } from './hubspot/mapping.js';
import { sqlMappingSchema, type SqlMapping } from './sql-mapped/mapping.js';

export const CRM_SOURCES = ['embedded', 'sql-mapped', 'hubspot'] as const;
export type CrmSourceKind = (typeof CRM_SOURCES)[number];

export type CrmSourceConfig =
  | { kind: 'embedded' }
  | { kind: 'sql-mapped'; url: string; mapping: SqlMapping; mappingFile: string }
  | { kind: 'hubspot'; baseUrl: string; token: { value: string } | { file: string }; mapping: HubSpotMapping; maxRetries: number; timeoutMs: number };

/** A configuration error: the message names each variable (or mapping-file path) that is missing or wrong. */
export class CrmSourceConfigError extends Error {
  override name = 'CrmSourceConfigError';
}

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const sqlEnv = z.object({
  CRM_SQL_URL: z
    .string({ error: 'is missing (the foreign database, postgres://user@host:5432/db or mysql://user@host:3306/db)' })
    .trim()
    .refine((url) => /^(postgres(ql)?|mysql|mariadb):\/\/[^/]/.test(url), {
      message: 'must be a postgres://, mysql:// or mariadb:// URL',
    }),
  CRM_SQL_MAPPING_FILE: z.string({ error: 'is missing (the JSON file mapping the foreign schema, docs/connectors/sql-mapped.md)' }).pipe(nonEmpty),
});
const hubSpotEnv = z
  .object({
    CRM_HUBSPOT_TOKEN: nonEmpty.optional(),
    CRM_HUBSPOT_TOKEN_FILE: nonEmpty.optional(),
    CRM_HUBSPOT_URL: z.url({ error: 'must be an http(s) URL' }).default('https://api.hubapi.com'),
    CRM_HUBSPOT_MAPPING_FILE: nonEmpty.optional(),
    CRM_HUBSPOT_MAX_RETRIES: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0).max(10).default(4),
    CRM_HUBSPOT_TIMEOUT_MS: z.coerce.number({ error: 'must be a number' }).int().min(100).max(120_000).default(10_000),
  })
  .refine((env) => (env.CRM_HUBSPOT_TOKEN === undefined) !== (env.CRM_HUBSPOT_TOKEN_FILE === undefined), {
    message: 'set exactly one of CRM_HUBSPOT_TOKEN and CRM_HUBSPOT_TOKEN_FILE (a private app access token)',
    path: ['CRM_HUBSPOT_TOKEN'],
  });

function explain(prefix: string, error: z.ZodError): CrmSourceConfigError {
  const lines = error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${/received undefined$/.test(issue.message) ? 'is missing' : issue.message}`);
  return new CrmSourceConfigError(`${prefix}\n  ${lines.join('\n  ')}`);
}

/** Reads and validates a JSON mapping file; the error names the file and each wrong path in it. */
export function readMappingFile<T>(file: string, schema: z.ZodType<T>, variable: string): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CrmSourceConfigError(`${variable}=${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw explain(`${variable}=${file} is not a valid mapping:`, parsed.error);
  return parsed.data;
}

/** The CRM's source configuration from `env`; throws `CrmSourceConfigError` naming what is missing or wrong. */
export function crmSourceConfig(env: NodeJS.ProcessEnv = process.env): CrmSourceConfig {
  const kind = z.enum(CRM_SOURCES, { error: `must be one of ${CRM_SOURCES.join(', ')}` }).default('embedded').safeParse(env.CRM_SOURCE || undefined);
  if (!kind.success) throw new CrmSourceConfigError(`CRM_SOURCE=${JSON.stringify(env.CRM_SOURCE)}: must be one of ${CRM_SOURCES.join(', ')}.`);
  switch (kind.data) {
    case 'embedded':
      return { kind: 'embedded' };
    case 'sql-mapped': {
      const parsed = sqlEnv.safeParse(env);
      if (!parsed.success) throw explain('CRM_SOURCE=sql-mapped is not configured:', parsed.error);
      const mappingFile = parsed.data.CRM_SQL_MAPPING_FILE;
      return { kind: 'sql-mapped', url: parsed.data.CRM_SQL_URL, mappingFile, mapping: readMappingFile(mappingFile, sqlMappingSchema, 'CRM_SQL_MAPPING_FILE') };
    }
    case 'hubspot': {
      const parsed = hubSpotEnv.safeParse(env);
      if (!parsed.success) throw explain('CRM_SOURCE=hubspot is not configured:', parsed.error);
      const e = parsed.data;
      const mapping = e.CRM_HUBSPOT_MAPPING_FILE ? readMappingFile(e.CRM_HUBSPOT_MAPPING_FILE, hubSpotMappingSchema, 'CRM_HUBSPOT_MAPPING_FILE') : hubSpotMappingSchema.parse({});
      return {
        kind: 'hubspot',
        baseUrl: e.CRM_HUBSPOT_URL.replace(/\/+$/, ''),
        token: e.CRM_HUBSPOT_TOKEN !== undefined ? { value: e.CRM_HUBSPOT_TOKEN } : { file: e.CRM_HUBSPOT_TOKEN_FILE! },
        mapping,
        maxRetries: e.CRM_HUBSPOT_MAX_RETRIES,
        timeoutMs: e.CRM_HUBSPOT_TIMEOUT_MS,
      };
    }
  }
}
