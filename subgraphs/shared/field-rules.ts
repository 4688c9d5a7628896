/**
 * Each subgraph enforces the `@requiresScopes` rules of its own SDL on its own fields, on
 * top of the gateway (defence in depth: a request that reaches a subgraph some other way
 * still gets nothing it may not see). A refused field resolves to a `FORBIDDEN` error, or to
 * the masked value where `schema/masking.ts` has a rule for it.
 */
import { defaultFieldResolver, isInterfaceType, isObjectType, Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Scope } from '../../schema/access.js';
import { switchboardError } from '../../schema/errors.js';
import { MASKED_FIELDS } from '../../schema/masking.js';
import { hasScope, type Viewer } from '../../schema/viewer.js';

function scopeRules(sdl: DocumentNode): Map<string, string[][]> {
  const rules = new Map<string, string[][]>();
  for (const definition of sdl.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION
    ) {
      continue;
    }
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === 'requiresScopes');
      const value = directive?.arguments?.find((a) => a.name.value === 'scopes')?.value;
      if (value?.kind !== Kind.LIST) continue;
      const sets = value.values.map((set) => (set.kind === Kind.LIST ? set.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : []));
      rules.set(`${definition.name.value}.${field.name.value}`, sets);
    }
  }
  return rules;
}

export function allowed(viewer: Viewer | null, sets: string[][]): boolean {
  return sets.some((set) => set.every((scope) => hasScope(viewer, scope as Scope)));
}

/** Wraps the resolvers of every field with a scope rule in `sdl`; mutates and returns `schema`. */
export function enforceFieldRules(schema: GraphQLSchema, sdl: DocumentNode): GraphQLSchema {
  for (const [coordinate, sets] of scopeRules(sdl)) {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    const type = schema.getType(typeName);
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const field = type.getFields()[fieldName];
    if (!field) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    const mask = MASKED_FIELDS[coordinate];
    const needed = sets.map((set) => set.join(' and ')).join(' or ');
    field.resolve = (source, args, context: { viewer?: Viewer | null }, info) => {
      if (allowed(context.viewer ?? null, sets)) return resolve(source, args, context, info);
      if (mask) return Promise.resolve(resolve(source, args, context, info)).then((value) => (value == null ? value : mask.mask(value)));
      throw switchboardError('FORBIDDEN', `Not allowed to read ${coordinate}: it requires the scope ${needed}.`, { field: coordinate });
    };
  }
  return schema;
}
