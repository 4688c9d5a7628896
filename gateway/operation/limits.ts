/**
 * Limits on the size of an operation, checked while it is parsed and validated, before any
 * rule walks it or any subgraph is asked: the same limits over HTTP (Apollo Server's
 * `parseOptions` and `validationRules`) and over WebSocket (`parseOperation`,
 * `validateOperation`).
 *
 * - Tokens: the parser stops after `maxTokens` lexical tokens (graphql-js `maxTokens`), so a
 *   huge document costs no more than reading that many tokens. Error: `GRAPHQL_PARSE_FAILED`.
 * - Selections: the number of fields and fragments the operation reaches once every spread
 *   is expanded where it stands (`...F ...F` counts F twice), computed once per fragment.
 *   This bounds every later walk (cost, authorization) whatever the nesting of fragments.
 *   Error: `GRAPHQL_VALIDATION_FAILED` naming the count and the limit. The same measure as
 *   Apollo Server's `maxRecursiveSelections`, which it does not export for other transports.
 */
import {
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';

export interface OperationLimits {
  /** Most lexical tokens a request's document may have. */
  maxTokens: number;
  /** Most selections (fields, inline fragments, spreads) after expanding every spread. */
  maxSelections: number;
}

/** Defaults: a 50 KB hand-written operation has about 10,000 tokens; the README's unified view expands to under 100 selections. */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = { maxTokens: 10_000, maxSelections: 5_000 };

/** Parses a request's document within the token limit; throws graphql-js's `GraphQLError` (a syntax error, or the limit). */
export function parseOperation(source: string, limits: OperationLimits): DocumentNode {
  return parse(source, { maxTokens: limits.maxTokens, noLocation: false });
}

/** Validates with the standard rules plus the selection limit; the errors, or an empty list. */
export function validateOperation(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits): readonly GraphQLError[] {
  return validate(schema, document, [...specifiedRules, maxSelectionsRule(limits.maxSelections)]);
}

/**
 * The selection count of each operation and fragment of a document, spreads expanded
 * (a fragment's count is computed once and multiplied by the times it is spread; cycles,
 * which validation refuses separately, count as zero).
 */
export function expandedSelections(document: DocumentNode): Map<string | null, number> {
  interface Counted {
    own: number;
    spreads: Map<string, number>;
  }
  const count = (set: SelectionSetNode, into: Counted): void => {
    for (const selection of set.selections) {
      into.own += 1;
      if (selection.kind === Kind.FRAGMENT_SPREAD) into.spreads.set(selection.name.value, (into.spreads.get(selection.name.value) ?? 0) + 1);
      else if (selection.selectionSet) count(selection.selectionSet, into);
    }
  };
  const fragments = new Map<string, Counted>();
  const operations: { name: string | null; counted: Counted }[] = [];
  for (const definition of document.definitions) {
    const counted: Counted = { own: 0, spreads: new Map() };
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, counted);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push({ name: definition.name?.value ?? null, counted });
    else continue;
    count(definition.selectionSet, counted);
  }
  const totals = new Map<string, number>();
  const total = (name: string): number => {
    const known = totals.get(name);
    if (known !== undefined) return known;
    totals.set(name, 0); // a cycle counts as zero while it is being computed
    const counted = fragments.get(name);
    const sum = counted ? expand(counted) : 0;
    totals.set(name, sum);
    return sum;
  };
  const expand = (counted: Counted): number => {
    let sum = counted.own;
    for (const [name, times] of counted.spreads) sum += times * total(name);
    return sum;
  };
  return new Map(operations.map(({ name, counted }) => [name, expand(counted)]));
}

/** A validation rule refusing operations that expand to more than `limit` selections. */
export function maxSelectionsRule(limit: number): ValidationRule {
  return (context) => ({
    Document: {
      leave(document) {
        for (const [name, selections] of expandedSelections(document)) {
          if (selections <= limit) continue;
          context.reportError(
            new GraphQLError(
              `${name ? `Operation "${name}"` : 'The operation'} expands to ${selections} selections once its fragments are spread; the limit is ${limit}. Spread fewer fragments or split the operation.`,
              { extensions: { selections, maxSelections: limit } },
            ),
          );
        }
      },
    },
  });
}
