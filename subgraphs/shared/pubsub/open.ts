/** Picks the pub/sub adapter from the configuration: Redis when `REDIS_URL` is set, else in-memory. */
import { MemoryPubSub } from './memory-pubsub.js';
import type { PubSub } from './pubsub.js';
import { RedisPubSub } from './redis-pubsub.js';

export function openPubSub(options: { redisUrl?: string | null; instanceId?: string } = {}): PubSub {
  if (options.redisUrl) return new RedisPubSub({ url: options.redisUrl, instanceId: options.instanceId });
  return new MemoryPubSub();
}
