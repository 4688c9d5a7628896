/**
 * Composes `schema/supergraph.graphql` from the three subgraph SDLs with
 * `@apollo/composition` (no downloaded router binaries). `npm run compose` writes it;
 * `composeSupergraph()` is also what the drift test compares the committed file against.
 * A supergraph with a field that breaks the nullability rule at the boundaries between systems
 * (`boundary-nullability.ts`) is not written.
 * Deny by default: composition fails, naming each one, when a field of the API schema has
 * no authorization rule and no `@authenticated` marking (schema/field-guards.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { boundaryNullabilityViolations } from './boundary-nullability.js';
import { readSecurityRules } from '../gateway/authz/security-rules.js';

/** The subgraphs, in the order composition sees them, with their default local URLs. */
export const SUBGRAPHS = [
  { name: 'crm', url: 'http://localhost:4001/graphql' },
  { name: 'callcenter', url: 'http://localhost:4002/graphql' },
  { name: 'tickets', url: 'http://localhost:4003/graphql' },
  // Served by the gateway itself, in-process (see gateway/audit/); the URL is never called.
  { name: 'audit', url: 'http://localhost:4000/audit' },
  // Also the gateway's own (see gateway/webhooks/).
  { name: 'webhooks', url: 'http://localhost:4000/webhooks' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const SUPERGRAPH_PATH = fileURLToPath(new URL('./supergraph.graphql', import.meta.url));

/** The subgraph SDLs as composition reads them, by subgraph name (tests pass edited ones). */
export function subgraphSdls(): Record<string, string> {
  return Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, readFileSync(fileURLToPath(new URL(`./${name}.graphql`, import.meta.url)), 'utf8')]));
}

/**
 * The supergraph SDL composed from the subgraph SDLs in `schema/`, with `sdls` in place of
 * the subgraphs it names (a test composing a variant). Throws when composition fails or when
 * a field of the API schema is unguarded.
 */
export function composeSupergraph(sdls: Partial<Record<SubgraphName, string>> = {}): string {
  const files = subgraphSdls();
  const result = composeServices(SUBGRAPHS.map(({ name, url }) => ({ name, url, typeDefs: parse(sdls[name] ?? files[name] ?? '') })));
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
