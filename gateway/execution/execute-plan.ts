/**
 * Executes a query plan of `@apollo/gateway` with the operation prepared once (its
 * federation-internals `Operation` and its compiled result shaper, `result-shaper.ts`).
 *
 * The contract is `@apollo/gateway` 2.14.4's `executeQueryPlan` (`dist/executeQueryPlan.js`),
 * response for response: the same fetches in the same order and parallelism, the same
 * representations, merges, rewrites, error paths, codes and messages. Left out, because the
 * caller (`lean-executor.ts`) hands such requests to Apollo's own executor: federated traces
 * (`captureTraces`, the `ftv1` extension) and OpenTelemetry spans. What it saves per request
 * is building the `Operation` from the document and walking the response generically.
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import { applyRewrites, isObjectOfType } from '@apollo/gateway/dist/dataRewrites.js';
import { generateHydratedPaths } from '@apollo/gateway/dist/executeQueryPlan.js';
import { deepMerge } from '@apollo/gateway/dist/utilities/deepMerge.js';
import { ERRORS, errorCodeDef, operationFromDocument, type Operation, type Schema } from '@apollo/federation-internals';
import { evaluateCondition, getResponseName, type FetchNode, type PlanNode, type QueryPlan, type QueryPlanSelectionNode, type ResponsePath } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext, GatewayExecutionResult } from '@apollo/server-gateway-interface';
import type { OperationContext } from '@apollo/gateway/dist/operationContext.js';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import {
  executeSync,
  GraphQLError,
  Kind,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';
import { compileResultShaper, type ResultShaper } from './result-shaper.js';

/** What executing an operation needs that depends only on the operation and the schema. */
export interface PreparedOperation {
  /** The operation over the API schema (federation-internals form). */
  operation: Operation;
  shaper: ResultShaper;
}

/**
 * The operation of `operationContext` (its definition and fragments) over `apiSchema`, built
 * as `executeQueryPlan` builds it, with its compiled shaper. Throws what
 * `operationFromDocument` throws (a `GraphQLError` for an operation the schema cannot hold).
 */
export function prepareOperation(apiSchema: Schema, operationContext: OperationContext): PreparedOperation {
  const operation = operationFromDocument(
    apiSchema,
    { kind: Kind.DOCUMENT, definitions: [operationContext.operation, ...Object.values(operationContext.fragments)] },
    { validate: false },
  );
  return { operation, shaper: compileResultShaper(operation) };
}

type ResultMap = Record<string, unknown>;

interface Cursor {
  path: ResponsePath;
  data: ResultMap | ResultMap[];
  fullResult: ResultMap;
}

/** What the plan's nodes share while it runs. */
interface Execution {
  prepared: PreparedOperation;
  serviceMap: Record<string, GraphQLDataSource>;
  requestContext: GatewayGraphQLRequestContext;
  supergraphSchema: GraphQLSchema;
  errors: GraphQLError[];
}

/**
 * Runs `queryPlan` (never a subscription or `@defer` plan) for `requestContext` and returns
 * the response: `data` shaped by `prepared.shaper`, subgraph errors with their paths in the
 * client's response, and shaping errors under `extensions.valueCompletion` when the
 * subgraphs returned none (as `executeQueryPlan` does).
 */
export async function executePlan(
  queryPlan: QueryPlan,
  serviceMap: Record<string, GraphQLDataSource>,
  requestContext: GatewayGraphQLRequestContext,
  operationContext: OperationContext,
  supergraphSchema: GraphQLSchema,
  prepared: PreparedOperation,
): Promise<GatewayExecutionResult> {
  const errors: GraphQLError[] = [];
  const execution: Execution = { prepared, serviceMap, requestContext, supergraphSchema, errors };
  const unfilteredData = Object.create(null) as ResultMap;
  if (queryPlan.node?.kind === 'Subscription') throw new Error('Execution of subscriptions not supported by gateway');
  if (queryPlan.node) await executeNode(execution, queryPlan.node, { path: [], data: unfilteredData, fullResult: unfilteredData });
  let data: Record<string, unknown> | null | undefined;
  try {
    const variables = requestContext.request.variables;
    let shapingErrors: GraphQLError[];
    ({ data, errors: shapingErrors } = prepared.shaper.shape(unfilteredData, variables, (field) =>
      executeIntrospection(operationContext.schema, field.expandFragments().toSelectionNode(), operationContext.operation.variableDefinitions, variables),
    ));
    if (errors.length === 0 && shapingErrors.length > 0) return { extensions: { valueCompletion: shapingErrors }, data };
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    if (error instanceof Error) return { errors: [new GraphQLError(error.message, { originalError: error })] };
    return { errors: [new GraphQLError('Unexpected error during query plan execution')] };
  }
  return errors.length === 0 ? { data } : { errors, data };
}

async function executeNode(execution: Execution, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(execution, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(execution, child, cursor)));
      return;
    case 'Flatten':
      await executeNode(execution, node.node, moveIntoCursor(cursor, node.path));
      return;
    case 'Fetch':
      try {
        await executeFetch(execution, node, cursor);
      } catch (error) {
        execution.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const condition = evaluateCondition(node, execution.prepared.operation.variableDefinitions, execution.requestContext.request.variables);
      const branch = condition ? node.ifClause : node.elseClause;
      if (branch) await executeNode(execution, branch, cursor);
      return;
    }
    case 'Defer':
      throw new Error('@defer support is not available in the gateway');
    default:
      // As in Apollo's executor: a node of another kind is passed over.
      return;
  }
}

async function executeFetch(execution: Execution, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = execution.serviceMap[fetch.serviceName];
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities: ResultMap[] = Array.isArray(cursor.data) ? cursor.data.filter((entity) => entity !== null && entity !== undefined) : [cursor.data];
  if (entities.length < 1) return;
  const variables = Object.create(null) as Record<string, unknown>;
  if (fetch.variableUsages) {
    const provided = execution.requestContext.request.variables;
    for (const name of fetch.variableUsages) {
      if (provided && Object.prototype.hasOwnProperty.call(provided, name) && typeof provided[name] !== 'undefined') variables[name] = provided[name];
    }
  }
  if (!fetch.requires) {
    const received = await sendOperation(execution, fetch, cursor, variables);
    if (received) applyRewrites(execution.supergraphSchema, fetch.outputRewrites, received);
    for (const entity of entities) deepMerge(entity, received);
    return;
  }
  const representations: ResultMap[] = [];
  const representationToEntity: number[] = [];
  entities.forEach((entity, index) => {
    const representation = executeSelectionSet(execution.supergraphSchema, entity, fetch.requires!);
    if (representation && representation.__typename) {
      applyRewrites(execution.supergraphSchema, fetch.inputRewrites, representation);
      representations.push(representation);
      representationToEntity.push(index);
    }
  });
  if (representations.length < 1) return;
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
  const received = await sendOperation(execution, fetch, cursor, { ...variables, representations });
  if (!received) return;
  if (!(received._entities && Array.isArray(received._entities))) throw new Error('Expected "data._entities" in response to be an array');
  const receivedEntities = received._entities as (ResultMap | null)[];
  if (receivedEntities.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  for (let i = 0; i < entities.length; i++) {
    const receivedEntity = receivedEntities[i];
    const existing = entities[representationToEntity[i]!];
    if (receivedEntity && !receivedEntity.__typename) receivedEntity.__typename = existing!.__typename;
    applyRewrites(execution.supergraphSchema, fetch.outputRewrites, receivedEntity!);
    deepMerge(entities[representationToEntity[i]!], receivedEntity);
  }
}

async function sendOperation(execution: Execution, fetch: FetchNode, cursor: Cursor, variables: Record<string, unknown>): Promise<ResultMap | null | undefined> {
  const { requestContext } = execution;
  const response = await execution.serviceMap[fetch.serviceName]!.process({
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query: fetch.operation, variables, operationName: fetch.operationName },
    incomingRequestContext: requestContext,
    context: requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  });
  if (response.errors) {
    const errorPath = lazyErrorPath(fetch, cursor);
    execution.errors.push(...response.errors.map((error) => downstreamServiceError(error, fetch.serviceName, errorPath)));
    if (!response.extensions?.ftv1) {
      const paths = response.errors.map((error) => ({ subgraph: fetch.serviceName, path: error.path }));
      const metrics = requestContext.metrics as { nonFtv1ErrorPaths?: { subgraph: string; path: GraphQLFormattedError['path'] }[] };
      if (metrics.nonFtv1ErrorPaths) metrics.nonFtv1ErrorPaths.push(...paths);
      else metrics.nonFtv1ErrorPaths = paths;
    }
  }
  return response.data;
}

function lazyErrorPath(fetch: FetchNode, cursor: Cursor): (errorPath: GraphQLFormattedError['path']) => ResponsePath | undefined {
  let hydrated: ResponsePath[] | undefined;
  return (errorPath) => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        generateHydratedPaths([], cursor.path, cursor.fullResult, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath.slice()] : undefined;
  };
}

function executeSelectionSet(schema: GraphQLSchema, source: ResultMap | null, selections: QueryPlanSelectionNode[]): ResultMap | null {
  if (source === null) return null;
  const result = Object.create(null) as ResultMap;
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      const responseName = getResponseName(selection);
      const children = selection.selections;
      if (!Object.prototype.hasOwnProperty.call(source, responseName) || typeof source[responseName] === 'undefined') return null;
      const value = source[responseName];
      if (Array.isArray(value)) result[responseName] = value.map((element) => (children ? executeSelectionSet(schema, element, children) : element));
      else if (children) result[responseName] = executeSelectionSet(schema, value as ResultMap | null, children);
      else result[responseName] = value;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || !source) continue;
      if (isObjectOfType(schema, source, selection.typeCondition)) deepMerge(result, executeSelectionSet(schema, source, selection.selections));
    }
  }
  return result;
}

function moveIntoCursor(cursor: Cursor, pathInCursor: ResponsePath): Cursor | undefined {
  const data = flattenResultsAtPath(cursor.data, pathInCursor) as Cursor['data'] | null | undefined;
  return data ? { path: cursor.path.concat(pathInCursor), data, fullResult: cursor.fullResult } : undefined;
}

function flattenResultsAtPath(value: unknown, path: ResponsePath): unknown {
  if (path.length === 0) return value;
  if (value === undefined || value === null) return value;
  const [current, ...rest] = path;
  if (current === '@') return (value as unknown[]).flatMap((element) => flattenResultsAtPath(element, rest));
  if (typeof current !== 'string') throw new Error(`Unexpected ${typeof current} found in path`);
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${current}`);
  const object = value as ResultMap;
  return flattenResultsAtPath(Object.prototype.hasOwnProperty.call(object, current) ? object[current] : undefined, rest);
}

function downstreamServiceError(
  original: GraphQLFormattedError,
  serviceName: string,
  errorPath: (path: GraphQLFormattedError['path']) => ResponsePath | undefined,
): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const { extensions } = original;
  const options = {
    originalError: original as Error,
    path: errorPath(original.path),
    extensions: { ...extensions, serviceName },
  };
  const codeDef = errorCodeDef(original as GraphQLError);
  if (!codeDef && extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

function executeIntrospection(
  schema: GraphQLSchema,
  selection: FieldNode,
  variableDefinitions: readonly VariableDefinitionNode[] | undefined,
  variableValues: Record<string, unknown> | undefined,
): unknown {
  const used = new Set<string>();
  visit(selection, { Variable: ({ name }) => void used.add(name.value) });
  const usedDefinitions = variableDefinitions?.filter((definition) => used.has(definition.variable.name.value));
  if (used.size !== (usedDefinitions?.length ?? 0)) {
    throw new Error(`Should have found all used variables ${[...used]} in definitions ${JSON.stringify(variableDefinitions)}`);
  }
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        variableDefinitions: usedDefinitions,
        selectionSet: { kind: Kind.SELECTION_SET, selections: [selection] },
      },
    ],
  };
  const { data, errors } = executeSync({ schema, document, rootValue: {}, variableValues });
  if (errors && errors.length > 0) {
    throw new Error(`Introspection query for ${JSON.stringify(selection)} should not have failed but got ${JSON.stringify(errors)}`);
  }
  if (!data) throw new Error(`Introspection query for ${JSON.stringify(selection)} should not have failed`);
  const key = selection.alias?.value ?? selection.name.value;
  return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
}
