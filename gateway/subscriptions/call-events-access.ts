/**
 * Who may subscribe to which call events (`Subscription.callEvents`), checked before the
 * subscription starts: an agent only to their own calls (`agentId` = their agent id); a
 * supervisor to their team's calls (any `agentId`/`queueId` filter narrows further; events of
 * other teams' calls are never delivered); an admin to all calls. Other callers need no more
 * than the field's `calls:read` scope. For supervisors the gateway adds a hidden selection of
 * the call's agent team to the operation and drops events of other teams. For agents it adds
 * the caller's number: the customer on the agent's call gets full details (record-level rule).
 */
import { Kind, valueFromASTUntyped, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { switchboardError } from '../../schema/errors.js';
import type { Viewer } from '../../schema/viewer.js';
import { HIDDEN_PREFIX, hiddenField } from '../authz/authorize-operation.js';

export const TEAM_KEY = `${HIDDEN_PREFIX}team`;
export const PARTY_KEY = `${HIDDEN_PREFIX}party`;

export interface CallEventsAccess {
  /** The document to plan (with hidden selections added). */
  document: DocumentNode;
  /** When set, only events whose call's agent is in this team are delivered. */
  team: string | null;
  /** Whether each event carries the caller's number for the record-level rule (agents). */
  party: boolean;
  /** The response key of the root field (to read hidden fields from events). */
  rootKey: string;
}

function select(name: string, selections: FieldNode[] = []): FieldNode {
  return { kind: Kind.FIELD, name: { kind: Kind.NAME, value: name }, selectionSet: selections.length > 0 ? { kind: Kind.SELECTION_SET, selections } : undefined };
}

/** `document` with `extra` added under its root field. */
function withHiddenSelection(document: DocumentNode, root: { operation: OperationDefinitionNode; field: FieldNode }, extra: FieldNode): DocumentNode {
  const field: FieldNode = { ...root.field, selectionSet: { kind: Kind.SELECTION_SET, selections: [...(root.field.selectionSet?.selections ?? []), extra] } };
  const operation: OperationDefinitionNode = { ...root.operation, selectionSet: { ...root.operation.selectionSet, selections: [field] } };
  return { ...document, definitions: document.definitions.map((d) => (d === root.operation ? operation : d)) };
}

function rootField(document: DocumentNode, operationName: string | null): { operation: OperationDefinitionNode; field: FieldNode } | null {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName === null || d.name?.value === operationName),
  );
  const field = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  return operation && field ? { operation, field } : null;
}

export function checkCallEventsAccess(document: DocumentNode, operationName: string | null, variables: Record<string, unknown>, viewer: Viewer): CallEventsAccess {
  const root = rootField(document, operationName);
  if (!root || root.field.name.value !== 'callEvents') return { document, team: null, party: false, rootKey: root?.field.alias?.value ?? root?.field.name.value ?? '' };
  const args = Object.fromEntries((root.field.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));
  const agentId = typeof args.agentId === 'string' ? args.agentId : null;
  const rootKey = root.field.alias?.value ?? 'callEvents';
  if (viewer.role === 'agent') {
    if (!viewer.agentId) throw switchboardError('FORBIDDEN', 'Your token names no agent (claim "agent_id"), so you cannot subscribe to call events.');
    if (agentId !== viewer.agentId) {
      throw switchboardError('FORBIDDEN', `Agents subscribe to their own calls only: pass agentId: "${viewer.agentId}".`, { argumentName: 'agentId' });
    }
    const party = hiddenField(PARTY_KEY, 'call', { kind: Kind.SELECTION_SET, selections: [select('caller', [select('phone')])] });
    return { document: withHiddenSelection(document, root, party), team: null, party: true, rootKey };
  }
  if (viewer.role === 'supervisor') {
    if (!viewer.team) throw switchboardError('FORBIDDEN', 'Your token names no team (claim "team"), so you cannot subscribe to call events.');
    const team = hiddenField(TEAM_KEY, 'call', { kind: Kind.SELECTION_SET, selections: [select('agent', [select('team')])] });
    return { document: withHiddenSelection(document, root, team), team: viewer.team, party: false, rootKey };
  }
  return { document, team: null, party: false, rootKey };
}

/** The agent team of the event's call (from the hidden selection), or null when the call has no agent yet. */
export function eventTeam(data: Record<string, unknown> | null | undefined, rootKey: string): string | null {
  const event = data?.[rootKey] as { [TEAM_KEY]?: { agent?: { team?: string } | null } } | undefined;
  return event?.[TEAM_KEY]?.agent?.team ?? null;
}

/** The customer-side number of the event's call (from the hidden selection), if any. */
export function eventParty(data: Record<string, unknown> | null | undefined, rootKey: string): string | null {
  const event = data?.[rootKey] as { [PARTY_KEY]?: { caller?: { phone?: string } | null } } | undefined;
  return event?.[PARTY_KEY]?.caller?.phone ?? null;
}
