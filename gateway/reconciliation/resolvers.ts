/** Resolvers of the reconciliation report in the gateway's in-process subgraph (schema/audit.graphql). */
import { GraphQLError } from 'graphql';
import type { Resolvers } from '../audit/__generated__/resolvers-types.js';
import type { Comparison } from './compare.js';
import type { Reconciler, ReconciliationResult } from './reconciler.js';

/** The comparison, or its system's error thrown at the field's path. */
function comparisonOf(report: ReconciliationResult): Comparison {
  if (report.comparison instanceof GraphQLError) throw report.comparison;
  return report.comparison;
}

export function reconciliationResolvers(reconciler: Reconciler): { Query: Pick<NonNullable<Resolvers['Query']>, 'reconciliationReport'>; ReconciliationReport: NonNullable<Resolvers['ReconciliationReport']> } {
  return {
    Query: {
      reconciliationReport: (_parent, { from, to }) => reconciler.report(from as string, to as string) as never,
    },
    ReconciliationReport: {
      agreeing: (report) => comparisonOf(report as unknown as ReconciliationResult).agreeing,
      agreementRate: (report) => comparisonOf(report as unknown as ReconciliationResult).agreementRate,
      differences: (report) => comparisonOf(report as unknown as ReconciliationResult).differences,
    },
  };
}
