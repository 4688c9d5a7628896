/**
 * Reads the authorization rules the subgraphs declared with `@authenticated`,
 * `@requiresScopes` and `@policy` out of the composed supergraph, and gives back a
 * supergraph `@apollo/gateway` will load: it refuses any feature linked `for: SECURITY`,
 * so that purpose is dropped and the gateway enforces the rules itself (see authorize-operation.ts).
 *
 * Deny by default (schema/field-guards.ts): a supergraph in which a field of the API schema
 * has no rule and no `@authenticated` marking is refused with an error naming every such
 * field, whoever composed it. At start that stops the gateway; on a reload the gateway keeps
 * the supergraph it has.
 */
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, print, visit, type GraphQLSchema } from 'graphql';
import { effectiveFieldRules, readDeclaredRules, SECURITY_SPECS, unguardedFields, unguardedFieldsError, type AccessRule } from '../../schema/field-guards.js';

export type { AccessRule } from '../../schema/field-guards.js';

export interface SecurityRules {
  /**
   * By `Type.field`: the effective rule of each field of the API schema, the conjunction of
   * the rules on the field, its parent type and its return type (schema/field-guards.ts).
   */
  fields: ReadonlyMap<string, AccessRule>;
  /** By type name, as declared: rules on a whole type apply to every field returning it. */
  types: ReadonlyMap<string, AccessRule>;
}

/** The rules, the SDL `@apollo/gateway` loads, and the API schema both describe. */
export interface ReadSecurityRules {
  rules: SecurityRules;
  executableSdl: string;
  apiSchema: GraphQLSchema;
}

/**
 * Reads the rules of a composed supergraph. Throws when a field of its API schema is
 * unguarded (the message names each one) or when the supergraph is not valid.
 */
export function readSecurityRules(supergraphSdl: string): ReadSecurityRules {
  const document = parse(supergraphSdl);
  const declared = readDeclaredRules(document);
  const executable = visit(document, {
    Directive(node) {
      if (node.name.value !== 'link') return undefined;
      const url = node.arguments?.find((a) => a.name.value === 'url')?.value;
      if (url?.kind !== Kind.STRING || !Object.values(SECURITY_SPECS).some((prefix) => url.value.startsWith(prefix))) return undefined;
      return { ...node, arguments: node.arguments?.filter((a) => a.name.value !== 'for') };
    },
  });
  const executableSdl = print(executable);
  const apiSchema = Supergraph.build(executableSdl).apiSchema().toGraphQLJSSchema();
  const unguarded = unguardedFields(apiSchema, declared);
  if (unguarded.length > 0) throw unguardedFieldsError(unguarded);
  return { rules: { fields: effectiveFieldRules(apiSchema, declared), types: declared.types }, executableSdl, apiSchema };
}
