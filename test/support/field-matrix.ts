/**
 * The role × field matrix, generated from the supergraph: for a set of scopes, the expected
 * outcome of every field of the API schema (allow, mask or deny, from the effective rules of
 * schema/field-guards.ts and the masks of schema/masking.ts), and one operation per role that
 * selects every field that role can reach through fields it may read, so the gateway can be
 * checked on all of them at once. A field added to the schema is in the matrix without any
 * change here; a new field with a required argument needs an entry in `ARGUMENTS` (the
 * builder throws naming it).
 */
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import type { AccessRule } from '../../schema/field-guards.js';
import { MASKED_FIELDS } from '../../schema/masking.js';

export type Outcome = 'allow' | 'mask' | 'deny';

/** The expected outcome of a field under `rule` for a caller holding `scopes` (every caller here is signed in). */
export function expectedOutcome(coordinate: string, rule: AccessRule | undefined, scopes: readonly string[]): Outcome {
  if (!rule) return 'deny'; // cannot happen: the gateway refuses such a supergraph
  const holds = (set: readonly string[], except?: string) => set.every((scope) => scope === except || scopes.includes(scope));
  if (rule.policies.length > 0) return 'deny'; // no policy is registered: an unknown policy refuses
  if (rule.scopes.length === 0 || rule.scopes.some((set) => holds(set))) return 'allow';
  const mask = MASKED_FIELDS[coordinate];
  if (mask && rule.scopes.some((set) => holds(set, mask.scope))) return 'mask';
  return 'deny';
}

/** One selected field: where it is in the response and what is expected there. */
export interface Probe {
  coordinate: string;
  /** Response keys from the root, without list indices. */
  path: string[];
  expected: Outcome;
}

/** The operation for one role and the fields it checks. */
export interface MatrixOperation {
  /** Every probe. A denied non-null field nulls its parent, so allowed values are read from `allowedDocument`. */
  document: string;
  /** The same without the denied fields: where allowed and masked values are checked. */
  allowedDocument: string;
  probes: Probe[];
  /** Fields the role cannot reach at all: every path to them crosses a field it may not read (whose denial is probed). */
  unreachable: string[];
}

/** Values for the arguments a probe needs, by `Type.field`. */
export type ArgumentFixtures = Record<string, string>;

/**
 * Builds the operation of `operationType` (`Query` or `Mutation`) for a caller with `scopes`:
 * breadth first from the root, every type is expanded once, at the shallowest path the
 * caller may read; a field whose type is expanded elsewhere (or that the caller may not read)
 * selects only `__typename`. Lists take the first two items (`first: 2` where there is such an argument).
 */
export function buildMatrixOperation(
  schema: GraphQLSchema,
  rules: ReadonlyMap<string, AccessRule>,
  scopes: readonly string[],
  operationType: 'Query' | 'Mutation',
  fixtures: ArgumentFixtures,
  /** Root fields to walk first (their types are then expanded where the test has data); the others follow in schema order. */
  preferredRoots: readonly string[] = [],
): MatrixOperation {
  const root = operationType === 'Query' ? schema.getQueryType() : schema.getMutationType();
  if (!root) throw new Error(`the schema has no ${operationType} type`);
  /** A selection set being built: its parts are text or child selection sets, rendered at the end. */
  interface SelectionSet {
    type: GraphQLCompositeType;
    path: string[];
    parts: (string | { denied: string } | SelectionSet)[];
  }
  const probes: Probe[] = [];
  const expanded = new Set<string>([root.name]);
  const top: SelectionSet = { type: root, path: [], parts: [] };
  const queue: SelectionSet[] = [top];
  while (queue.length > 0) {
    const set = queue.shift()!;
    const owners = isAbstractType(set.type) ? [set.type, ...schema.getPossibleTypes(set.type)] : [set.type];
    for (const owner of owners) {
      if (!isObjectType(owner) && !isInterfaceType(owner)) continue;
      const parts: SelectionSet['parts'] = [];
      const rank = (name: string) => (set === top && preferredRoots.includes(name) ? preferredRoots.indexOf(name) : preferredRoots.length);
      for (const field of Object.values(owner.getFields()).sort((a, b) => rank(a.name) - rank(b.name))) {
        // On an abstract type, interface fields are probed on the interface; implementations add their own.
        if (owner !== set.type && isInterfaceType(set.type) && set.type.getFields()[field.name]) continue;
        const coordinate = `${owner.name}.${field.name}`;
        const expected = expectedOutcome(coordinate, rules.get(coordinate), scopes);
        const path = [...set.path, field.name];
        probes.push({ coordinate, path, expected });
        const head = `${field.name}${argumentsFor(owner.name, field, fixtures)}`;
        const named = getNamedType(field.type);
        if (expected === 'deny') {
          parts.push({ denied: isCompositeType(named) ? `${head} { __typename }` : head });
        } else if (!isCompositeType(named)) {
          parts.push(head);
        } else if (!expanded.has(named.name)) {
          expanded.add(named.name);
          const child: SelectionSet = { type: named, path, parts: [] };
          queue.push(child);
          parts.push(`${head} {`, '__typename', child, '}');
        } else {
          parts.push(`${head} { __typename }`);
        }
      }
      if (owner === set.type) set.parts.push(...parts);
      else set.parts.push(`... on ${owner.name} {`, ...parts, '}');
    }
  }
  const render = (set: SelectionSet, withDenied: boolean): string =>
    [...set.parts.map((part) => (typeof part === 'string' ? part : 'denied' in part ? (withDenied ? part.denied : '') : render(part, withDenied))), '__typename'].join(' ');
  const keyword = operationType === 'Query' ? 'query' : 'mutation';
  const document = `${keyword} Matrix { ${render(top, true)} }`;
  const allowedDocument = `${keyword} Matrix { ${render(top, false)} }`;
  const reached = new Set(probes.map((p) => p.coordinate));
  const unreachable: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (!isObjectType(type) && !isInterfaceType(type))) continue;
    if (type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType()) continue;
    for (const name of Object.keys(type.getFields())) if (!reached.has(`${type.name}.${name}`)) unreachable.push(`${type.name}.${name}`);
  }
  return { document, allowedDocument, probes, unreachable };
}

function argumentsFor(typeName: string, field: GraphQLField<unknown, unknown>, fixtures: ArgumentFixtures): string {
  const coordinate = `${typeName}.${field.name}`;
  if (fixtures[coordinate] !== undefined) return fixtures[coordinate] ? `(${fixtures[coordinate]})` : '';
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (required.length > 0) {
    throw new Error(`the role × field matrix needs argument values for ${coordinate}(${required.map((a) => a.name).join(', ')}): add them to its fixtures`);
  }
  return field.args.some((arg) => arg.name === 'first') ? '(first: 2)' : '';
}
