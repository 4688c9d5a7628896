/**
 * The one operation walker: every rule that inspects an operation (demand control, field
 * authorization, the audit plan, the call-event access rule) reads it through these
 * functions, so all of them see the fields as GraphQL executes them:
 *
 * - the operation is chosen as execution chooses it (GraphQL spec §6.1 `GetOperation`);
 * - `@skip(if:)` and `@include(if:)` are applied with the request's variables (spec §3.13.2,
 *   §3.13.3; `CollectFields` step 3.a–b): an excluded selection is neither counted, checked
 *   nor refused;
 * - fragment spreads are resolved to their definitions, and a named fragment is visited at
 *   most once per selection set, however often it is spread there (`CollectFields`'
 *   `visitedFragments`), so no spelling of a request multiplies the work.
 *
 * How much a walk may expand in total is bounded before any of these run: the parser's token
 * limit and the recursive-selection limit (see limits.ts).
 */
import {
  isAbstractType,
  Kind,
  valueFromASTUntyped,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The request's variable values, as sent (before coercion). */
export type Variables = Readonly<Record<string, unknown>>;

/** One selection that execution visits: a field, or the contents of a fragment (inline or named). */
export type ExecutedSelection =
  | { kind: 'field'; node: FieldNode }
  | {
      kind: 'fragment';
      /** The fragment's name; `null` for an inline fragment. */
      name: string | null;
      /** The type condition's name; `null` when the fragment has none (it applies to the parent type). */
      typeCondition: string | null;
      selectionSet: SelectionSetNode;
      /** The inline fragment or the spread, for its directives and location. */
      node: InlineFragmentNode | FragmentDefinitionNode;
    };

/**
 * The operation a request runs: the one named `operationName`, or the only operation of the
 * document when no name is given (spec §6.1 `GetOperation`). `null` when there is no such
 * operation (validation reports that to the client).
 */
export function selectOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | null {
  let found: OperationDefinitionNode | null = null;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName) {
      if (definition.name?.value === operationName) return definition;
    } else {
      if (found) return null; // several operations and no name: ambiguous
      found = definition;
    }
  }
  return found;
}

/** Whether a fragment with this type condition applies to an object of `type` (spec `DoesFragmentTypeApply`). */
export function fragmentApplies(schema: GraphQLSchema, typeCondition: string, type: GraphQLObjectType): boolean {
  if (typeCondition === type.name) return true;
  const condition = schema.getType(typeCondition);
  return condition !== undefined && isAbstractType(condition) && schema.isSubType(condition, type);
}

const fragmentCache = new WeakMap<DocumentNode, ReadonlyMap<string, FragmentDefinitionNode>>();

/** The document's named fragments by name (remembered per document object). */
export function fragmentsOf(document: DocumentNode): ReadonlyMap<string, FragmentDefinitionNode> {
  let fragments = fragmentCache.get(document);
  if (!fragments) {
    fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    fragmentCache.set(document, fragments);
  }
  return fragments;
}

function conditionValue(directive: DirectiveNode, variables: Variables): boolean | null {
  const argument = directive.arguments?.find((a) => a.name.value === 'if');
  if (!argument) return null;
  const value = valueFromASTUntyped(argument.value, variables as Record<string, unknown>);
  return value === true;
}

/**
 * Whether a selection runs with these variables: not `@skip(if: true)` and not
 * `@include(if: false)` (spec §3.13.2–3). An `if` whose variable is missing counts as
 * `false` (validation and coercion refuse such a request before it executes anyway).
 */
export function isIncluded(node: { readonly directives?: readonly DirectiveNode[] }, variables: Variables): boolean {
  for (const directive of node.directives ?? []) {
    if (directive.name.value === 'skip' && conditionValue(directive, variables) === true) return false;
    if (directive.name.value === 'include' && conditionValue(directive, variables) !== true) return false;
  }
  return true;
}

/**
 * The selections of one selection set that execution visits, in document order: excluded
 * ones dropped, spreads resolved to their definitions (unknown names skipped: validation
 * refuses them), each named fragment at most once. Pass the same `visited` set when walking
 * into the returned fragments' selection sets (they belong to the same field level); start
 * a new one for a field's own selection set.
 */
export function executedSelections(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Variables,
  visited: Set<string> = new Set(),
): ExecutedSelection[] {
  const selections: ExecutedSelection[] = [];
  for (const selection of selectionSet.selections) {
    if (!isIncluded(selection, variables)) continue;
    if (selection.kind === Kind.FIELD) {
      selections.push({ kind: 'field', node: selection });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      selections.push({ kind: 'fragment', name: null, typeCondition: selection.typeCondition?.name.value ?? null, selectionSet: selection.selectionSet, node: selection });
    } else {
      const name = selection.name.value;
      if (visited.has(name)) continue;
      visited.add(name);
      const fragment = fragments.get(name);
      if (!fragment) continue;
      selections.push({ kind: 'fragment', name, typeCondition: fragment.typeCondition.name.value, selectionSet: fragment.selectionSet, node: fragment });
    }
  }
  return selections;
}

/**
 * The fields of a selection set on a concrete type as execution collects them (spec §6.3.2
 * `CollectFields`): grouped by response key, in order, through every fragment whose type
 * condition applies to `type` (`applies(conditionName)`), skips and includes applied.
 */
export function collectFields(
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Variables,
  applies: (typeCondition: string, type: GraphQLObjectType) => boolean,
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const selection of executedSelections(set, fragments, variables, visited)) {
      if (selection.kind === 'field') {
        const key = selection.node.alias?.value ?? selection.node.name.value;
        const group = fields.get(key);
        if (group) group.push(selection.node);
        else fields.set(key, [selection.node]);
      } else if (selection.typeCondition === null || applies(selection.typeCondition, type)) {
        walk(selection.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return fields;
}

/**
 * The root fields an operation executes, by response key (for a subscription: its one
 * event stream, wherever the document spells it: directly, in an inline fragment or in a
 * named fragment). Empty when there is no such operation.
 */
export function rootFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
): { operation: OperationDefinitionNode; type: GraphQLObjectType; fields: Map<string, FieldNode[]> } | null {
  const operation = selectOperation(document, operationName);
  const type = operation ? schema.getRootType(operation.operation) : null;
  if (!operation || !type) return null;
  const fields = collectFields(type, operation.selectionSet, fragmentsOf(document), variables, (condition, object) => fragmentApplies(schema, condition, object));
  return { operation, type, fields };
}

/**
 * The names of the variables a document's `@skip`/`@include` conditions read, in sorted
 * order (remembered per document object): what besides the document decides which fields run.
 */
export function conditionVariables(document: DocumentNode): readonly string[] {
  let names = conditionCache.get(document);
  if (!names) {
    const found = new Set<string>();
    const visit = (set: SelectionSetNode | undefined): void => {
      for (const selection of set?.selections ?? []) {
        for (const directive of selection.directives ?? []) {
          if (directive.name.value !== 'skip' && directive.name.value !== 'include') continue;
          for (const argument of directive.arguments ?? []) if (argument.value.kind === Kind.VARIABLE) found.add(argument.value.name.value);
        }
        if (selection.kind !== Kind.FRAGMENT_SPREAD) visit(selection.selectionSet);
      }
    };
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition.selectionSet);
    }
    names = [...found].sort();
    conditionCache.set(document, names);
  }
  return names;
}

const conditionCache = new WeakMap<DocumentNode, readonly string[]>();
