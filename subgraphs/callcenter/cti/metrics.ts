/**
 * Prometheus metrics of the CTI webhook (defined with the process's other metrics in
 * subgraphs/shared/observability/metrics.ts, served at `GET /metrics`):
 * - `switchboard_cti_webhook_rejections_total{reason}`: webhook requests answered 4xx, by the
 *   `reason` of the answer (UNSUPPORTED_FORMAT, INVALID_EVENT, UNSUPPORTED_MEDIA_TYPE,
 *   INVALID_JSON, NOT_A_PAYLOAD, PAYLOAD_TOO_LARGE, MISSING_SIGNATURE, BAD_SIGNATURE,
 *   BAD_TIMESTAMP, STALE_TIMESTAMP, SCHEME_NOT_ACCEPTED). A misconfigured integration shows
 *   up here instead of looking healthy.
 */
import { ctiWebhookRejections } from '../../shared/observability/metrics.js';

export { ctiWebhookRejections };

/** How many rejections with `reason` were counted so far in this process. */
export async function rejectionCount(reason: string): Promise<number> {
  const values = (await ctiWebhookRejections.get()).values;
  return values.find((value) => value.labels.reason === reason)?.value ?? 0;
}
