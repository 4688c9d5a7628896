/**
 * Refuses operations above the configured cost or depth before they are planned, with an
 * error that says the estimate and the limit. Trusted clients' persisted operations (a
 * manifest of operations by SHA-256 of their text, each with its own limits) may go higher:
 * that is how supervisors' reporting dashboards get their bigger reports.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { switchboardError } from '../../schema/errors.js';
import { operationCost } from './operation-cost.js';

export interface Limits {
  maxCost: number;
  maxDepth: number;
}

export interface PersistedOperation extends Partial<Limits> {
  /** Who sends it, for people reading the manifest. */
  client: string;
  query: string;
}

/** Reads a manifest `{ "operations": [{ "client": "…", "query": "…", "maxCost": 50000 }] }`. */
export function readPersistedOperations(path: string | null): Map<string, PersistedOperation> {
  if (!path) return new Map();
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { operations?: PersistedOperation[] };
  return new Map((manifest.operations ?? []).map((operation) => [sha256(operation.query), operation]));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class DemandControl {
  constructor(
    private readonly limits: Limits,
    private readonly persisted: ReadonlyMap<string, PersistedOperation>,
  ) {}

  /** The refusal for this operation, or null when it is within its limits. */
  check(schema: GraphQLSchema, source: string | undefined, document: DocumentNode, operationName: string | null, variables: Record<string, unknown>): GraphQLError | null {
    const trusted = source === undefined ? undefined : this.persisted.get(sha256(source));
    const maxCost = trusted?.maxCost ?? this.limits.maxCost;
    const maxDepth = trusted?.maxDepth ?? this.limits.maxDepth;
    const { cost, depth } = operationCost(schema, document, operationName, variables);
    if (depth > maxDepth) {
      return switchboardError('MAX_DEPTH_EXCEEDED', `The operation nests ${depth} levels deep; the limit is ${maxDepth}.`, { depth, maxDepth });
    }
    if (cost > maxCost) {
      return switchboardError(
        'COST_ESTIMATED_TOO_EXPENSIVE',
        `The operation's estimated cost is ${cost}; the limit is ${maxCost}. Ask for smaller pages (\`first\`) or fewer nested lists.`,
        { cost, maxCost },
      );
    }
    return null;
  }
}
