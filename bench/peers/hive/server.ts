/**
 * Peer C of the benchmark: Hive Gateway (`@graphql-hive/gateway`, installed only here) over
 * the benchmark's supergraph, with its merging of identical in-flight subgraph requests
 * switched off (`deduplicateInflightRequests: false`; the merging of identical inbound
 * requests is off by default), otherwise default settings. Its additions: a fixed
 * internal-token `authorization` header on subgraph requests (see
 * ../../gateway/internal-header.ts), and a supergraph without `Customer.interactions`
 * (`withoutInteractions`).
 *
 * `node --import tsx bench/peers/hive/server.ts` with BENCH_SUPERGRAPH (file) and BENCH_PORT.
 * Lives in this folder so that its imports resolve to this folder's node_modules.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { parse, print, visit } from 'graphql';
import { internalAuthorizationHeader } from '../../gateway/internal-header.js';

const supergraphPath = process.env.BENCH_SUPERGRAPH;
const port = Number(process.env.BENCH_PORT);
if (!supergraphPath || !Number.isInteger(port) || port <= 0) throw new Error('BENCH_SUPERGRAPH and BENCH_PORT must be set.');

/**
 * The supergraph without `Customer.interactions` and the hidden fields it requires
 * (`callStamps`, `ticketStamps`, of the `@shareable @inaccessible` type `InteractionStamp`,
 * declared by three subgraphs). Hive Gateway (2.x) refuses that type when it builds its
 * schema ("Multiple canonical definitions for InteractionStamp") and then answers every
 * request with a 500; no workload of the benchmark asks for `interactions`.
 */
function withoutInteractions(sdl: string): string {
  const hidden = new Set(['interactions', 'callStamps', 'ticketStamps']);
  return print(
    visit(parse(sdl), {
      ObjectTypeDefinition(node) {
        if (node.name.value === 'InteractionStamp') return null;
        if (node.name.value !== 'Customer') return undefined;
        return { ...node, fields: node.fields?.filter((field) => !hidden.has(field.name.value)) };
      },
    }),
  );
}

const header = await internalAuthorizationHeader();
const gateway = createGatewayRuntime({
  supergraph: withoutInteractions(readFileSync(supergraphPath, 'utf8')),
  logging: 'error',
  transportEntries: {
    '*.http': { options: { deduplicateInflightRequests: false } },
  },
  plugins: () => [
    {
      onFetch({ options, setOptions }) {
        setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), authorization: header.value() } });
      },
    },
  ],
});
const server = createServer(gateway);
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
console.log(`Hive gateway ready at http://127.0.0.1:${port}/graphql`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    header.stop();
    server.close();
    void gateway.dispose().finally(() => process.exit(0));
  });
}
