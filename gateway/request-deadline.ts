/**
 * One deadline per gateway request (an HTTP request, or one operation or subscription event
 * over WebSocket), created by the context builder and shared by everything the request does:
 * the record-access lookup, every subgraph fetch of its query plan, the audit write. Each of
 * them waits at most until this deadline, so a hung source costs a request the timeout once,
 * never once per step (`SWITCHBOARD_SUBGRAPH_TIMEOUT_MS`).
 */
import { setMaxListeners } from 'node:events';

/** How long the audit write of data already read may run past the deadline before the data is withheld. */
export const AUDIT_GRACE_MS = 500;

export interface RequestDeadline {
  /** The request's whole budget in milliseconds (`SWITCHBOARD_SUBGRAPH_TIMEOUT_MS`). */
  readonly timeoutMs: number;
  /** `performance.now()` milliseconds at which the budget is spent. */
  readonly at: number;
  /** Aborts when the deadline passes (its reason is a `TimeoutError`). */
  readonly signal: AbortSignal;
  /** Milliseconds left, 0 once passed. */
  remainingMs(): number;
  /** A signal that aborts `ms` milliseconds after the deadline (for finishing work on data already read). */
  after(ms: number): AbortSignal;
  /** A signal that aborts at the deadline or once `share` (0..1) of the remaining time has passed, whichever is first. */
  share(share: number): AbortSignal;
}

/** Starts a deadline `timeoutMs` milliseconds from now. */
export function requestDeadline(timeoutMs: number): RequestDeadline {
  const at = performance.now() + timeoutMs;
  const signal = AbortSignal.timeout(Math.max(0, timeoutMs));
  // Every fetch of the plan listens to it: as many listeners as the plan has fetches.
  setMaxListeners(0, signal);
  const remainingMs = () => Math.max(0, at - performance.now());
  return {
    timeoutMs,
    at,
    signal,
    remainingMs,
    after: (ms) => AbortSignal.timeout(Math.ceil(remainingMs() + ms)),
    share: (share) => (signal.aborted ? signal : AbortSignal.any([signal, AbortSignal.timeout(Math.floor(remainingMs() * share))])),
  };
}

/**
 * `promise`'s value, or `fallback` when `signal` aborts first (the promise itself is left to
 * finish on its own: shared work such as a cached lookup is not cancelled by one request).
 */
export function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal, fallback: () => T): Promise<T> {
  if (signal.aborted) return Promise.resolve(fallback());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => resolve(fallback());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
