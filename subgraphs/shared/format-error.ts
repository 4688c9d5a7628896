/**
 * How errors leave a server: codes from the registry kept, internal details of unexpected
 * errors (SQL, stack traces) never sent to clients, and in production no schema detail the
 * client did not send itself.
 */
import type { GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { loggerFor } from './observability/logger.js';

const log = loggerFor('graphql');

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  log.error({ err: original }, 'unexpected error in a resolver');
  return { ...formatted, message: 'Internal server error.' };
}

/**
 * graphql-js ends messages about an unknown field, argument, type, enum value or input field
 * with the names that do exist (`… Did you mean "nationalId"?`): in validation and in the
 * coercion of variables alike. Without introspection, that is the schema read one typo at a time.
 */
const SUGGESTION = / ?Did you mean .*\?$/s;

/** `message` without graphql-js's trailing "Did you mean …?" suggestion. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/** `formatError`, then the suggestions removed: for production, where introspection is off. */
export function formatErrorWithoutSchemaDetails(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const out = formatError(formatted, error);
  return SUGGESTION.test(out.message) ? { ...out, message: withoutSuggestions(out.message) } : out;
}

/** The error formatter for a server: `production` hides schema details. */
export function errorFormatter(production: boolean): typeof formatError {
  return production ? formatErrorWithoutSchemaDetails : formatError;
}

/** Codes of the errors a request gets before it runs (validation, variable coercion). */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
const QUOTED = /"([^"\n]*)"/g;

/**
 * In production, an error refusing a request (validation, variable coercion: no `path`) names
 * nothing of the schema the client did not write itself: suggestions are removed, and every
 * quoted name that does not occur in the request's own text (its document and variables) is
 * replaced by `"…"`. `Cannot query field "nope" on type "Customer".` becomes
 * `Cannot query field "nope" on type "…".` unless the client spelled `Customer`.
 * Errors with a path (from execution) and other codes are left as they are.
 */
export function withoutSchemaDetails(error: GraphQLFormattedError, requestText: string): GraphQLFormattedError {
  const code = String(error.extensions?.code ?? '');
  let message = withoutSuggestions(error.message);
  if (!error.path && REQUEST_ERROR_CODES.has(code)) {
    message = message.replace(QUOTED, (quoted: string, name: string) => {
      const bare = name.replace(/^\$/, '').replace(/[[\]!]/g, '');
      const parts = bare.split('.').filter(Boolean);
      return parts.length > 0 && parts.every((part) => requestText.includes(part)) ? quoted : '"…"';
    });
  }
  return message === error.message ? error : { ...error, message };
}

/** The text a request's errors may echo: its document and its variables as sent. */
export function requestText(query: string | undefined, variables: unknown): string {
  return `${query ?? ''}\n${variables === undefined ? '' : JSON.stringify(variables)}`;
}

/** An Apollo Server plugin applying `withoutSchemaDetails` to every response's errors (production). */
export function hideSchemaDetailsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const text = requestText(request.query, request.variables);
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => withoutSchemaDetails(error, text));
        },
      };
    },
  };
}
