/**
 * The pub/sub port: how an event applied on one instance reaches the subscribers of every
 * instance. Messages carry an `id`; adapters that fan out between processes deliver each
 * id at most once per process. Handlers are called synchronously and must not block (push
 * into a bounded buffer, see `bounded-queue.ts`).
 */
import { loggerFor } from '../observability/logger.js';

const log = loggerFor('pubsub');

/** A published message: JSON-serialisable, with a unique id (for example the event id). */
export interface PubSubMessage {
  readonly id: string;
}

export type PubSubHandler<M extends PubSubMessage = PubSubMessage> = (message: M) => void;

export interface PubSub {
  /**
   * Delivers `message` to this process's subscribers of `topic` right away and, when the
   * adapter spans processes, to every other process's. Never throws: a broken transport
   * is logged and local subscribers are still served.
   */
  publish(topic: string, message: PubSubMessage): void;
  /** Calls `handler` with every message of `topic`; returns the unsubscribe function. */
  subscribe<M extends PubSubMessage>(topic: string, handler: PubSubHandler<M>): () => void;
  close(): Promise<void>;
}

/** Calls each handler; one handler's exception neither stops the others nor reaches the publisher. */
export function deliver(handlers: Iterable<PubSubHandler>, message: PubSubMessage): void {
  for (const handler of [...handlers]) {
    try {
      handler(message);
    } catch (error) {
      log.error({ err: error, messageId: message.id }, 'pubsub: a subscriber failed on a message');
    }
  }
}
