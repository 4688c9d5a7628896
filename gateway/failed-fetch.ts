/**
 * What the gateway's query-plan executor is told when one fetch from a subgraph fails (down,
 * too slow, an HTTP error, a malformed answer): a GraphQL response without `data` whose
 * errors carry one `path` per field the fetch would have filled.
 *
 * - A root fetch (`{ customers … queues … }`): one error per root field, `[responseKey]`.
 * - An entity fetch (`_entities(representations: …)`): one error per representation and per
 *   field selected on its type, `["_entities", i, responseKey]`.
 *
 * `@apollo/gateway` (`executeQueryPlan.ts`, `makeLazyErrorPathGenerator`) rewrites these
 * subgraph paths into response paths with list indices (`["customers", "nodes", 2,
 * "tickets"]`), as it does for a subgraph's own field errors. So, as the GraphQL spec asks
 * (section "Handling Field Errors"), every field that is `null` because a system failed has
 * an error naming its path, and a client can tell "none" from "unknown". A fetch that selects
 * no field (only `__typename`) gets one error without a path.
 */
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type SelectionSetNode,
} from 'graphql';
import { boundedCache, mib, objectBytes } from '../subgraphs/shared/bounded-cache.js';
import { executedSelections, fragmentsOf, selectOperation } from './operation/executed-selections.js';

/** The fetch as the gateway hands it to a data source. */
export interface SubgraphFetch {
  /** The fetch's operation text (the query plan's `FetchNode.operation`). */
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** A subgraph path: root field keys, or `_entities`, the representation's index, a field key. */
export type SubgraphPath = readonly (string | number)[];

const ENTITIES = '_entities';

/**
 * The response that stands for a failed fetch: `failure` (a `SUBGRAPH_UNAVAILABLE` error
 * naming the subgraph) repeated once per field path of `fetch`, and no `data`.
 * `document` is the parsed fetch operation when the caller has it (else `fetch.query` is parsed).
 */
export function failedFetchResponse(fetch: SubgraphFetch, failure: GraphQLError, document?: DocumentNode): GatewayGraphQLResponse {
  const formatted: GraphQLFormattedError = failure.toJSON();
  const paths = fieldPathsOf(fetch, document);
  if (paths.length === 0) return { errors: [formatted] };
  return { errors: paths.map((path) => ({ ...formatted, path })) };
}

/**
 * Every path a fetch would fill, in the subgraph's response (see the module comment).
 * An unparseable operation has none.
 */
export function fieldPathsOf(fetch: SubgraphFetch, document?: DocumentNode): SubgraphPath[] {
  const parsed = document ?? parseFetch(fetch.query);
  if (!parsed) return [];
  const operation = selectOperation(parsed, fetch.operationName);
  if (!operation) return [];
  const fragments = fragmentsOf(parsed);
  const variables = fetch.variables ?? {};
  const rootFields = collectFields(operation.selectionSet, null, fragments, variables);
  const paths: SubgraphPath[] = [];
  for (const [key, field] of rootFields) {
    if (field.name !== ENTITIES) {
      paths.push([key]);
      continue;
    }
    const representations = fetch.variables?.representations;
    if (!Array.isArray(representations) || !field.selectionSet) continue;
    representations.forEach((representation, index) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      const entityFields = collectFields(field.selectionSet!, typeof typename === 'string' ? typename : null, fragments, variables);
      for (const entityKey of entityFields.keys()) paths.push([key, index, entityKey]);
    });
  }
  return paths;
}

/**
 * Fetch operations parsed, by text (a query plan's fetches repeat), within `PARSED_FETCHES_BYTES`:
 * every distinct client operation brings distinct fetch texts, so a cache bounded by count
 * would keep any number of bytes. Parsed without locations: only their fields are read here.
 */
const PARSED_FETCHES_BYTES = mib(8);
const parsedFetches = boundedCache<DocumentNode | false>({ maxBytes: PARSED_FETCHES_BYTES, sizeOf: (parsed) => (parsed ? objectBytes(parsed) : 0) });

/** The parsed-fetch cache's entries and estimated bytes (at most `PARSED_FETCHES_BYTES`), for tests and diagnostics. */
export function parsedFetchesSize(): { entries: number; bytes: number; maxBytes: number } {
  return { entries: parsedFetches.size, bytes: parsedFetches.calculatedSize, maxBytes: PARSED_FETCHES_BYTES };
}

function parseFetch(query: string | undefined): DocumentNode | undefined {
  if (!query) return undefined;
  let parsed = parsedFetches.get(query);
  if (parsed === undefined) {
    try {
      parsed = parse(query, { noLocation: true });
    } catch {
      parsed = false;
    }
    parsedFetches.set(query, parsed);
  }
  return parsed || undefined;
}

/**
 * The fields a selection set selects on an object of `typename` (`null`: the root type, whose
 * fragments always apply), by response key, `__typename` left out. A fragment with another
 * type condition does not apply to that object.
 */
function collectFields(
  selectionSet: SelectionSetNode,
  typename: string | null,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  into = new Map<string, { name: string; selectionSet?: SelectionSetNode }>(),
  visited = new Set<string>(),
): Map<string, { name: string; selectionSet?: SelectionSetNode }> {
  for (const selection of executedSelections(selectionSet, fragments, variables, visited)) {
    if (selection.kind === 'field') {
      const field = selection.node;
      if (field.name.value === '__typename') continue;
      const key = field.alias?.value ?? field.name.value;
      if (!into.has(key)) into.set(key, { name: field.name.value, selectionSet: field.selectionSet });
    } else {
      if (selection.typeCondition && typename !== null && selection.typeCondition !== typename) continue;
      collectFields(selection.selectionSet, typename, fragments, variables, into, visited);
    }
  }
  return into;
}

/**
 * Why a subgraph's parsed answer cannot be used as the result of `fetch`, or `null` when it
 * can. Usable: an object whose `data` is an object with every root field of the fetch (for
 * an entity fetch, `_entities` a list as long as the representations sent), or `data: null` with errors that have a path
 * (a non-null root field failed, GraphQL's null propagation). Anything else (no `data`, or
 * `data: null` with only request errors, a wrong `_entities` list, not an object at all) is a
 * failed fetch.
 */
export function unusableResponseReason(body: unknown, fetch: SubgraphFetch, statusCode: number): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return `HTTP ${statusCode} with a body that is not a GraphQL response`;
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (errors !== undefined && !Array.isArray(errors)) return `HTTP ${statusCode} with a malformed "errors" entry`;
  const errorList = (errors ?? []) as { message?: unknown; path?: unknown }[];
  if (data === undefined || data === null) {
    if (data === null && errorList.some((error) => Array.isArray(error?.path))) return null;
    const first = errorList[0]?.message;
    return `HTTP ${statusCode}${typeof first === 'string' ? ` (${first})` : ''} without data`;
  }
  if (typeof data !== 'object' || Array.isArray(data)) return `HTTP ${statusCode} with a malformed "data" entry`;
  const representations = fetch.variables?.representations;
  if (Array.isArray(representations)) {
    const entities = (data as Record<string, unknown>)[ENTITIES];
    if (!Array.isArray(entities) || entities.length !== representations.length) {
      return `an answer for ${Array.isArray(entities) ? entities.length : 'no'} of the ${representations.length} entities asked for`;
    }
    return null;
  }
  const missing = fieldPathsOf(fetch).find(([key]) => !Object.hasOwn(data, key!));
  return missing ? `an answer without the field "${String(missing[0])}"` : null;
}
