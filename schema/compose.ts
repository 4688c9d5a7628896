/**
 * Composes `schema/supergraph.graphql` from the three subgraph SDLs with
 * `@apollo/composition` (no downloaded router binaries). `npm run compose` writes it;
 * `composeSupergraph()` is also what the drift test compares the committed file against.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

/** The subgraphs, in the order composition sees them, with their default local URLs. */
export const SUBGRAPHS = [
  { name: 'crm', url: 'http://localhost:4001/graphql' },
  { name: 'callcenter', url: 'http://localhost:4002/graphql' },
  { name: 'tickets', url: 'http://localhost:4003/graphql' },
  // Served by the gateway itself, in-process (see gateway/audit/); the URL is never called.
  { name: 'audit', url: 'http://localhost:4000/audit' },
] as const;

export const SUPERGRAPH_PATH = fileURLToPath(new URL('./supergraph.graphql', import.meta.url));

export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map(({ name, url }) => ({
      name,
      url,
      typeDefs: parse(readFileSync(fileURLToPath(new URL(`./${name}.graphql`, import.meta.url)), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sdl = composeSupergraph();
  const previous = (() => {
    try {
      return readFileSync(SUPERGRAPH_PATH, 'utf8');
    } catch {
      return '';
    }
  })();
  writeFileSync(SUPERGRAPH_PATH, sdl);
  console.log(previous === sdl ? 'supergraph.graphql is up to date' : 'wrote schema/supergraph.graphql');
}
