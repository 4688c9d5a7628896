/**
 * The one place a gateway request's context is built, for HTTP requests now and for
 * graphql-ws connections once subscriptions land: who is calling travels from here to
 * field rules, audit and the subgraph requests.
 */
import type { IncomingMessage } from 'node:http';

export interface GatewayContext {
  /** The operation's request id, for logs and audit. */
  requestId: string;
}

let nextRequestId = 0;

export async function createGatewayContext(_req: IncomingMessage): Promise<GatewayContext> {
  nextRequestId += 1;
  return { requestId: `${process.pid}-${nextRequestId}` };
}
