/**
 * Settings of data-subject requests, from the environment (docs/privacy.md):
 * - `SWITCHBOARD_EXPORT_LINK_TTL_SECONDS` (3600): how long an export's download link works;
 *   the stored export is deleted by the retention job after that.
 * - `SWITCHBOARD_EXPORT_INLINE_BYTES` (262144): larger documents are only downloadable.
 * - `SWITCHBOARD_PUBLIC_URL`: the gateway's URL as clients reach it, for download links
 *   (default: the address it listens on).
 * - `SWITCHBOARD_ERASURE_RETRY_SECONDS` (60): how often unfinished erasures are resumed; 0: never.
 * - retention periods and interval: subgraphs/shared/privacy/retention.ts.
 */
import { retentionIntervalSeconds, retentionPeriods, type RetentionPeriods } from '../../subgraphs/shared/privacy/retention.js';

export interface PrivacySettings {
  exportLinkTtlSeconds: number;
  exportInlineBytes: number;
  publicUrl: string | null;
  erasureRetrySeconds: number;
  retentionPeriods: RetentionPeriods;
  retentionIntervalSeconds: number;
}

function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${JSON.stringify(value)}.`);
  return parsed;
}

export function privacySettings(env: NodeJS.ProcessEnv = process.env): PrivacySettings {
  return {
    exportLinkTtlSeconds: nonNegative(env, 'SWITCHBOARD_EXPORT_LINK_TTL_SECONDS', 3600),
    exportInlineBytes: nonNegative(env, 'SWITCHBOARD_EXPORT_INLINE_BYTES', 262_144),
    publicUrl: env.SWITCHBOARD_PUBLIC_URL?.trim() ? env.SWITCHBOARD_PUBLIC_URL.trim().replace(/\/$/, '') : null,
    erasureRetrySeconds: nonNegative(env, 'SWITCHBOARD_ERASURE_RETRY_SECONDS', 60),
    retentionPeriods: retentionPeriods(env),
    retentionIntervalSeconds: retentionIntervalSeconds(env),
  };
}
