/**
 * How errors leave a server: codes from the registry kept, internal details of unexpected
 * errors (SQL, stack traces) never sent to clients, and in production no schema detail the
 * client did not send itself.
 */
import type { GraphQLFormattedError } from 'graphql';
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
