/**
 * Demand control: an operation's estimated cost and depth, computed before anything runs.
 * Cost: every field costs 1; a field with a `first` argument (a page) multiplies what is
 * below it by that page size (its `nodes` list is that page, not a further multiple), and
 * any other list field by `DEFAULT_LIST_SIZE`, so the cost follows list sizes times nesting. `customers(first: 50) { nodes { calls(first: 5) {
 * nodes { agent { name } } } } }` costs about 50 × (1 + 5 × 3). Depth counts nested fields.
 */
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

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

function pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): number | null {
  const argument = definition.args.find((a) => a.name === 'first');
  if (!argument) return null;
  const node = field.arguments?.find((a) => a.name.value === 'first');
  const value = node ? valueFromASTUntyped(node.value, variables) : argument.defaultValue;
  return typeof value === 'number' && value >= 0 ? Math.min(value, PAGE_SIZE_CEILING) : DEFAULT_LIST_SIZE;
}

export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, variables: Record<string, unknown>): OperationCost {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { cost: 0, depth: 0 };
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));

  /** `paged`: this selection set belongs to a field with a page argument, whose list children are that page. */
  function walk(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, seen: ReadonlySet<string>, paged: boolean): OperationCost {
    let cost = 0;
    let depth = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!definition) continue; // __typename and friends
        const named = getNamedType(definition.type);
        const page = pageSize(selection, definition, variables);
        const inner = selection.selectionSet && isCompositeType(named) ? walk(selection.selectionSet, named, seen, page !== null) : { cost: 0, depth: 0 };
        const multiplier = page ?? (isListType(getNullableType(definition.type)) && !paged ? DEFAULT_LIST_SIZE : 1);
        cost += 1 + multiplier * inner.cost;
        depth = Math.max(depth, 1 + inner.depth);
        continue;
      }
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      if (name !== null && seen.has(name)) continue; // validation refuses cycles; never loop
      const fragment = name !== null ? fragments.get(name) : selection.kind === Kind.INLINE_FRAGMENT ? selection : undefined;
      if (!fragment) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      if (!condition || !isCompositeType(condition)) continue;
      const inner = walk(fragment.selectionSet, condition, name !== null ? new Set([...seen, name]) : seen, paged);
      cost += inner.cost;
      depth = Math.max(depth, inner.depth);
    }
    return { cost, depth };
  }

  return walk(operation.selectionSet, root, new Set(), false);
}
