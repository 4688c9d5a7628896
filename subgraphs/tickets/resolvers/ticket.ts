import { badUserInput } from '../../../schema/errors.js';
import { MAX_PAGE_SIZE } from '../../shared/pagination.js';
import type { TicketResolvers } from '../__generated__/resolvers-types.js';
import { firstResponseSeconds, isSlaBreached, resolutionSeconds } from '../source/sla.js';
import { customerReference } from './customer.js';

export const Ticket: TicketResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.ticketById.load(reference.id),
  requester: (ticket) => (ticket.requesterId === null ? null : customerReference(ticket.requesterId)),
  assignee: (ticket) => (ticket.assigneeId === null ? null : { __typename: 'Agent', id: ticket.assigneeId }),
  relatedCall: (ticket) => (ticket.relatedCallId === null ? null : { __typename: 'Call', id: ticket.relatedCallId }),
  slaBreached: (ticket) => isSlaBreached(ticket, new Date().toISOString()),
  firstResponseSeconds: (ticket) => firstResponseSeconds(ticket),
  resolutionSeconds: (ticket) => resolutionSeconds(ticket),
  category: (ticket) => ticket.category ?? null,
  tags: (ticket) => ticket.tags ?? [],
  comments(ticket, { first }, { loaders }) {
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
      throw badUserInput(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}, got ${first}.`, { argumentName: 'first' });
    }
    return loaders.comments(first).load(ticket.id);
  },
};
