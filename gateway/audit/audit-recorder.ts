/**
 * Writes the audit trail: one event per operation that read sensitive fields unmasked or
 * ran a mutation, with who, when, the operation name, the fields, the customers concerned
 * and the outcome — never the values. The write is awaited: when the trail cannot be
 * written, the sensitive data is not sent (fail closed).
 */
import { valueFromASTUntyped, type FieldNode } from 'graphql';
import type { Viewer } from '../../schema/viewer.js';
import type { AuditPlan } from '../authz/authorize-operation.js';
import type { AuditOutcome } from '../store/gateway-store.js';
import type { AuditBatcher } from './audit-batcher.js';

/** Argument names that carry a customer id in mutations. */
const CUSTOMER_ID_ARGUMENTS = new Set(['customerId', 'requesterId']);

function collectCustomerIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectCustomerIds(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (CUSTOMER_ID_ARGUMENTS.has(key) && typeof inner === 'string') into.add(inner);
      else collectCustomerIds(inner, into);
    }
  }
}

function argumentCustomerIds(fields: readonly FieldNode[], variables: Record<string, unknown>): Set<string> {
  const ids = new Set<string>();
  for (const field of fields) {
    for (const argument of field.arguments ?? []) {
      const value = valueFromASTUntyped(argument.value, variables);
      if (CUSTOMER_ID_ARGUMENTS.has(argument.name.value) && typeof value === 'string') ids.add(value);
      else collectCustomerIds(value, ids);
    }
  }
  return ids;
}

export interface AuditInput {
  plan: AuditPlan;
  viewer: Viewer;
  operationName: string | null;
  requestId: string;
  variables: Record<string, unknown>;
  /** Customer ids seen in the response. */
  responseCustomerIds: Set<string>;
  hasData: boolean;
  hasErrors: boolean;
  /** Stops waiting for the write when it aborts (the request's deadline plus a grace): the call then fails. */
  signal?: AbortSignal | undefined;
}

export async function recordAudit(trail: AuditBatcher, input: AuditInput): Promise<void> {
  const customerIds = new Set(input.responseCustomerIds);
  for (const id of argumentCustomerIds(input.plan.mutationFields, input.variables)) customerIds.add(id);
  const outcome: AuditOutcome = !input.hasErrors ? 'OK' : input.hasData ? 'PARTIAL' : 'ERROR';
  await trail.append({
    subject: input.viewer.subject,
    role: input.viewer.role,
    operationName: input.operationName,
    kind: input.plan.kind,
    fields: input.plan.fields,
    customerIds: [...customerIds].sort(),
    outcome,
    requestId: input.requestId,
  }, input.signal);
}
