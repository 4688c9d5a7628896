/**
 * The webhooks subgraph (`schema/webhooks.graphql`), served in-process by the gateway
 * through a `LocalGraphQLDataSource` like the audit trail: admins (`webhooks:manage`, enforced
 * by the gateway's field rules and again here by `enforceFieldRules`) register endpoints,
 * read the delivery log and replay deliveries through the graph.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { Viewer } from '../../schema/viewer.js';
import { enforceFieldRules } from '../../schema/field-rules.js';
import { pageArgs } from '../../subgraphs/shared/pagination.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { DELIVERY_CURSOR_KIND, type EndpointRules, type WebhookStore } from './webhook-store.js';

export interface WebhooksContext {
  viewer: Viewer;
}

export interface WebhooksSubgraphOptions {
  /** What a registered URL must meet (scheme, destination). */
  rules: EndpointRules;
  /** The retry time a replayed delivery gets. */
  retryForMs: number;
  /** Called after a replay so the delivery goes out without waiting for the next poll. */
  onReplay?: () => void;
}

export function webhooksDataSource(store: WebhookStore, options: WebhooksSubgraphOptions): LocalGraphQLDataSource {
  const resolvers: Resolvers = {
    Query: {
      webhookEndpoints: () => store.listEndpoints(),
      webhookDeliveries: (_parent, { filter, first, after }) => store.listDeliveries(filter ?? {}, pageArgs(DELIVERY_CURSOR_KIND, first, after, 50)),
    },
    Mutation: {
      registerWebhookEndpoint: (_parent, { input }) => store.register(input, options.rules),
      rotateWebhookSecret: (_parent, { id, previousSecretValidForSeconds }) => store.rotateSecret(id, previousSecretValidForSeconds),
      removeWebhookEndpoint: (_parent, { id }) => store.remove(id),
      replayWebhookDelivery: async (_parent, { id }) => {
        const delivery = await store.replay(id, options.retryForMs);
        options.onReplay?.();
        return delivery;
      },
    },
  };
  const sdl = parse(readFileSync(fileURLToPath(new URL('../../schema/webhooks.graphql', import.meta.url)), 'utf8'));
  type SchemaModule = Parameters<typeof buildSubgraphSchema>[0] & { typeDefs: unknown };
  const schema = enforceFieldRules(buildSubgraphSchema({ typeDefs: sdl, resolvers } as SchemaModule), sdl);
  return new LocalGraphQLDataSource(schema);
}
