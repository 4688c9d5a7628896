/**
 * Peer B of the benchmark: plain `@apollo/gateway` on `@apollo/server` 5 with default
 * settings (`startStandaloneServer`), over the benchmark's supergraph with the security
 * link's purpose stripped so it loads and the subgraph URLs written in. Its only addition:
 * a fixed internal-token `authorization` header on subgraph requests (see internal-header.ts).
 *
 * `node --import tsx bench/gateway/apollo-peer.ts` with BENCH_SUPERGRAPH (file) and BENCH_PORT.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { internalAuthorizationHeader } from './internal-header.js';

const supergraphPath = process.env.BENCH_SUPERGRAPH;
const port = Number(process.env.BENCH_PORT);
if (!supergraphPath || !Number.isInteger(port) || port <= 0) throw new Error('BENCH_SUPERGRAPH and BENCH_PORT must be set.');

const header = await internalAuthorizationHeader();
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphPath, 'utf8'),
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource({
      url,
      willSendRequest({ request }) {
        request.http?.headers.set('authorization', header.value());
      },
    }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
console.log(`plain Apollo gateway ready at ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    header.stop();
    void server.stop().finally(() => process.exit(0));
  });
}
