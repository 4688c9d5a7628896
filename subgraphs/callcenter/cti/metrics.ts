/**
 * Prometheus metrics of the CTI webhook (prom-client, default registry, so a later
 * `/metrics` route serves them with `register.metrics()`):
 * - `switchboard_cti_webhook_rejections_total{reason}`: webhook requests answered 4xx, by the
 *   `reason` of the answer (UNSUPPORTED_FORMAT, INVALID_EVENT, UNSUPPORTED_MEDIA_TYPE,
 *   INVALID_JSON, NOT_A_PAYLOAD, PAYLOAD_TOO_LARGE, MISSING_SIGNATURE, BAD_SIGNATURE,
 *   BAD_TIMESTAMP, STALE_TIMESTAMP, SCHEME_NOT_ACCEPTED). A misconfigured integration shows
 *   up here instead of looking healthy.
 */
import { Counter, register } from 'prom-client';

const NAME = 'switchboard_cti_webhook_rejections_total';

/** The one counter, registered once per process (several servers in one test process share it). */
export const ctiWebhookRejections: Counter<'reason'> =
  (register.getSingleMetric(NAME) as Counter<'reason'> | undefined) ??
  new Counter({ name: NAME, help: 'CTI webhook requests refused with a 4xx answer, by reason.', labelNames: ['reason'] as const });

/** How many rejections with `reason` were counted so far in this process. */
export async function rejectionCount(reason: string): Promise<number> {
  const values = (await ctiWebhookRejections.get()).values;
  return values.find((value) => value.labels.reason === reason)?.value ?? 0;
}
