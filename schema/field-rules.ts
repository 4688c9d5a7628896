/**
 * Each subgraph (and each subgraph the gateway serves itself: audit, webhooks) enforces the
 * authorization rules of its own SDL on its own fields, on top of
 * the gateway (defence in depth: a request that reaches a subgraph some other way still gets
 * nothing it may not see). The rule of a field is computed as at the gateway
 * (schema/field-guards.ts): the conjunction of the `@requiresScopes` rules on the field, its
 * parent type and its return type, as far as this subgraph's SDL declares them. A refused
 * field resolves to a `FORBIDDEN` error, or to the masked value where `schema/masking.ts` has
 * a rule for it and the mask's scope is the only one the caller lacks. `@authenticated` needs
 * nothing more here (every subgraph request carries a viewer); `@policy` rules are the
 * gateway's (none are declared).
 */
import { defaultFieldResolver, isInterfaceType, isObjectType, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Scope } from './access.js';
import { switchboardError } from './errors.js';
import { effectiveFieldRules, readDeclaredRules } from './field-guards.js';
import { MASKED_FIELDS } from './masking.js';
import { hasScope, type Viewer } from './viewer.js';

/** Whether `viewer` holds every scope of at least one set (no sets: nothing required). */
export function allowed(viewer: Viewer | null, sets: readonly (readonly string[])[]): boolean {
  return sets.length === 0 || sets.some((set) => set.every((scope) => hasScope(viewer, scope as Scope)));
}

/** Whether `viewer` would be allowed if they also held `scope`: then a mask for that scope applies. */
function lacksOnly(viewer: Viewer | null, sets: readonly (readonly string[])[], scope: string): boolean {
  return sets.some((set) => set.every((s) => s === scope || hasScope(viewer, s as Scope)));
}

/** Wraps the resolvers of every field with a scope rule in `sdl`; mutates and returns `schema`. */
export function enforceFieldRules(schema: GraphQLSchema, sdl: DocumentNode): GraphQLSchema {
  for (const [coordinate, rule] of effectiveFieldRules(schema, readDeclaredRules(sdl))) {
    const sets = rule.scopes;
    if (sets.length === 0) continue;
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    const type = schema.getType(typeName);
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const field = type.getFields()[fieldName];
    if (!field) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    const mask = MASKED_FIELDS[coordinate];
    const needed = sets.map((set) => set.join(' and ')).join(' or ');
    const subscribe = field.subscribe;
    if (subscribe) {
      // A subscription is refused before it starts, not event by event.
      field.subscribe = (source, args, context: { viewer?: Viewer | null }, info) => {
        if (!allowed(context.viewer ?? null, sets)) throw switchboardError('FORBIDDEN', `Not allowed to read ${coordinate}: it requires the scope ${needed}.`, { field: coordinate });
        return subscribe(source, args, context, info);
      };
    }
    field.resolve = (source, args, context: { viewer?: Viewer | null }, info) => {
      const viewer = context.viewer ?? null;
      if (allowed(viewer, sets)) return resolve(source, args, context, info);
      if (mask && lacksOnly(viewer, sets, mask.scope)) {
        return Promise.resolve(resolve(source, args, context, info)).then((value) => (value == null ? value : mask.mask(value)));
      }
      throw switchboardError('FORBIDDEN', `Not allowed to read ${coordinate}: it requires the scope ${needed}.`, { field: coordinate });
    };
  }
  return schema;
}
