/**
 * How errors leave a server: codes from the registry kept, internal details of unexpected
 * errors (SQL, stack traces) never sent to clients.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  console.error(original);
  return { ...formatted, message: 'Internal server error.' };
}
