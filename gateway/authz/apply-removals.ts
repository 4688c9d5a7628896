/**
 * Puts the removed fields back into a response as `null`, the way GraphQL execution would
 * have: a removed non-null field makes its nearest nullable parent `null`. Also drops the
 * hidden fields the authorizer added (placeholders that kept emptied objects alive, and the
 * customer ids fetched for the audit trail, which it returns).
 */
import { isListType, isNonNullType, type GraphQLOutputType } from 'graphql';
import { AUDIT_ID_KEY, HIDDEN_PREFIX, type PathStep, type RemovedField } from './authorize-operation.js';

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

/** Returns true when the value at this position must become null (a non-null child was nulled). */
function nullAt(value: Json | undefined, type: GraphQLOutputType, path: PathStep[], index: number): boolean {
  if (value === null || value === undefined) return false;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return false;
    const itemType = inner.ofType as GraphQLOutputType;
    for (let i = 0; i < value.length; i += 1) {
      if (nullAt(value[i], itemType, path, index)) {
        if (isNonNullType(itemType)) return true;
        value[i] = null;
      }
    }
    return false;
  }
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const step = path[index]!;
  if (index === path.length - 1) {
    value[step.key] = null;
    return isNonNullType(step.type);
  }
  if (nullAt(value[step.key], step.type, path, index + 1)) {
    value[step.key] = null;
    return isNonNullType(step.type);
  }
  return false;
}

function dropHiddenFields(value: Json | undefined, auditIds: Set<string>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) dropHiddenFields(item, auditIds);
    return;
  }
  const auditId = value[AUDIT_ID_KEY];
  if (typeof auditId === 'string') auditIds.add(auditId);
  for (const key in value) {
    if (key.startsWith(HIDDEN_PREFIX)) delete value[key];
    else dropHiddenFields(value[key], auditIds);
  }
}

/**
 * Mutates `data` into what is sent: hidden fields dropped (their audit ids collected into
 * `auditIds`), removed fields `null`; the result is `null` when a removal nulls the whole response.
 */
export function finishResponse(
  data: Record<string, unknown> | null | undefined,
  removed: readonly RemovedField[],
  auditIds: Set<string>,
): Record<string, unknown> | null {
  if (!data) return data ?? null;
  const root = data as { [key: string]: Json };
  dropHiddenFields(root, auditIds);
  for (const { path } of removed) {
    const [first] = path;
    if (!first) continue;
    if (path.length === 1) {
      root[first.key] = null;
      if (isNonNullType(first.type)) return null;
      continue;
    }
    if (nullAt(root[first.key], first.type, path, 1)) {
      root[first.key] = null;
      if (isNonNullType(first.type)) return null;
    }
  }
  return root;
}
