/** Resolvers of the cross-system reports in the gateway's in-process subgraph (schema/audit.graphql). */
import { GraphQLError } from 'graphql';
import type { Resolvers } from '../audit/__generated__/resolvers-types.js';
import type { Figure } from './combine.js';
import type { CrossSystemReporter } from './reporter.js';

/** The figure, or its system's error thrown at the field's path. */
function figure(value: Figure): number {
  if (value instanceof GraphQLError) throw value;
  return value;
}

type Row = Record<string, Figure>;
const figures = <K extends string>(...names: K[]) => Object.fromEntries(names.map((name) => [name, (row: unknown) => figure((row as Row)[name]!)])) as Record<K, (row: unknown) => number>;

export function crossSystemResolvers(reporter: CrossSystemReporter): Pick<Resolvers, 'ContactReasonRow' | 'ChurnJourney'> & { Query: Pick<NonNullable<Resolvers['Query']>, 'contactReasonsByTier' | 'churnJourneys'> } {
  return {
    Query: {
      contactReasonsByTier: (_parent, { range, tier }) => reporter.contactReasons(range, tier ?? null) as never,
      churnJourneys: (_parent, { range, quietDays, lookbackDays, first, rules }) => reporter.churnJourneys({ range, quietDays, lookbackDays, first, rules }) as never,
    },
    ContactReasonRow: figures('calls', 'tickets', 'conversations', 'total'),
    ChurnJourney: {
      customer: (row) => ({ __typename: 'Customer', id: (row as unknown as { customerId: string }).customerId }),
      ...figures('contacts', 'calls', 'abandonedContacts', 'ticketsCreated', 'openTickets', 'slaBreaches'),
    },
  };
}
