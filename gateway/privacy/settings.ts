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
import { envValue } from '../../subgraphs/shared/env/read.js';
import { retentionIntervalSeconds, retentionPeriods, type RetentionPeriods } from '../../subgraphs/shared/privacy/retention.js';

export interface PrivacySettings {
  exportLinkTtlSeconds: number;
  exportInlineBytes: number;
  publicUrl: string | null;
  erasureRetrySeconds: number;
  retentionPeriods: RetentionPeriods;
  retentionIntervalSeconds: number;
}

/** The settings from the environment (each variable declared in subgraphs/shared/env/variables.ts; a wrong one throws an `EnvError` naming it). */
export function privacySettings(env: NodeJS.ProcessEnv = process.env): PrivacySettings {
  const publicUrl = envValue('SWITCHBOARD_PUBLIC_URL', env);
  return {
    exportLinkTtlSeconds: envValue('SWITCHBOARD_EXPORT_LINK_TTL_SECONDS', env),
    exportInlineBytes: envValue('SWITCHBOARD_EXPORT_INLINE_BYTES', env),
    publicUrl: publicUrl ? publicUrl.replace(/\/$/, '') : null,
    erasureRetrySeconds: envValue('SWITCHBOARD_ERASURE_RETRY_SECONDS', env),
    retentionPeriods: retentionPeriods(env),
    retentionIntervalSeconds: retentionIntervalSeconds(env),
  };
}
