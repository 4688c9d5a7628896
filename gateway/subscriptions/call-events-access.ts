/**
 * Who may subscribe to which call events (`Subscription.callEvents`), checked before the
 * subscription starts: an agent only to their own calls (`agentId` = their agent id); a
 * supervisor to their team's calls (any `agentId`/`queueId` filter narrows further; events of
 * other teams' calls are never delivered); an admin to all calls. Other callers need no more
 * than the field's `calls:read` scope. For supervisors the gateway adds a hidden selection of
 * the call's agent team (and of a hand-off's agents' teams) to the operation and drops events
 * of other teams; a bot's hand-off that waits in its queue, offered to nobody, reaches every
 * supervisor (no team owns it yet, and someone must see it wait). For agents it adds the
 * caller's number: the customer on the agent's call gets full details (record-level rule).
 */
import { Kind, valueFromASTUntyped, type DefinitionNode, type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import { switchboardError } from '../../schema/errors.js';
import type { Viewer } from '../../schema/viewer.js';
import { HIDDEN_PREFIX, hiddenField } from '../authz/authorize-operation.js';
import { rootFields } from '../operation/executed-selections.js';

export const TEAM_KEY = `${HIDDEN_PREFIX}team`;
export const PARTY_KEY = `${HIDDEN_PREFIX}party`;
export const HANDOFF_TEAMS_KEY = `${HIDDEN_PREFIX}handoffTeams`;

export interface CallEventsAccess {
  /** The document to plan (with hidden selections added). */
  document: DocumentNode;
  /** When set, only events of this team are delivered (see `inTeam`). */
  team: string | null;
  /** Whether each event carries the caller's number for the record-level rule (agents). */
  party: boolean;
  /** The response key of the root field (to read hidden fields from events). */
  rootKey: string;
}

function select(name: string, selections: FieldNode[] = []): FieldNode {
  return { kind: Kind.FIELD, name: { kind: Kind.NAME, value: name }, selectionSet: selections.length > 0 ? { kind: Kind.SELECTION_SET, selections } : undefined };
}

/**
 * `document` with its operation reduced to the one root field, spelled directly, with
 * `extra` added under it. Fragments on the root type (the only place they can be spread)
 * are dropped with the spreads that used them.
 */
function withHiddenSelection(document: DocumentNode, root: { operation: OperationDefinitionNode; rootType: string; field: FieldNode }, ...extra: FieldNode[]): DocumentNode {
  const field: FieldNode = { ...root.field, selectionSet: { kind: Kind.SELECTION_SET, selections: [...(root.field.selectionSet?.selections ?? []), ...extra] } };
  const operation: OperationDefinitionNode = { ...root.operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } };
  return {
    ...document,
    definitions: document.definitions.flatMap((d): DefinitionNode[] => {
      if (d === root.operation) return [operation];
      if (d.kind === Kind.OPERATION_DEFINITION) return [];
      if (d.kind === Kind.FRAGMENT_DEFINITION && d.typeCondition.name.value === root.rootType) return [];
      return [d];
    }),
  };
}

/**
 * The subscription's root field as GraphQL executes it (fragments resolved, `@skip`/`@include`
 * applied): every node spelling that response key merged into one field without conditions.
 */
function rootField(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
  variables: Record<string, unknown>,
): { operation: OperationDefinitionNode; rootType: string; field: FieldNode } | null {
  const root = rootFields(schema, document, operationName, variables);
  const nodes = root ? [...root.fields.values()][0] : undefined;
  if (!root || !nodes?.[0]) return null;
  const selections: SelectionNode[] = nodes.flatMap((node) => node.selectionSet?.selections ?? []);
  const field: FieldNode = {
    ...nodes[0],
    directives: nodes[0].directives?.filter((d) => d.name.value !== 'skip' && d.name.value !== 'include'),
    selectionSet: selections.length > 0 ? { kind: Kind.SELECTION_SET, selections } : undefined,
  };
  return { operation: root.operation, rootType: root.type.name, field };
}

/**
 * The call-event access rule for one subscription (see the top of this file), decided on the
 * root field as it executes. Throws `FORBIDDEN` when the viewer may not subscribe so.
 */
export function checkCallEventsAccess(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
  variables: Record<string, unknown>,
  viewer: Viewer,
): CallEventsAccess {
  const root = rootField(schema, document, operationName, variables);
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
    const handoffTeams = hiddenField(HANDOFF_TEAMS_KEY, 'handoff', {
      kind: Kind.SELECTION_SET,
      selections: [select('offeredTo', [select('team')]), select('acceptedBy', [select('team')]), select('declinedBy', [select('team')])],
    });
    return { document: withHiddenSelection(document, root, team, handoffTeams), team: viewer.team, party: false, rootKey };
  }
  return { document, team: null, party: false, rootKey };
}

type TeamOf = { team?: string } | null | undefined;

/**
 * Whether a supervisor of `team` gets the event (from the hidden selections): a call event
 * when the call's agent is in the team (a call without an agent yet: no); a hand-off event
 * when an agent it was offered to, accepted by or declined by is in the team, or when it was
 * offered to nobody (waiting in its queue).
 */
export function inTeam(data: Record<string, unknown> | null | undefined, rootKey: string, team: string): boolean {
  const event = data?.[rootKey] as
    | { [TEAM_KEY]?: { agent?: TeamOf } | null; [HANDOFF_TEAMS_KEY]?: { offeredTo?: TeamOf; acceptedBy?: TeamOf; declinedBy?: TeamOf[] } | null }
    | undefined;
  const handoff = event?.[HANDOFF_TEAMS_KEY];
  if (handoff) {
    const teams = [handoff.offeredTo, handoff.acceptedBy, ...(handoff.declinedBy ?? [])].map((agent) => agent?.team).filter((t): t is string => typeof t === 'string');
    const waiting = !handoff.offeredTo && !handoff.acceptedBy;
    return waiting || teams.includes(team);
  }
  return event?.[TEAM_KEY]?.agent?.team === team;
}

/** The customer-side number of the event's call (from the hidden selection), if any. */
export function eventParty(data: Record<string, unknown> | null | undefined, rootKey: string): string | null {
  const event = data?.[rootKey] as { [PARTY_KEY]?: { caller?: { phone?: string } | null } } | undefined;
  return event?.[PARTY_KEY]?.caller?.phone ?? null;
}
