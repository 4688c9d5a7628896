/**
 * Reads the authorization rules the subgraphs declared with `@authenticated`,
 * `@requiresScopes` and `@policy` out of the composed supergraph, and gives back a
 * supergraph `@apollo/gateway` will load: it refuses any feature linked `for: SECURITY`,
 * so that purpose is dropped and the gateway enforces the rules itself (see authorize-operation.ts).
 */
import { Kind, parse, print, visit, type ConstDirectiveNode, type DocumentNode } from 'graphql';

export interface AccessRule {
  /** Any authenticated caller. */
  authenticated: boolean;
  /** Alternatives of scope sets: allowed when the caller has every scope of at least one set. */
  scopes: string[][];
  /** Named policies, same shape; evaluated by the policy registry. */
  policies: string[][];
}

export interface SecurityRules {
  /** By `Type.field`. */
  fields: ReadonlyMap<string, AccessRule>;
  /** By type name: rules on a whole type apply to every field returning it. */
  types: ReadonlyMap<string, AccessRule>;
}

const SPECS = {
  authenticated: 'https://specs.apollo.dev/authenticated/',
  requiresScopes: 'https://specs.apollo.dev/requiresScopes/',
  policy: 'https://specs.apollo.dev/policy/',
} as const;

function stringMatrix(directive: ConstDirectiveNode, argument: string): string[][] {
  const value = directive.arguments?.find((a) => a.name.value === argument)?.value;
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((inner) => (inner.kind === Kind.LIST ? inner.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : []));
}

/** The names the supergraph uses for the security directives (a `@link` may rename them with `as`). */
function directiveNames(document: DocumentNode): Record<keyof typeof SPECS, string> {
  const names = { authenticated: 'authenticated', requiresScopes: 'requiresScopes', policy: 'policy' };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'link') continue;
      const url = directive.arguments?.find((a) => a.name.value === 'url')?.value;
      const as = directive.arguments?.find((a) => a.name.value === 'as')?.value;
      if (url?.kind !== Kind.STRING || as?.kind !== Kind.STRING) continue;
      for (const [key, prefix] of Object.entries(SPECS) as [keyof typeof SPECS, string][]) {
        if (url.value.startsWith(prefix)) names[key] = as.value;
      }
    }
  }
  return names;
}

function ruleFrom(directives: readonly ConstDirectiveNode[] | undefined, names: Record<keyof typeof SPECS, string>): AccessRule | null {
  let rule: AccessRule | null = null;
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name !== names.authenticated && name !== names.requiresScopes && name !== names.policy) continue;
    rule ??= { authenticated: false, scopes: [], policies: [] };
    if (name === names.authenticated) rule.authenticated = true;
    if (name === names.requiresScopes) rule.scopes.push(...stringMatrix(directive, 'scopes'));
    if (name === names.policy) rule.policies.push(...stringMatrix(directive, 'policies'));
  }
  return rule;
}

export function readSecurityRules(supergraphSdl: string): { rules: SecurityRules; executableSdl: string } {
  const document = parse(supergraphSdl);
  const names = directiveNames(document);
  const fields = new Map<string, AccessRule>();
  const types = new Map<string, AccessRule>();
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.SCALAR_TYPE_DEFINITION &&
      definition.kind !== Kind.ENUM_TYPE_DEFINITION
    ) {
      continue;
    }
    const typeRule = ruleFrom(definition.directives, names);
    if (typeRule) types.set(definition.name.value, typeRule);
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      for (const field of definition.fields ?? []) {
        const rule = ruleFrom(field.directives, names);
        if (rule) fields.set(`${definition.name.value}.${field.name.value}`, rule);
      }
    }
  }
  const executable = visit(document, {
    Directive(node) {
      if (node.name.value !== 'link') return undefined;
      const url = node.arguments?.find((a) => a.name.value === 'url')?.value;
      if (url?.kind !== Kind.STRING || !Object.values(SPECS).some((prefix) => url.value.startsWith(prefix))) return undefined;
      return { ...node, arguments: node.arguments?.filter((a) => a.name.value !== 'for') };
    },
  });
  return { rules: { fields, types }, executableSdl: print(executable) };
}
