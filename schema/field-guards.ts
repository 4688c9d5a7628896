/**
 * Deny by default: every field of the API schema must say who may read it. This module reads
 * the authorization rules (`@requiresScopes`, `@authenticated`, `@policy`) of a schema
 * document, computes the rule each field is effectively under, and lists the fields without
 * one. Used by composition (`schema/compose.ts` refuses to write such a supergraph), by the
 * gateway at start and on every reload (`gateway/authz/security-rules.ts` refuses to load
 * one), by each subgraph (`schema/field-rules.ts`) and by the role × field test.
 *
 * What counts as guarded (docs/authorization.md, "Deny by default"): a field of an object
 * type is guarded when a rule is declared
 * - on the field itself,
 * - on its parent type (the rule then applies to every field of that type, including fields
 *   other subgraphs add), or
 * - on the named type it returns (Apollo's semantics: the rule applies to every field
 *   returning that type).
 * `@authenticated` is the explicit public marking: any signed-in caller who reaches the field
 * may read it. A field of an interface (interfaces cannot carry rules in Federation) is
 * guarded when the field is guarded on every implementation; its rule is the conjunction of
 * theirs. The effective rule of a field is the conjunction (AND) of all rules that apply.
 */
import {
  getNamedType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** One authorization rule. Every rule implies a signed-in caller. */
export interface AccessRule {
  /** `@authenticated`: any signed-in caller. */
  authenticated: boolean;
  /** `@requiresScopes`: alternatives of scope sets; allowed when the caller has every scope of at least one set. Empty: no scope needed. */
  scopes: string[][];
  /** `@policy`: named policies, same shape. */
  policies: string[][];
}

/** The rules as declared in a schema document: on fields (`Type.field`) and on types (by name). */
export interface DeclaredRules {
  fields: ReadonlyMap<string, AccessRule>;
  types: ReadonlyMap<string, AccessRule>;
}

/** The specs that carry rules, by the URL prefix a `@link` names them with. */
export const SECURITY_SPECS = {
  authenticated: 'https://specs.apollo.dev/authenticated/',
  requiresScopes: 'https://specs.apollo.dev/requiresScopes/',
  policy: 'https://specs.apollo.dev/policy/',
} as const;

type DirectiveNames = Record<keyof typeof SECURITY_SPECS, string>;

function stringMatrix(directive: ConstDirectiveNode, argument: string): string[][] {
  const value = directive.arguments?.find((a) => a.name.value === argument)?.value;
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((inner) => (inner.kind === Kind.LIST ? inner.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : []));
}

/** The names a document uses for the security directives (a supergraph's `@link` may rename them with `as`). */
function directiveNames(document: DocumentNode): DirectiveNames {
  const names: DirectiveNames = { authenticated: 'authenticated', requiresScopes: 'requiresScopes', policy: 'policy' };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'link') continue;
      const url = directive.arguments?.find((a) => a.name.value === 'url')?.value;
      const as = directive.arguments?.find((a) => a.name.value === 'as')?.value;
      if (url?.kind !== Kind.STRING || as?.kind !== Kind.STRING) continue;
      for (const [key, prefix] of Object.entries(SECURITY_SPECS) as [keyof typeof SECURITY_SPECS, string][]) {
        if (url.value.startsWith(prefix)) names[key] = as.value;
      }
    }
  }
  return names;
}

function ruleFrom(directives: readonly ConstDirectiveNode[] | undefined, names: DirectiveNames): AccessRule | null {
  let rule: AccessRule | null = null;
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name !== names.authenticated && name !== names.requiresScopes && name !== names.policy) continue;
    rule ??= { authenticated: false, scopes: [], policies: [] };
    if (name === names.authenticated) rule.authenticated = true;
    if (name === names.requiresScopes) rule.scopes = conjunction(rule.scopes, stringMatrix(directive, 'scopes'));
    if (name === names.policy) rule.policies = conjunction(rule.policies, stringMatrix(directive, 'policies'));
  }
  return rule;
}

/**
 * The rules declared in a supergraph or subgraph SDL document, on object, interface, scalar
 * and enum types and their fields (type extensions included).
 */
export function readDeclaredRules(document: DocumentNode): DeclaredRules {
  const names = directiveNames(document);
  const fields = new Map<string, AccessRule>();
  const types = new Map<string, AccessRule>();
  const add = (map: Map<string, AccessRule>, key: string, rule: AccessRule | null) => {
    if (rule) map.set(key, map.has(key) ? both(map.get(key)!, rule) : rule);
  };
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        add(types, definition.name.value, ruleFrom(definition.directives, names));
        for (const field of definition.fields ?? []) add(fields, `${definition.name.value}.${field.name.value}`, ruleFrom(field.directives, names));
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        add(types, definition.name.value, ruleFrom(definition.directives, names));
        break;
      default:
        break;
    }
  }
  return { fields, types };
}

/** `a AND b` of two scope (or policy) alternatives in disjunctive normal form; `[]` means no requirement. */
export function conjunction(a: readonly string[][], b: readonly string[][]): string[][] {
  if (a.length === 0) return b.map((set) => [...set]);
  if (b.length === 0) return a.map((set) => [...set]);
  const sets = a.flatMap((x) => b.map((y) => [...new Set([...x, ...y])].sort()));
  // Absorption: a set that contains another set adds nothing to the alternatives.
  const unique = [...new Map(sets.map((set) => [set.join('\u0000'), set])).values()];
  return unique.filter((set) => !unique.some((other) => other !== set && other.length < set.length && other.every((s) => set.includes(s))));
}

/** Both rules at once. */
export function both(a: AccessRule, b: AccessRule): AccessRule {
  return { authenticated: a.authenticated || b.authenticated, scopes: conjunction(a.scopes, b.scopes), policies: conjunction(a.policies, b.policies) };
}

/** The conjunction of the rules given; null when none is given or the result requires nothing (`@requiresScopes(scopes: [])` guards nothing). */
function allOf(rules: readonly (AccessRule | null | undefined)[]): AccessRule | null {
  const rule = rules.reduce<AccessRule | null>((acc, next) => (next ? (acc ? both(acc, next) : next) : acc), null);
  return rule && (rule.authenticated || rule.scopes.length > 0 || rule.policies.length > 0) ? rule : null;
}

function objectFieldRule(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, declared: DeclaredRules): AccessRule | null {
  return allOf([declared.fields.get(`${type.name}.${field.name}`), declared.types.get(type.name), declared.types.get(getNamedType(field.type).name)]);
}

function interfaceFieldRule(schema: GraphQLSchema, type: GraphQLInterfaceType, name: string, declared: DeclaredRules): AccessRule | null {
  const implementations = schema.getImplementations(type).objects;
  const rules = implementations.map((object) => {
    const field = object.getFields()[name];
    return field ? objectFieldRule(object, field, declared) : null;
  });
  if (rules.length === 0 || rules.some((rule) => rule === null)) return null;
  return allOf([declared.fields.get(`${type.name}.${name}`), ...rules]);
}

/**
 * The effective rule of every guarded field of `schema` (the API schema), by `Type.field`:
 * the conjunction of the rules on the field, its parent type and its return type (for an
 * interface field, of every implementation's). Fields without any rule are absent: see
 * `unguardedFields`.
 */
export function effectiveFieldRules(schema: GraphQLSchema, declared: DeclaredRules): Map<string, AccessRule> {
  const rules = new Map<string, AccessRule>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const rule = objectFieldRule(type, field, declared);
        if (rule) rules.set(`${type.name}.${field.name}`, rule);
      }
    } else if (isInterfaceType(type)) {
      for (const name of Object.keys(type.getFields())) {
        const rule = interfaceFieldRule(schema, type, name, declared);
        if (rule) rules.set(`${type.name}.${name}`, rule);
      }
    }
  }
  return rules;
}

/** Every field of the API schema (`Type.field`, sorted) with neither a rule nor a public marking. */
export function unguardedFields(schema: GraphQLSchema, declared: DeclaredRules): string[] {
  const guarded = effectiveFieldRules(schema, declared);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || (!isObjectType(type) && !isInterfaceType(type))) continue;
    for (const name of Object.keys(type.getFields())) {
      if (!guarded.has(`${type.name}.${name}`)) missing.push(`${type.name}.${name}`);
    }
  }
  return missing.sort();
}

/** The error for a schema with unguarded fields; names each one and says how to fix it. */
export function unguardedFieldsError(fields: readonly string[]): Error {
  return new Error(
    `${fields.length} field(s) of the API schema have no authorization rule (deny by default): ${fields.join(', ')}. ` +
      'Give each one @requiresScopes (on the field, its type or its return type) or mark it public with @authenticated; see docs/authorization.md.',
  );
}
