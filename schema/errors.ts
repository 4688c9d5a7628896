/**
 * The registry of error codes: part of the API contract, like the SDL beside it.
 * Every error Switchboard returns carries one of these in `extensions.code`;
 * gateway and subgraphs build their errors only through `switchboardError`.
 */
import { GraphQLError } from 'graphql';

export const ErrorCodes = {
  /** An argument or input value is malformed or out of range; nothing was written. */
  BAD_USER_INPUT: { httpStatus: 200, description: 'An argument or input value is invalid; nothing was written.' },
  /** The id names nothing. */
  NOT_FOUND: { httpStatus: 200, description: 'No record has the given id.' },
  /** The request contradicts an earlier one (for example an idempotency key reused with other input). */
  CONFLICT: { httpStatus: 200, description: 'The request conflicts with an earlier one.' },
  /** No valid credentials. */
  UNAUTHENTICATED: { httpStatus: 401, description: 'Missing, expired or invalid credentials.' },
  /** Valid credentials without the right to this field or record. */
  FORBIDDEN: { httpStatus: 200, description: 'The caller lacks the scope or record access for this field.' },
  /** A subgraph could not be reached or did not answer in time; the rest of the data is still returned. */
  SUBGRAPH_UNAVAILABLE: { httpStatus: 200, description: 'A source system is down or slow; its fields are missing from this response.' },
  /** The operation's estimated cost (list sizes times nesting) is above the limit; nothing ran. */
  COST_ESTIMATED_TOO_EXPENSIVE: { httpStatus: 200, description: 'The operation would cost more than the configured limit; ask for smaller pages or fewer nested lists.' },
  /** The operation nests deeper than the limit; nothing ran. */
  MAX_DEPTH_EXCEEDED: { httpStatus: 200, description: 'The operation nests deeper than the configured limit.' },
  /** The caller (API key's service account or user) used up its operations or cost budget for the current window; nothing ran. */
  RATE_LIMITED: {
    httpStatus: 429,
    description: 'Too many operations, or too much estimated cost, in the current window for this API key or user; nothing ran. Retry after `extensions.retryAfterSeconds` (HTTP `Retry-After`).',
  },
  /** The HTTP request itself is unusable (request target, JSON body, CSRF headers); Apollo Server uses this code too. */
  BAD_REQUEST: { httpStatus: 400, description: 'The HTTP request is malformed (its target, body or headers); nothing ran.' },
  /** A bug; the message is generic outside development. */
  INTERNAL_SERVER_ERROR: { httpStatus: 500, description: 'An unexpected error.' },
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export function switchboardError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badUserInput = (message: string, extensions?: Record<string, unknown>) =>
  switchboardError('BAD_USER_INPUT', message, extensions);

export const notFound = (typename: string, id: string) =>
  switchboardError('NOT_FOUND', `${typename} ${JSON.stringify(id)} does not exist.`, { typename, id });

export const conflict = (message: string, extensions?: Record<string, unknown>) =>
  switchboardError('CONFLICT', message, extensions);
