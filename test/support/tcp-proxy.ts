/**
 * A TCP proxy on an ephemeral port in front of a real server, to cut the network between two
 * real processes: `cut()` drops every open connection (as a network blip or a load balancer
 * does), `pause()` makes new connections fail until `resume()`. HTTP and WebSocket pass
 * through untouched. The target is set after start (the server it fronts may start later).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Where connections go: a URL whose host and port are used. */
  target: string | null;
  /** Connections accepted since start (including refused ones while paused). */
  readonly connections: number;
  cut(): void;
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let paused = false;
  let connections = 0;
  const proxy: TcpProxy = {
    url: '',
    target: null,
    get connections() {
      return connections;
    },
    cut() {
      for (const socket of open) socket.destroy();
      open.clear();
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxy.cut();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((client) => {
    connections += 1;
    if (paused || !proxy.target) {
      client.destroy();
      return;
    }
    const { hostname, port } = new URL(proxy.target);
    const upstream = connect(Number(port), hostname);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
