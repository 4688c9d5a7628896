/**
 * The WebSocket close codes the gateway uses, one meaning each (table and client guidance in
 * docs/subscriptions.md). graphql-ws owns 4004, 4005, 4400, 4401, 4403, 4406, 4408, 4409,
 * 4429, 4499, 4500 and 4504: Switchboard uses 4403 only in graphql-ws's own sense (the
 * connection was refused at `connection_init`) and its own conditions get codes of their own,
 * which graphql-ws clients do not treat as fatal, so `shouldRetry` decides.
 */
export const CLOSE_CODES = {
  /** Refused at `connection_init`: credentials missing, invalid, forged or for another audience (graphql-ws's Forbidden). Retry only with new credentials. */
  UNAUTHENTICATED: 4403,
  /** The connection's token expired. Reconnect at once with a renewed token, then catch up. */
  TOKEN_EXPIRED: 4440,
  /** The client did not read its results fast enough. Reconnect after a short pause, then catch up. */
  SLOW_CONSUMER: 4520,
  /** The gateway lost the call center's event stream and could not resume it without a gap. Reconnect with backoff, then catch up. */
  EVENTS_MISSED: 4521,
  /** The gateway is shutting down (restart, deployment). Reconnect with backoff (to another instance), then catch up. */
  GOING_AWAY: 1001,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/**
 * Whether a client should reconnect after a close with `code`: always, except after a refused
 * connection (4403), which only new credentials can fix. graphql-ws never retries its own
 * fatal codes (4400, 4401, 4406, 4409, 4429, 4500, …) whatever `shouldRetry` says. This is
 * the `shouldRetry` rule docs/subscriptions.md gives; `npm run watch` uses it.
 */
export function shouldReconnect(code: number): boolean {
  return code !== CLOSE_CODES.UNAUTHENTICATED;
}
