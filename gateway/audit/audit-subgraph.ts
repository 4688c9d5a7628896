/**
 * The audit subgraph (`schema/audit.graphql`), served in-process by the gateway through a
 * `LocalGraphQLDataSource`: admins query the trail through the graph like any other data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { Viewer } from '../../schema/viewer.js';
import { enforceFieldRules } from '../../schema/field-rules.js';
import { pageArgs } from '../../subgraphs/shared/pagination.js';
import { AUDIT_CURSOR_KIND, type GatewayStore } from '../store/gateway-store.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import type { PrivacyService } from '../privacy/service.js';
import { privacyResolvers } from '../privacy/resolvers.js';
import type { Reconciler } from '../reconciliation/reconciler.js';
import { reconciliationResolvers } from '../reconciliation/resolvers.js';
import type { CrossSystemReporter } from '../cross-reports/reporter.js';
import { crossSystemResolvers } from '../cross-reports/resolvers.js';

export interface AuditContext {
  viewer: Viewer;
}

/**
 * The in-process subgraph: the audit trail, data-subject requests (`privacy`, docs/privacy.md)
 * the reconciliation report (`reconciler`) and the cross-system reports (`crossReports`),
 * docs/reporting.md.
 */
export function auditDataSource(store: GatewayStore, privacy: PrivacyService, reconciler: Reconciler, crossReports: CrossSystemReporter): LocalGraphQLDataSource {
  const requests = privacyResolvers(privacy);
  const reconciliation = reconciliationResolvers(reconciler);
  const crossSystem = crossSystemResolvers(crossReports);
  const resolvers: Resolvers = {
    Query: {
      auditEvents: (_parent, { filter, first, after }) => store.listAuditEvents(filter ?? {}, pageArgs(AUDIT_CURSOR_KIND, first, after, 50)),
      ...requests.Query,
      ...reconciliation.Query,
      ...crossSystem.Query,
    },
    ReconciliationReport: reconciliation.ReconciliationReport,
    ContactReasonRow: crossSystem.ContactReasonRow,
    ChurnJourney: crossSystem.ChurnJourney,
    Mutation: requests.Mutation,
    AuditEvent: {
      customers: (event) => event.customerIds.map((id) => ({ __typename: 'Customer' as const, id })),
      ...requests.AuditEvent,
    },
  };
  const sdl = parse(readFileSync(fileURLToPath(new URL('../../schema/audit.graphql', import.meta.url)), 'utf8'));
  type SchemaModule = Parameters<typeof buildSubgraphSchema>[0] & { typeDefs: unknown };
  const schema = enforceFieldRules(buildSubgraphSchema({ typeDefs: sdl, resolvers } as SchemaModule), sdl);
  return new LocalGraphQLDataSource(schema);
}
