/**
 * The per-request context of the CRM subgraph: the source, fresh DataLoaders and the actor
 * (who is acting; for now the `x-switchboard-actor` header, later set by authentication).
 */
import type { IncomingMessage } from 'node:http';
import { createLoaders, type CrmLoaders } from './loaders.js';
import type { CrmSource } from './source/port.js';

export const ACTOR_HEADER = 'x-switchboard-actor';
export const ANONYMOUS_ACTOR = 'anonymous';

export interface CrmContext {
  source: CrmSource;
  loaders: CrmLoaders;
  /** Who is acting: an agent or CRM user id, or a service account. */
  actor: string;
}

function actorFrom(req: IncomingMessage | undefined): string {
  const header = req?.headers[ACTOR_HEADER];
  const value = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  return value === '' ? ANONYMOUS_ACTOR : value.slice(0, 200);
}

export function createCrmContext(source: CrmSource, req?: IncomingMessage): CrmContext {
  return { source, loaders: createLoaders(source), actor: actorFrom(req) };
}
