/**
 * Composes `schema/supergraph.graphql` from the three subgraph SDLs with
 * `@apollo/composition` (no downloaded router binaries). `npm run compose` writes it;
 * `composeSupergraph()` is also what the drift test compares the committed file against.
 * A supergraph with a field that breaks the nullability rule at the boundaries between systems
 * (`boundary-nullability.ts`) is not written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { boundaryNullabilityViolations } from './boundary-nullability.js';

/** The subgraphs, in the order composition sees them, with their default local URLs. */
export const SUBGRAPHS = [
  { name: 'crm', url: 'http://localhost:4001/graphql' },
  { name: 'callcenter', url: 'http://localhost:4002/graphql' },
  { name: 'tickets', url: 'http://localhost:4003/graphql' },
  // Served by the gateway itself, in-process (see gateway/audit/); the URL is never called.
  { name: 'audit', url: 'http://localhost:4000/audit' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const SUPERGRAPH_PATH = fileURLToPath(new URL('./supergraph.graphql', import.meta.url));

/**
 * The supergraph SDL of the subgraph SDLs in `schema/`, or of `sdlOverrides` for the
 * subgraphs it names (a test composing a variant). Throws with composition's errors.
 */
export function composeSupergraph(sdlOverrides: Partial<Record<SubgraphName, string>> = {}): string {
  const result = composeServices(
    SUBGRAPHS.map(({ name, url }) => ({
      name,
      url,
      typeDefs: parse(sdlOverrides[name] ?? readFileSync(fileURLToPath(new URL(`./${name}.graphql`, import.meta.url)), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sdl = composeSupergraph();
  const violations = boundaryNullabilityViolations(sdl);
  if (violations.length > 0) {
    console.error(`Not written: fields that must be nullable (schema/boundary-nullability.ts):\n${violations.map((v) => `- ${v.field}: ${v.reason}`).join('\n')}`);
    process.exit(1);
  }
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
