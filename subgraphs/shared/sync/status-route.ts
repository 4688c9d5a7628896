/**
 * `GET /health/sync` of every subgraph (public, like `GET /health/ready`): the state of each
 * incremental sync the subgraph runs (`runner.ts`), always 200 (a lagging sync does not make
 * the process unready: live reads still work), `{ "syncs": [SyncStatus…] }`; an empty list
 * when the subgraph runs no sync (its source is embedded or read live only).
 */
import { publicRoute, sendJson, type RouteSpec } from '../http.js';
import { runnersOf } from './runner.js';

export function syncStatusRoute(service: string): RouteSpec {
  return publicRoute(async (_req, res) => {
    const syncs = await Promise.all(runnersOf(service).map((runner) => runner.status()));
    sendJson(res, 200, { syncs });
  });
}
