/**
 * The development GraphQL IDE: GraphiQL, served entirely from this package's node_modules
 * (graphiql's, react's and react-dom's UMD builds, graphql-ws's browser build), so it works
 * offline and behind proxies that block CDNs. A browser opening the GraphQL URL
 * (`GET /graphql`, `Accept: text/html`, no `query`) gets the page; its assets live under
 * `/ide/`. Only mounted when not in production.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestTarget } from '../../subgraphs/shared/request-target.js';

/** Where the IDE's assets are served. */
export const IDE_ASSET_PATH = '/ide/';

interface Asset {
  type: string;
  body: Buffer;
}

const require = createRequire(import.meta.url);

/** The directory of an installed package (its exports map may hide `package.json`). */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  while (!dir.endsWith(`node_modules/${name}`) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const ASSET_FILES: Record<string, { pkg: string; file: string; type: string }> = {
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'graphql-ws.min.js': { pkg: 'graphql-ws', file: 'umd/graphql-ws.min.js', type: 'text/javascript' },
};

/** Starts GraphiQL against this origin; WebSocket subscriptions take the token from the Headers tab. */
const BOOT_SCRIPT = `(function () {
  var url = location.origin + '${'/graphql'}';
  function headers() {
    try { return JSON.parse(localStorage.getItem('graphiql:headers') || '{}') || {}; } catch (e) { return {}; }
  }
  function pick(h, name) {
    for (var key in h) if (key.toLowerCase() === name) return h[key];
    return undefined;
  }
  var wsClient = graphqlWs.createClient({
    url: url.replace(/^http/, 'ws'),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: function (event) { return !(event && event.code === 4403); },
    connectionParams: function () {
      var h = headers();
      return { authorization: pick(h, 'authorization'), apiKey: pick(h, 'x-api-key') };
    },
  });
  var fetcher = GraphiQL.createFetcher({ url: url, wsClient: wsClient });
  var defaultHeaders = JSON.stringify({ Authorization: 'Bearer <a token printed by npm start or npm run token>' }, null, 2);
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultHeaders: defaultHeaders, shouldPersistHeaders: true, isHeadersEditorEnabled: true }),
  );
})();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchboard · GraphiQL</title>
<link rel="stylesheet" href="${IDE_ASSET_PATH}graphiql.min.css">
<style>html, body { margin: 0; height: 100%; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${IDE_ASSET_PATH}react.production.min.js"></script>
<script src="${IDE_ASSET_PATH}react-dom.production.min.js"></script>
<script src="${IDE_ASSET_PATH}graphql-ws.min.js"></script>
<script src="${IDE_ASSET_PATH}graphiql.min.js"></script>
<script src="${IDE_ASSET_PATH}boot.js"></script>
</body>
</html>
`;

export class GraphiqlIde {
  private assets: Map<string, Asset> | null = null;

  constructor(private readonly graphqlPath = '/graphql') {}

  /**
   * Serves the page or an asset when `req` asks for one; returns false for every other request.
   * The page: `GET <graphqlPath>` accepting `text/html` without a `query` parameter (a
   * browser's address bar), so GET queries and API clients are unaffected.
   */
  handle(req: IncomingMessage, res: ServerResponse, target: RequestTarget): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (target.path === this.graphqlPath && !new URLSearchParams(target.search).has('query') && (req.headers.accept ?? '').includes('text/html')) {
      this.send(res, 'text/html; charset=utf-8', Buffer.from(PAGE));
      return true;
    }
    if (!target.path.startsWith(IDE_ASSET_PATH)) return false;
    const asset = this.load().get(target.path.slice(IDE_ASSET_PATH.length));
    if (!asset) return false;
    this.send(res, asset.type, asset.body);
    return true;
  }

  private send(res: ServerResponse, type: string, body: Buffer): void {
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    res.end(body);
  }

  /** Reads the assets on first use (a missing package is an installation error: it throws). */
  private load(): Map<string, Asset> {
    if (this.assets) return this.assets;
    const assets = new Map<string, Asset>();
    for (const [name, { pkg, file, type }] of Object.entries(ASSET_FILES)) {
      assets.set(name, { type: `${type}; charset=utf-8`, body: readFileSync(join(packageDir(pkg), file)) });
    }
    assets.set('boot.js', { type: 'text/javascript; charset=utf-8', body: Buffer.from(BOOT_SCRIPT) });
    this.assets = assets;
    return assets;
  }
}
