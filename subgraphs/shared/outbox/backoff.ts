/**
 * Shared by every outbox (the call-log outbox, the change-event outboxes, webhook deliveries).
 * Retry delays: exponential from `baseMs` (1 s by default), doubled per failed attempt, up to
 * `maxMs` (5 min), with "equal jitter" (half fixed, half random) so rows that failed together
 * (a CRM outage) do not all come back in the same instant.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
