/**
 * Preloaded into each subgraph process by the benchmark (`node --import tsx --import
 * ./bench/gateway/count-requests.ts subgraphs/<name>/index.ts`), so subgraph requests can be
 * counted for every gateway without touching product code: counts the POST requests the
 * process's HTTP servers receive and answers `GET /__bench/requests` with `{"count": n, "pid": p}`.
 * A clustered subgraph (`--workers`) loads it into every worker: each counts its own, and the
 * runner asks over new connections until every worker has answered (`subgraphRequestCount`).
 */
import http from 'node:http';

let count = 0;
const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

http.Server.prototype.emit = function countingEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
  if (event === 'request') {
    const req = args[0] as http.IncomingMessage;
    const res = args[1] as http.ServerResponse;
    if (req.method === 'GET' && req.url === '/__bench/requests') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ count, pid: process.pid }));
      return true;
    }
    if (req.method === 'POST') count += 1;
  }
  return emit.call(this, event, ...args);
} as typeof http.Server.prototype.emit;
