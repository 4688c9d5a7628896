/**
 * Raw HTTP/1.1 over a TCP socket (`node:net`), for tests that need to send request targets
 * a client library would normalise away: absolute-form, `//graphql`, percent-encoding, ...
 */
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `METHOD target HTTP/1.1` to 127.0.0.1:`port` with `headers` (a `host` header of the
 * server is added unless given, `connection: close` always) and `body`, and reads the answer
 * until the server closes the connection (or, for an upgrade, until the head has arrived).
 */
export function rawRequest(port: number, method: string, target: string, headers: Record<string, string> = {}, body = ''): Promise<RawResponse> {
  const all: Record<string, string> = { host: `127.0.0.1:${port}`, ...headers };
  const upgrade = Object.keys(all).some((name) => name.toLowerCase() === 'upgrade');
  if (!upgrade) all.connection = 'close';
  if (body !== '') all['content-length'] = String(Buffer.byteLength(body));
  const head = `${method} ${target} HTTP/1.1\r\n${Object.entries(all).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = (end === -1 ? text : text.slice(0, end)).split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      let rest = end === -1 ? '' : text.slice(end + 4);
      if (headers['transfer-encoding'] === 'chunked') rest = dechunk(rest);
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest });
    };
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${method} ${target}`)));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // A 101 keeps the socket open: the head is all there is to read.
      if (upgrade && Buffer.concat(chunks).includes('\r\n\r\n') && Buffer.concat(chunks).toString('latin1').startsWith('HTTP/1.1 101')) {
        socket.destroy();
        finish();
      }
    });
    socket.on('end', finish);
    socket.on('close', () => (chunks.length === 0 ? reject(new Error(`connection closed without an answer to ${method} ${target}`)) : undefined));
    socket.on('error', reject);
    socket.write(head + body);
  });
}

function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const line = rest.indexOf('\r\n');
    if (line === -1) return out;
    const size = parseInt(rest.slice(0, line), 16);
    if (!size) return out;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}
