/**
 * The Redis the multi-instance tests use (`REDIS_TEST_URL`, default 127.0.0.1:6379), and
 * whether it answers: the suites that need it skip, saying so, when it does not.
 */
import { createConnection } from 'node:net';

export const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

/** The message Redis suites skip with when `redisReachable()` is false. */
export const REDIS_SKIP_REASON = `Redis not reachable at ${REDIS_URL}`;

/** Whether a TCP connection to the test Redis opens within a second. */
export function redisReachable(): Promise<boolean> {
  return redisAnswers(REDIS_URL, 1000);
}

/** Whether a TCP connection to the Redis of `url` (`redis://host:port`, port 6379 by default) opens within `timeoutMs`. */
export function redisAnswers(url: string, timeoutMs: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
