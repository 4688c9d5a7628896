import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Agent } from './agent.js';
import { Call } from './call.js';
import { Customer } from './customer.js';
import { Query } from './query.js';
import { Queue } from './queue.js';

export const resolvers: Resolvers = { Query, Call, Agent, Queue, Customer };
