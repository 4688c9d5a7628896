/**
 * Puts each `SUBGRAPH_UNAVAILABLE` error on a path of the response the client gets.
 *
 * A failed fetch names every field it would have filled (`failed-fetch.ts`), and the gateway
 * rewrites those into response paths. Two kinds of them are not fields of the response:
 *
 * - fields under an object that GraphQL's null propagation then nulled (a missing non-null
 *   `displayName` nulls the nullable `customer`): the error moves to the nulled field, the
 *   deepest `null` on its path, so the client finds it where the `null` is
 *   (`topContactingCustomers.3.customer`);
 * - fields the query planner added for another subgraph (`recordAccess`, `phones` for a
 *   `@requires`) or the authorizer added for the audit trail, which the client did not select:
 *   the fields of the same object that are `null` and have no error of their own could not be
 *   fetched without them, so each of those gets the error (`ticket.requester.tickets` when
 *   the CRM could not give the requester's `recordAccess`); with none, the error is dropped.
 *
 * Errors with the same path and message are given once. Other errors are left as they are.
 */
import { GraphQLError } from 'graphql';

type Path = readonly (string | number)[];
const CODE = 'SUBGRAPH_UNAVAILABLE';

/**
 * `errors` with the `SUBGRAPH_UNAVAILABLE` ones placed on paths of `data` (the response as
 * sent: hidden fields dropped, removed fields null), in their original order.
 */
export function placeUnavailableErrors(data: Record<string, unknown> | null | undefined, errors: readonly GraphQLError[]): GraphQLError[] {
  if (!data || !errors.some(isUnavailable)) return [...errors];
  const covered = errors.filter((error) => error.path && !isUnavailable(error)).map((error) => error.path!);
  const placed: GraphQLError[] = [];
  const seen = new Set<string>();
  const add = (error: GraphQLError, path: Path | undefined) => {
    const key = `${JSON.stringify(path ?? null)}\n${error.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    placed.push(path === error.path ? error : new GraphQLError(error.message, { path, extensions: error.extensions, originalError: error.originalError ?? undefined }));
  };
  const unavailable = errors.filter((error) => isUnavailable(error) && error.path && error.path.length > 0);
  for (const error of unavailable) covered.push(responsePath(data, error.path!) ?? error.path!);
  for (const error of errors) {
    if (!isUnavailable(error) || !error.path || error.path.length === 0) {
      add(error, error.path);
      continue;
    }
    const path = error.path;
    const inResponse = responsePath(data, path);
    if (inResponse) {
      add(error, inResponse);
      continue;
    }
    // A field the client did not select, on an object that is in the response.
    const parent = valueAt(data, path.slice(0, -1));
    if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) {
      add(error, path);
      continue;
    }
    for (const [key, value] of Object.entries(parent)) {
      const sibling = [...path.slice(0, -1), key];
      if (value === null && !covered.some((other) => startsWith(other, sibling))) add(error, sibling);
    }
  }
  return placed;
}

function isUnavailable(error: GraphQLError): boolean {
  return error.extensions?.code === CODE;
}

/**
 * Where `path` lands in `data`: itself when its last key is in the object it names, the
 * deepest `null` on the way when an ancestor is `null`, `undefined` when the last key is not
 * in the (non-null) object it names or the path does not fit the data.
 */
function responsePath(data: unknown, path: Path): Path | undefined {
  let value = data;
  for (let i = 0; i < path.length; i += 1) {
    if (value === null) return path.slice(0, i);
    if (typeof value !== 'object' || value === undefined) return undefined;
    const step = path[i]!;
    if (!Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return path;
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.every((step, i) => path[i] === step);
}
