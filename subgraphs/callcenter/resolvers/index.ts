import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Agent } from './agent.js';
import { Call } from './call.js';
import { Customer } from './customer.js';
import { Query } from './query.js';
import { Queue } from './queue.js';
// Reporting (subgraphs/callcenter/reports/resolvers.ts).
import { CallMetrics, customerReportFields, reportQueries } from '../reports/resolvers.js';
// Personal data: export and erasure (subgraphs/callcenter/privacy/).
import { MutationPrivacy, QueryPrivacy } from '../privacy/resolvers.js';
// Contact reasons and journeys (subgraphs/callcenter/reports/cross-system-resolvers.ts).
import { callWrapUpCode, crossSystemMutations, crossSystemQueries } from '../reports/cross-system-resolvers.js';

export const resolvers: Resolvers = {
  Query: { ...Query, ...reportQueries, ...QueryPrivacy, ...crossSystemQueries },
  Mutation: { ...MutationPrivacy, ...crossSystemMutations },
  Call: { ...Call, ...callWrapUpCode },
  Agent,
  Queue,
  Customer: { ...Customer, ...customerReportFields },
  CallMetrics,
};
