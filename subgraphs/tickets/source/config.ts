/**
 * Which ticket system the tickets subgraph wraps, from its environment, validated at start
 * (zod): `TICKETS_SOURCE=embedded` (default: the embedded SQLite/PostgreSQL store, nothing to
 * install) or `TICKETS_SOURCE=rt` (Request Tracker 5: `RT_URL`, `RT_TOKEN`, `RT_MAPPING_FILE`;
 * docs/connectors/request-tracker.md). A missing or malformed variable fails the start with one
 * error naming every problem, never a half-configured subgraph.
 */
import { z } from 'zod';
import type { DatabaseConfig } from '../../shared/database.js';
import { envValue } from '../../shared/env/read.js';
import { loadRtMapping, type RtMapping } from './rt/mapping.js';

export type TicketsSourceConfig =
  | { kind: 'embedded'; database: DatabaseConfig }
  | {
      kind: 'rt';
      /** RT's base URL (`https://rt.example.com`, without `/REST/2.0`). */
      url: string;
      /** An RT auth token (Settings → Auth Tokens), sent as `Authorization: token …`. */
      token: string;
      /** Per-request timeout in milliseconds (`RT_TIMEOUT_MS`, default 10 000). */
      timeoutMs: number;
      mappingFile: string;
      mapping: RtMapping;
      /** Where the local copy the sync keeps lives (the embedded store's database: `TICKETS_DATABASE_URL` or the SQLite file). */
      database: DatabaseConfig;
      /** The incremental sync (rt/sync.ts): ms between passes (0: on demand only), tickets per request, overlap in seconds. */
      sync: { intervalMs: number; pageSize: number; overlapSeconds: number };
    };

/** Thrown for a misconfigured source; its message names each bad or missing variable. */
export class TicketsSourceConfigError extends Error {
  override name = 'TicketsSourceConfigError';
}

const httpUrl = z
  .string({ error: 'is required when TICKETS_SOURCE=rt' })
  .trim()
  .min(1, 'is required when TICKETS_SOURCE=rt')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://rt.example.com' }));
const required = (what: string) => z.string({ error: `is required when TICKETS_SOURCE=rt (${what})` }).trim().min(1, `is required when TICKETS_SOURCE=rt (${what})`);

const EnvSchema = z.discriminatedUnion('TICKETS_SOURCE', [
  z.object({ TICKETS_SOURCE: z.literal('embedded') }),
  z.object({
    TICKETS_SOURCE: z.literal('rt'),
    RT_URL: httpUrl,
    RT_TOKEN: required('an RT auth token'),
    RT_MAPPING_FILE: required('the path of the mapping file'),
    RT_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().positive('must be a positive number of milliseconds').default(10_000),
  }),
], { error: (issue) => (issue.code === 'invalid_union' ? `must be "embedded" or "rt", got ${JSON.stringify((issue.input as Record<string, unknown> | undefined)?.TICKETS_SOURCE)}` : undefined) });

/** `path: message` lines of a zod error, for start-up messages. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'} ${issue.message}`).join('; ');
}

/**
 * The source configuration from `env`. `database`: the embedded store's configuration
 * (`TICKETS_DATABASE_URL` or the SQLite file), used when the source is embedded.
 * Throws `TicketsSourceConfigError` naming every missing or malformed variable, and every
 * problem of the RT mapping file.
 */
export function ticketsSourceConfig(env: NodeJS.ProcessEnv, database: DatabaseConfig): TicketsSourceConfig {
  const parsed = EnvSchema.safeParse({ ...env, TICKETS_SOURCE: env.TICKETS_SOURCE?.trim() || 'embedded' });
  if (!parsed.success) throw new TicketsSourceConfigError(`Invalid tickets source configuration: ${describeIssues(parsed.error)}.`);
  const config = parsed.data;
  if (config.TICKETS_SOURCE === 'embedded') return { kind: 'embedded', database };
  const url = config.RT_URL.replace(/\/+$/, '').replace(/\/REST\/2\.0$/, '');
  const sync = { intervalMs: envValue('RT_SYNC_INTERVAL_SECONDS', env) * 1000, pageSize: envValue('RT_SYNC_PAGE_SIZE', env), overlapSeconds: envValue('RT_SYNC_OVERLAP_SECONDS', env) };
  return { kind: 'rt', url, token: config.RT_TOKEN, timeoutMs: config.RT_TIMEOUT_MS, mappingFile: config.RT_MAPPING_FILE, mapping: loadRtMapping(config.RT_MAPPING_FILE), database, sync };
}
