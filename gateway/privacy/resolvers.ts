/** Resolvers of data-subject requests in the gateway's in-process subgraph (schema/audit.graphql). */
import type { Resolvers } from '../audit/__generated__/resolvers-types.js';
import type { PrivacyService } from './service.js';

type PrivacyResolvers = Pick<Resolvers, 'Mutation'> & { Query: NonNullable<Resolvers['Query']>; AuditEvent: NonNullable<Resolvers['AuditEvent']> };

export function privacyResolvers(privacy: PrivacyService): PrivacyResolvers {
  return {
    Query: {
      erasureRequests: (_parent, { customerId }) => privacy.saga.list(customerId ?? null),
    },
    Mutation: {
      async exportCustomerData(_parent, { customerId }, { viewer }) {
        const result = await privacy.exporter.export(customerId, viewer.subject);
        return { ...result, manifest: result.manifest.map((source) => ({ ...source, kinds: Object.entries(source.kinds).map(([kind, count]) => `${kind}:${count}`) })) };
      },
      eraseCustomer: (_parent, { customerId, reason }, context) =>
        privacy.saga.erase(customerId, reason, context.viewer.subject, (context as { requestId?: string }).requestId ?? 'unknown'),
    },
    AuditEvent: {
      erasure: (event) => (event.fields.includes('Mutation.eraseCustomer') ? privacy.saga.byRequestId(event.requestId) : null),
    },
  };
}
