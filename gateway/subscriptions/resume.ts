/**
 * Resumable upstream subscriptions. A subscription field is resumable when it takes
 * `after: String` (a cursor: replay what came after it, then go on live), its type has
 * `cursor: String!`, and `Query` has `<field>Cursor: String!` (the cursor of the stream's end
 * now). The call center's `callEvents` is: its event log keeps every event with a cursor
 * (schema/callcenter.graphql). For such a field the gateway rewrites the planned upstream
 * operation so that it controls `after` (variable `$__sb_after`) and reads each event's cursor
 * (hidden field `__sb_cursor`); after a break it subscribes again after the last event it
 * delivered, so nothing is lost and nothing comes twice.
 */
import {
  GraphQLString,
  Kind,
  getNamedType,
  getNullableType,
  isObjectType,
  parse,
  print,
  valueFromASTUntyped,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** The variable through which the gateway sets `after` on a resumable upstream subscription. */
export const RESUME_VARIABLE = '__sb_after';
/** The response key under which each upstream event carries its cursor. */
export const CURSOR_KEY = '__sb_cursor';

export interface ResumableOperation {
  /** The upstream operation, rewritten: `after: $__sb_after` on the root field, `__sb_cursor: cursor` selected. */
  query: string;
  /** The query giving the stream's end now, for a stream that has delivered nothing yet: `{ <field>Cursor }`. */
  headQuery: string;
  /** The response key of `headQuery`'s field. */
  headField: string;
  /** The response key of the subscription's root field in events. */
  rootKey: string;
  /** The client's own `after` (the cursor it resumes from), or null: read from the client's variables. */
  initialAfter(variables: Record<string, unknown>): string | null;
}

function rootOf(document: DocumentNode): { operation: OperationDefinitionNode; field: FieldNode } | null {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const field = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  return operation?.operation === 'subscription' && field ? { operation, field } : null;
}

/** `operation`'s variable definitions without those no longer used anywhere in it. */
function withoutUnusedVariables(operation: OperationDefinitionNode): OperationDefinitionNode {
  const used = new Set<string>();
  visit({ ...operation, variableDefinitions: [] }, { Variable: (node) => void used.add(node.name.value) });
  return { ...operation, variableDefinitions: (operation.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value)) };
}

/**
 * The resumable form of a planned upstream subscription `upstreamQuery`, or null when its root
 * field is not resumable in `schema` (then a break in the stream cannot be bridged).
 */
export function resumableOperation(upstreamQuery: string, schema: GraphQLSchema): ResumableOperation | null {
  const document = parse(upstreamQuery);
  const root = rootOf(document);
  if (!root) return null;
  const name = root.field.name.value;
  const definition = schema.getSubscriptionType()?.getFields()[name];
  const headField = `${name}Cursor`;
  const head = schema.getQueryType()?.getFields()[headField];
  const after = definition?.args.find((a) => a.name === 'after');
  const type = definition && getNamedType(definition.type);
  if (!definition || !head || !after || getNullableType(after.type) !== GraphQLString || !isObjectType(type) || !type.getFields().cursor) return null;
  if (getNullableType(head.type) !== GraphQLString) return null;

  const clientAfter = root.field.arguments?.find((a) => a.name.value === 'after') ?? null;
  const afterArgument: ArgumentNode = {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: 'after' },
    value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: RESUME_VARIABLE } },
  };
  const cursorField: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: CURSOR_KEY }, name: { kind: Kind.NAME, value: 'cursor' } };
  const field: FieldNode = {
    ...root.field,
    arguments: [...(root.field.arguments ?? []).filter((a) => a.name.value !== 'after'), afterArgument],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [...(root.field.selectionSet?.selections ?? []), cursorField] },
  };
  const operation = withoutUnusedVariables({
    ...root.operation,
    variableDefinitions: [
      ...(root.operation.variableDefinitions ?? []),
      { kind: Kind.VARIABLE_DEFINITION, variable: afterArgument.value as never, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } } },
    ],
    selectionSet: { ...root.operation.selectionSet, selections: root.operation.selectionSet.selections.map((s) => (s === root.field ? field : s)) },
  });
  return {
    query: print({ ...document, definitions: document.definitions.map((d) => (d === root.operation ? operation : d)) }),
    headQuery: `query SwitchboardStreamHead { ${headField} }`,
    headField,
    rootKey: root.field.alias?.value ?? name,
    initialAfter(variables) {
      const value = clientAfter ? valueFromASTUntyped(clientAfter.value, variables) : null;
      return typeof value === 'string' ? value : null;
    },
  };
}

/** The cursor an upstream event carries (see `CURSOR_KEY`), or null. */
export function eventCursor(data: Record<string, unknown> | null | undefined, rootKey: string): string | null {
  const event = data?.[rootKey] as Record<string, unknown> | null | undefined;
  const cursor = event?.[CURSOR_KEY];
  return typeof cursor === 'string' ? cursor : null;
}
