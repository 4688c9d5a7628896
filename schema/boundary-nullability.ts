/**
 * The nullability rule at the boundaries between systems, read from a composed supergraph.
 *
 * GraphQL nulls the nearest nullable ancestor of a non-null field that has no value (spec,
 * "Handling Field Errors"). A field whose value can go missing because another system failed,
 * or because the gateway removed it for want of a scope, must therefore be nullable, or the
 * loss spreads to data of other systems. A field must be nullable when it is:
 *
 * 1. a root `Query` or `Mutation` field: one operation may select root fields of several
 *    subgraphs, and a failed or refused one must not take `data` with it;
 * 2. guarded by `@requiresScopes`: the gateway removes it for callers without the scope;
 *    except when every caller who may read any other field of the object may read it too
 *    (every sibling's rule implies its rule: `Customer.id`, readable with `customers:read`
 *    or `reports:read` like the customer's name): it is then never removed alone;
 * 3. a reference to an entity (or to any object) that has a non-null field the referencing
 *    subgraph does not resolve itself (another subgraph adds it by an entity fetch): when that
 *    fetch fails, the reference is what becomes `null`. For a list, the entries must be
 *    nullable (`[Customer]!`), so one missing entity does not remove the others.
 *
 * `Subscription` fields are left out (an operation has exactly one). The gateway's query
 * planning makes fields resolved by the referencing subgraph itself arrive with the reference.
 */
import {
  buildASTSchema,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** One field that breaks the rule: `Type.field`, which clause, and why. */
export interface BoundaryViolation {
  field: string;
  rule: 'root' | 'scope' | 'reference';
  reason: string;
}

/** Every field of `supergraphSdl` (a composed supergraph) that breaks the rule above. */
export function boundaryNullabilityViolations(supergraphSdl: string): BoundaryViolation[] {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const violations: BoundaryViolation[] = [];
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name].filter(Boolean));
  const subscription = schema.getSubscriptionType()?.name;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith('__') || type.name === subscription) continue;
    if (type.name.startsWith('join__') || type.name.startsWith('link__')) continue;
    for (const field of Object.values(type.getFields())) {
      const name = `${type.name}.${field.name}`;
      if (roots.has(type.name) && isNonNullType(field.type)) {
        violations.push({ field: name, rule: 'root', reason: 'a root field of one subgraph that fails or is refused would null the whole `data`' });
        continue;
      }
      if (hasDirective(field, 'requiresScopes') && isNonNullType(field.type) && !impliedBySiblings(type, field)) {
        violations.push({ field: name, rule: 'scope', reason: 'removed for callers without the scope, it would null its parent' });
        continue;
      }
      if (!isNonNullType(elementType(field.type))) continue;
      const target = getNamedType(field.type);
      if (!(isObjectType(target) || isInterfaceType(target))) continue;
      for (const graph of resolvingGraphs(type, field)) {
        const foreign = foreignNonNullFields(schema, target, graph);
        if (foreign.length > 0) {
          violations.push({
            field: name,
            rule: 'reference',
            reason: `resolved in ${graph}, its ${target.name} needs the non-null ${foreign.join(', ')} from another subgraph`,
          });
          break;
        }
      }
    }
  }
  return violations;
}

/** The type at the element position: `T` of `T`, `T!`, `[T!]!`, `[[T]!]`. */
function elementType(type: GraphQLOutputType): GraphQLOutputType {
  let current = type;
  for (;;) {
    const inner = isNonNullType(current) ? current.ofType : current;
    if (!isListType(inner)) return current;
    current = inner.ofType;
  }
}

/** A `@requiresScopes` rule: alternatives of scope sets (any set, all of its scopes). */
type ScopeRule = string[][];

function scopeRule(node: { directives?: readonly ConstDirectiveNode[] } | null | undefined): ScopeRule | null {
  const directive = (node?.directives ?? []).find((d) => d.name.value === 'requiresScopes');
  const value = directive?.arguments?.find((a) => a.name.value === 'scopes')?.value;
  if (!value || value.kind !== 'ListValue') return null;
  return value.values.map((set) => (set.kind === 'ListValue' ? set.values.flatMap((v) => (v.kind === 'StringValue' ? [v.value] : [])) : []));
}

/** Whether every scope set that satisfies `stronger` satisfies `weaker` too. */
function implies(stronger: ScopeRule, weaker: ScopeRule): boolean {
  return stronger.every((set) => weaker.some((alternative) => alternative.every((scope) => set.includes(scope))));
}

/** Whether each other field of `type` has a rule (its own or the type's) that implies this field's rule. */
function impliedBySiblings(type: GraphQLObjectType | GraphQLInterfaceType, field: GraphQLField<unknown, unknown>): boolean {
  const own = scopeRule(field.astNode);
  if (!own) return false;
  const typeRule = scopeRule(type.astNode);
  return Object.values(type.getFields()).every((sibling) => {
    if (sibling === field) return true;
    const rule = scopeRule(sibling.astNode) ?? typeRule;
    return rule !== null && implies(rule, own);
  });
}

function hasDirective(field: GraphQLField<unknown, unknown>, name: string): boolean {
  return (field.astNode?.directives ?? []).some((d) => d.name.value === name);
}

function joinDirectives(node: { directives?: readonly ConstDirectiveNode[] } | null | undefined, name: string): Map<string, string | boolean>[] {
  return (node?.directives ?? [])
    .filter((d) => d.name.value === name)
    .map((d) => new Map((d.arguments ?? []).map((a) => [a.name.value, a.value.kind === 'BooleanValue' ? a.value.value : 'value' in a.value ? String(a.value.value) : ''])));
}

/** The graphs of `@join__type` on a type. */
function typeGraphs(type: GraphQLNamedType): string[] {
  return joinDirectives(type.astNode, 'join__type').map((args) => String(args.get('graph')));
}

/**
 * The graphs that resolve `field` of `type` themselves: its non-external `@join__field`
 * graphs, or, without any `@join__field`, every graph that defines the type.
 */
function resolvingGraphs(type: GraphQLObjectType | GraphQLInterfaceType, field: GraphQLField<unknown, unknown>): string[] {
  const joins = joinDirectives(field.astNode, 'join__field');
  if (joins.length === 0) return typeGraphs(type);
  return joins.filter((args) => args.get('external') !== true && args.has('graph')).map((args) => String(args.get('graph')));
}

/** The non-null fields of `type` (and of its implementations) that `graph` does not resolve. */
function foreignNonNullFields(schema: GraphQLSchema, type: GraphQLObjectType | GraphQLInterfaceType, graph: string): string[] {
  const types = isInterfaceType(type) ? [type, ...schema.getPossibleTypes(type)] : [type];
  const foreign: string[] = [];
  for (const candidate of types) {
    for (const field of Object.values(candidate.getFields())) {
      if (isNonNullType(field.type) && !resolvingGraphs(candidate, field).includes(graph)) foreign.push(`${candidate.name}.${field.name}`);
    }
  }
  return foreign;
}
