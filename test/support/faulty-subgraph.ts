/**
 * A real HTTP server put between the gateway and a real subgraph, that passes requests
 * through or fails in one of the ways a source system fails: not listening (connection
 * refused), never answering, an HTTP 5xx page, a GraphQL request error, a malformed answer.
 * Tests point the gateway at it (`startStack({ subgraphUrls })`) and switch `mode`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultMode =
  /** Forward to the real subgraph. */
  | 'pass'
  /** Not listening: connection refused. */
  | 'refuse'
  /** Accept the request and never answer. */
  | 'hang'
  /** HTTP 502 with an HTML page (a proxy in front of a dead service). */
  | 'http-502'
  /** HTTP 500 with a GraphQL request error and no data. */
  | 'graphql-500'
  /** HTTP 200 with `{"data":{"_entities":[]}}` whatever was asked. */
  | 'wrong-entities'
  /** HTTP 200 with a JSON body that is not a GraphQL response. */
  | 'not-graphql';

export interface FaultySubgraph {
  /** The URL to give the gateway (`…/graphql`). */
  url: string;
  /** Where `pass` forwards to; set once the real subgraph runs. */
  upstream: string;
  /** Requests received since start (in every mode but `refuse`). */
  readonly requests: number;
  setMode(mode: FaultMode): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultySubgraph(): Promise<FaultySubgraph> {
  let mode: FaultMode = 'pass';
  let requests = 0;
  const hung = new Set<ServerResponse>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    switch (mode) {
      case 'hang':
        hung.add(res);
        return;
      case 'http-502':
        res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad gateway</body></html>');
        return;
      case 'graphql-500':
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'database is locked' }] }));
        return;
      case 'wrong-entities':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { _entities: [] } }));
        return;
      case 'not-graphql':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(['ok']));
        return;
      default: {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (req.headers.authorization) headers.authorization = req.headers.authorization;
        if (req.headers.accept) headers.accept = req.headers.accept;
        const upstreamResponse = await fetch(faulty.upstream, { method: 'POST', headers, body: Buffer.concat(chunks) });
        res.writeHead(upstreamResponse.status, { 'content-type': upstreamResponse.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await upstreamResponse.arrayBuffer()));
      }
    }
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stopListening = async () => {
    for (const res of hung) res.destroy();
    hung.clear();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };
  await listen(0);
  const { port } = server.address() as AddressInfo;
  const faulty: FaultySubgraph = {
    url: `http://127.0.0.1:${port}/graphql`,
    upstream: '',
    get requests() {
      return requests;
    },
    async setMode(next) {
      if (mode === 'refuse' && next !== 'refuse') await listen(port);
      if (mode !== 'refuse' && next === 'refuse') await stopListening();
      if (mode === 'hang') {
        for (const res of hung) res.destroy();
        hung.clear();
      }
      mode = next;
    },
    async close() {
      if (mode !== 'refuse') await stopListening();
    },
  };
  return faulty;
}
