import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Call } from './call.js';
import { Customer } from './customer.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { Subscription } from './subscription.js';
import { Ticket } from './ticket.js';
// Reporting (subgraphs/tickets/reports/resolvers.ts).
import { TicketMetrics, customerReportFields, reportQueries } from '../reports/resolvers.js';
// Personal data: export and erasure (subgraphs/tickets/privacy/).
import { MutationPrivacy, QueryPrivacy } from '../privacy/resolvers.js';
import { QueryReconciliation } from '../reconciliation/resolvers.js';

export const resolvers: Resolvers = {
  Query: { ...Query, ...reportQueries, ...QueryPrivacy, ...QueryReconciliation },
  Mutation: { ...Mutation, ...MutationPrivacy },
  Subscription,
  Ticket,
  Customer: { ...Customer, ...customerReportFields },
  Call,
  TicketMetrics,
};
