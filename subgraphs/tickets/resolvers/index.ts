import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Call } from './call.js';
import { Customer } from './customer.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { Ticket } from './ticket.js';

export const resolvers: Resolvers = { Query, Mutation, Ticket, Customer, Call };
