/**
 * Removes the fields a viewer may not select from an operation before it is planned, as the
 * reference routers do: the removed fields never reach a subgraph, and each one is reported
 * with its path. Fields with a masking rule stay (their subgraph masks them). It also marks
 * what the audit trail must record: the sensitive fields read unmasked (the enclosing
 * customers' ids are added to the operation under a hidden alias) and every mutation.
 * It reads the operation as GraphQL executes it (gateway/operation/executed-selections.ts):
 * a field excluded by `@skip`/`@include` with the request's variables is neither refused nor
 * audited, and the filtered operation leaves it out; fragments are inlined (each named one
 * once per selection set), which the selection limit of gateway/operation/limits.ts keeps
 * bounded. The result depends only on the document, the values of the variables its
 * conditions read and the viewer's scopes, so it is cached per (operation, those values, scopes).
 */
import { createHash } from 'node:crypto';
import {
  getNamedType,
  type DirectiveNode,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  print,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { boundedCache, documentBytes, mib, type BoundedCache } from '../../subgraphs/shared/bounded-cache.js';
import { SENSITIVE_SCOPES } from '../../schema/access.js';
import { MASKED_FIELDS } from '../../schema/masking.js';
import type { Viewer } from '../../schema/viewer.js';
import { conditionVariables, executedSelections, fragmentApplies, rootFields, selectOperation, type Variables } from '../operation/executed-selections.js';
import { checkAccess, type Refusal } from './access-check.js';
import type { SecurityRules } from './security-rules.js';

/** One step of a removed field's path: the response key and the field's type there. */
export interface PathStep {
  key: string;
  type: GraphQLOutputType;
}

export interface RemovedField extends Refusal {
  coordinate: string;
  path: PathStep[];
}

export interface AuditPlan {
  kind: 'SENSITIVE_READ' | 'MUTATION';
  /** `Type.field` of the sensitive fields read unmasked, or of the mutation fields. */
  fields: string[];
  /** The mutation's root fields, to find the customer ids among their arguments. */
  mutationFields: FieldNode[];
}

export interface AuthorizedOperation {
  /** `null` when the original runs unchanged. */
  document: DocumentNode | null;
  queryHash: string | null;
  removed: RemovedField[];
  /** True when every root field was removed: nothing is left to execute. */
  empty: boolean;
  audit: AuditPlan | null;
}

/** Response keys starting with this are added by the gateway for itself and dropped from responses. */
export const HIDDEN_PREFIX = '__sb_';
/** Placeholder selected where removals leave a selection set empty, so the object stays. */
export const PLACEHOLDER_KEY = `${HIDDEN_PREFIX}removed`;
/** Hidden alias under which a customer's id is fetched for the audit trail. */
export const AUDIT_ID_KEY = `${HIDDEN_PREFIX}audit_id`;

const UNCHANGED: AuthorizedOperation = { document: null, queryHash: null, removed: [], empty: false, audit: null };

/** What a walk over one selection set found, besides the filtered selections. */
interface Walk {
  removed: RemovedField[];
  sensitive: Set<string>;
  /** Add the audit id to every Customer selection set (mutations), not only around sensitive fields. */
  auditAllCustomers: boolean;
  /** The request's variables, for `@skip`/`@include`. */
  variables: Variables;
}

/** A node without its `@skip`/`@include` (they were applied: it runs). */
function withoutConditions<T extends { readonly directives?: readonly DirectiveNode[] }>(node: T): T {
  if (!node.directives?.some((d) => d.name.value === 'skip' || d.name.value === 'include')) return node;
  return { ...node, directives: node.directives.filter((d) => d.name.value !== 'skip' && d.name.value !== 'include') };
}

export class OperationAuthorizer {
  private readonly cache: BoundedCache<AuthorizedOperation>;

  /** `cacheBytes`: the budget of the cache of results (by operation, condition values and scopes). */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: SecurityRules,
    cacheBytes = mib(16),
  ) {
    this.cache = boundedCache<AuthorizedOperation>({
      maxBytes: cacheBytes,
      // A rewritten document shares the original's nodes, so it keeps its source and tokens alive.
      sizeOf: (result) => (result.document ? documentBytes(result.document) : 64) + result.removed.length * 256,
    });
  }

  /**
   * The operation as `viewer` may run it with these variables; `queryHash` identifies the
   * document (Apollo Server's hash of its text).
   */
  authorize(document: DocumentNode, queryHash: string, operationName: string | null, viewer: Viewer | null, variables: Variables = {}): AuthorizedOperation {
    const conditions = conditionVariables(document);
    const conditionValues = conditions.length === 0 ? '' : JSON.stringify(conditions.map((name) => variables[name] ?? null));
    const key = `${queryHash}\u0000${operationName ?? ''}\u0000${viewer === null ? '-' : [...viewer.scopes].sort().join(' ')}\u0000${conditionValues}`;
    let result = this.cache.get(key);
    if (!result) {
      result = this.compute(document, operationName, viewer, variables);
      this.cache.set(key, result);
    }
    return result;
  }

  private compute(document: DocumentNode, operationName: string | null, viewer: Viewer | null, variables: Variables): AuthorizedOperation {
    const operation = selectOperation(document, operationName);
    const root = operation && this.schema.getRootType(operation.operation);
    if (!operation || !root) return UNCHANGED;
    const fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
    const isMutation = operation.operation === 'mutation';
    const walk: Walk = { removed: [], sensitive: new Set(), auditAllCustomers: isMutation, variables };
    const { selectionSet } = this.filterSelectionSet(operation.selectionSet, root, [], fragments, viewer, walk, new Set());
    // The mutation's root fields wherever the document spells them (directly or in fragments).
    const mutationFields = isMutation ? [...(rootFields(this.schema, document, operationName, variables)?.fields.values() ?? [])].flat() : [];
    const audit: AuditPlan | null = isMutation
      ? {
          kind: 'MUTATION',
          fields: [...new Set(mutationFields.map((field) => `${root.name}.${field.name.value}`))],
          mutationFields,
        }
      : walk.sensitive.size > 0
        ? { kind: 'SENSITIVE_READ', fields: [...walk.sensitive].sort(), mutationFields: [] }
        : null;
    if (walk.removed.length === 0 && audit === null) return UNCHANGED;
    const empty = selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.alias?.value === PLACEHOLDER_KEY);
    const filtered: DocumentNode = { kind: Kind.DOCUMENT, definitions: [{ ...operation, selectionSet }] };
    const queryHash = createHash('sha256').update(print(filtered)).digest('hex');
    return { document: filtered, queryHash, removed: walk.removed, empty, audit };
  }

  /**
   * Filters one selection set; `sensitive` tells whether it (or a child not under another
   * customer) reads a sensitive field. `visited`: the named fragments already inlined at
   * this field level.
   */
  private filterSelectionSet(
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    path: PathStep[],
    fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    viewer: Viewer | null,
    walk: Walk,
    visited: Set<string>,
  ): { selectionSet: SelectionSetNode; sensitive: boolean } {
    const selections: SelectionNode[] = [];
    let sensitive = false;
    for (const selection of executedSelections(selectionSet, fragments, walk.variables, visited)) {
      if (selection.kind === 'field') {
        const kept = this.filterField(selection.node, parentType, path, fragments, viewer, walk);
        if (kept) {
          selections.push(kept.field);
          sensitive ||= kept.sensitive;
        }
        continue;
      }
      // Fragments are inlined so that every removal has one path.
      const condition = selection.typeCondition ? this.schema.getType(selection.typeCondition) : parentType;
      if (!condition || !isCompositeType(condition)) continue;
      if (isObjectType(parentType) && !fragmentApplies(this.schema, condition.name, parentType)) continue; // never runs
      // A fragment that applies to whatever the parent is shares this level's spread fragments
      // (as execution collects them); a narrower one (`... on Admin` under `User`) starts from
      // a copy, since for other objects the fragments spread inside it were never visited.
      const shared = condition === parentType || isObjectType(parentType);
      const inner = this.filterSelectionSet(selection.selectionSet, condition, path, fragments, viewer, walk, shared ? visited : new Set(visited));
      sensitive ||= inner.sensitive;
      selections.push({
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: selection.node.typeCondition,
        directives: selection.name === null ? withoutConditions(selection.node).directives : undefined,
        selectionSet: inner.selectionSet,
      });
    }
    if (selections.length === 0) selections.push(hiddenField(PLACEHOLDER_KEY, '__typename'));
    if (parentType.name === 'Customer' && (sensitive || walk.auditAllCustomers)) {
      // The audit trail names the customers whose sensitive data was read: fetch their ids.
      selections.push(hiddenField(AUDIT_ID_KEY, 'id'));
      sensitive = false;
    }
    return { selectionSet: { ...selectionSet, selections }, sensitive };
  }

  private filterField(
    field: FieldNode,
    parentType: GraphQLCompositeType,
    path: PathStep[],
    fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    viewer: Viewer | null,
    walk: Walk,
  ): { field: FieldNode; sensitive: boolean } | null {
    const name = field.name.value;
    if (name.startsWith('__')) return { field: withoutConditions(field), sensitive: false };
    const definition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
    if (!definition) return { field: withoutConditions(field), sensitive: false }; // validation has passed; nothing to check here
    const coordinate = `${parentType.name}.${name}`;
    const step: PathStep = { key: field.alias?.value ?? name, type: definition.type };
    const returnType = getNamedType(definition.type);
    const refusal = this.refusal(coordinate, returnType.name, viewer);
    if (refusal && !(refusal.code === 'FORBIDDEN' && MASKED_FIELDS[coordinate])) {
      walk.removed.push({ ...refusal, coordinate, path: [...path, step] });
      return null;
    }
    // Read unmasked (no refusal) and guarded by a sensitive scope: the audit trail records it.
    const sensitive = refusal === null && this.isSensitive(coordinate);
    if (sensitive) walk.sensitive.add(coordinate);
    if (!field.selectionSet || !isCompositeType(returnType)) return { field: withoutConditions(field), sensitive };
    const inner = this.filterSelectionSet(field.selectionSet, returnType, [...path, step], fragments, viewer, walk, new Set());
    return { field: { ...withoutConditions(field), selectionSet: inner.selectionSet }, sensitive: sensitive || inner.sensitive };
  }

  private isSensitive(coordinate: string): boolean {
    const rule = this.rules.fields.get(coordinate);
    return rule !== undefined && rule.scopes.some((set) => set.some((scope) => (SENSITIVE_SCOPES as readonly string[]).includes(scope)));
  }

  private refusal(coordinate: string, returnTypeName: string, viewer: Viewer | null): Refusal | null {
    const fieldRule = this.rules.fields.get(coordinate);
    const typeRule = this.rules.types.get(returnTypeName);
    return (fieldRule && checkAccess(coordinate, fieldRule, viewer)) ?? (typeRule && checkAccess(coordinate, typeRule, viewer)) ?? null;
  }
}

export function hiddenField(alias: string, name: string, selectionSet?: SelectionSetNode): FieldNode {
  return { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: alias }, name: { kind: Kind.NAME, value: name }, selectionSet };
}
