/**
 * Demand control: an operation's estimated cost and depth, computed before anything runs,
 * on the fields as GraphQL executes them (see gateway/operation/executed-selections.ts:
 * `@skip`/`@include` applied with the request's variables, each fragment visited once).
 *
 * Cost: every field costs 1; a field with a `first` argument (a page) that returns a list
 * multiplies what is below it by that page size; one that returns a connection multiplies
 * only the connection's lists (`nodes`, `edges`) by it, while its `totalCount` and `pageInfo`
 * are one each, as they are computed once per page (a page of 0 counts as 1, so an empty
 * page never hides what it selects). Any other list field multiplies by `DEFAULT_LIST_SIZE`,
 * so the cost follows list sizes times nesting.
 * `customers(first: 50) { totalCount nodes { calls(first: 5) { nodes { agent { name } } } } }`
 * costs 1 + 1 + 1 + 50 × (1 + 1 + 5 × 3). Where a selection set's fragments have type conditions that can
 * never match the same object (`... on User` and `... on Admin` under an interface), the
 * cost is that of the most expensive object type, not their sum: one object is only ever
 * one of them. Depth counts nested fields. Introspection fields (`__schema`, `__type`) are
 * left to graphql-js's `MaxIntrospectionDepthRule`.
 *
 * Work: each selection set is costed once per (object type, page context), so the walk is
 * linear in the document whatever the nesting of fragments.
 */
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { executedSelections, fragmentApplies, fragmentsOf, selectOperation, type Variables } from '../operation/executed-selections.js';

/** Assumed length of a list without a page argument (phone numbers, candidates, agents…). */
export const DEFAULT_LIST_SIZE = 10;
/**
 * The largest page any field accepts (`callEventsSince`: 500; connections: 100). A larger
 * `first` is the subgraph's to refuse with a precise BAD_USER_INPUT, so it counts as this.
 */
export const PAGE_SIZE_CEILING = 500;

export interface OperationCost {
  cost: number;
  depth: number;
}

const ZERO: OperationCost = { cost: 0, depth: 0 };

function pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown>, variables: Variables): number | null {
  const argument = definition.args.find((a) => a.name === 'first');
  if (!argument) return null;
  const node = field.arguments?.find((a) => a.name.value === 'first');
  const value = node ? valueFromASTUntyped(node.value, variables as Record<string, unknown>) : argument.defaultValue;
  return typeof value === 'number' && value >= 0 ? Math.max(1, Math.min(value, PAGE_SIZE_CEILING)) : DEFAULT_LIST_SIZE;
}

/** The estimated cost and depth of the operation a request runs (zero when there is none). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, variables: Variables): OperationCost {
  const operation = selectOperation(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return ZERO;
  const fragments: ReadonlyMap<string, FragmentDefinitionNode> = fragmentsOf(document);
  const memo = new Map<SelectionSetNode, Map<string, OperationCost>>();

  /**
   * A field's selection set on its (possibly abstract) type: the most expensive object type it
   * can be. `page` is the page size when the set belongs to a paged connection (its lists are that page).
   */
  function costOfSelectionSet(selectionSet: SelectionSetNode, type: GraphQLCompositeType, page: number | null): OperationCost {
    const key = `${type.name}\u0000${page ?? ''}`;
    let byKey = memo.get(selectionSet);
    const known = byKey?.get(key);
    if (known) return known;
    const objects = isObjectType(type) ? [type] : schema.getPossibleTypes(type);
    let result = ZERO;
    for (const object of objects) {
      const candidate = costFor(selectionSet, object, page, new Set());
      result = { cost: Math.max(result.cost, candidate.cost), depth: Math.max(result.depth, candidate.depth) };
    }
    if (!byKey) memo.set(selectionSet, (byKey = new Map()));
    byKey.set(key, result);
    return result;
  }

  /** The selections that apply to an object of `type`; `visited` holds the fragments already spread at this level. */
  function costFor(selectionSet: SelectionSetNode, type: GraphQLObjectType, connectionPage: number | null, visited: Set<string>): OperationCost {
    let cost = 0;
    let depth = 0;
    for (const selection of executedSelections(selectionSet, fragments, variables, visited)) {
      if (selection.kind === 'fragment') {
        if (selection.typeCondition !== null && !fragmentApplies(schema, selection.typeCondition, type)) continue;
        const inner = costFor(selection.selectionSet, type, connectionPage, visited);
        cost += inner.cost;
        depth = Math.max(depth, inner.depth);
        continue;
      }
      const definition = type.getFields()[selection.node.name.value];
      if (!definition) continue; // __typename and introspection
      const named = getNamedType(definition.type);
      const page = pageSize(selection.node, definition, variables);
      const isList = isListType(getNullableType(definition.type));
      // A paged connection passes its page down to its lists; a paged list is the page itself.
      const innerPage = page !== null && !isList ? page : null;
      const inner = selection.node.selectionSet && isCompositeType(named) ? costOfSelectionSet(selection.node.selectionSet, named, innerPage) : ZERO;
      const multiplier = isList ? (page ?? connectionPage ?? DEFAULT_LIST_SIZE) : 1;
      cost += 1 + multiplier * inner.cost;
      depth = Math.max(depth, 1 + inner.depth);
    }
    return { cost, depth };
  }

  return costFor(operation.selectionSet, root, null, new Set());
}
