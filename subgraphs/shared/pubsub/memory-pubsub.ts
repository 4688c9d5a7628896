/** The default pub/sub: in-process, no server needed (one instance, or tests). */
import { deliver, type PubSub, type PubSubHandler, type PubSubMessage } from './pubsub.js';

export class MemoryPubSub implements PubSub {
  private readonly topics = new Map<string, Set<PubSubHandler>>();

  publish(topic: string, message: PubSubMessage): void {
    const handlers = this.topics.get(topic);
    if (handlers) deliver(handlers, message);
  }

  subscribe<M extends PubSubMessage>(topic: string, handler: PubSubHandler<M>): () => void {
    let handlers = this.topics.get(topic);
    if (!handlers) {
      handlers = new Set();
      this.topics.set(topic, handlers);
    }
    const entry = handler as PubSubHandler;
    handlers.add(entry);
    return () => {
      handlers.delete(entry);
      if (handlers.size === 0 && this.topics.get(topic) === handlers) this.topics.delete(topic);
    };
  }

  async close(): Promise<void> {
    this.topics.clear();
  }
}
