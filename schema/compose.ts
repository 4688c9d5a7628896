/**
 * Composes `schema/supergraph.graphql` from the three subgraph SDLs with
 * `@apollo/composition` (no downloaded router binaries). `npm run compose` writes it;
 * `composeSupergraph()` is also what the drift test compares the committed file against.
 * Deny by default: composition fails, naming each one, when a field of the API schema has
 * no authorization rule and no `@authenticated` marking (schema/field-guards.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readSecurityRules } from '../gateway/authz/security-rules.js';

/** The subgraphs, in the order composition sees them, with their default local URLs. */
export const SUBGRAPHS = [
  { name: 'crm', url: 'http://localhost:4001/graphql' },
  { name: 'callcenter', url: 'http://localhost:4002/graphql' },
  { name: 'tickets', url: 'http://localhost:4003/graphql' },
  // Served by the gateway itself, in-process (see gateway/audit/); the URL is never called.
  { name: 'audit', url: 'http://localhost:4000/audit' },
] as const;

export const SUPERGRAPH_PATH = fileURLToPath(new URL('./supergraph.graphql', import.meta.url));

/** The subgraph SDLs as composition reads them, by subgraph name (tests pass edited ones). */
export function subgraphSdls(): Record<string, string> {
  return Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, readFileSync(fileURLToPath(new URL(`./${name}.graphql`, import.meta.url)), 'utf8')]));
}

/**
 * The supergraph SDL composed from `sdls` (default: the files in `schema/`). Throws when
 * composition fails or when a field of the API schema is unguarded.
 */
export function composeSupergraph(sdls: Record<string, string> = subgraphSdls()): string {
  const result = composeServices(SUBGRAPHS.map(({ name, url }) => ({ name, url, typeDefs: parse(sdls[name] ?? '') })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  try {
    readSecurityRules(result.supergraphSdl);
  } catch (error) {
    throw new Error(`Composition failed: ${(error as Error).message}`);
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
