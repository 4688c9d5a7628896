/**
 * Per-request DataLoaders: every id a request touches is fetched once, in one batch per
 * list. Loaders whose lists take arguments are kept per argument set, so all parents asking
 * with the same arguments share one statement.
 */
import DataLoader from 'dataloader';
import type { Page, PageArgs } from '../shared/pagination.js';
import type { TicketsSource } from './source/port.js';
import type { TicketCommentRecord, TicketRecord, TicketStatus } from './source/records.js';

export interface TicketsLoaders {
  ticketById: DataLoader<string, TicketRecord | null>;
  ticketByNumber: DataLoader<string, TicketRecord | null>;
  ticketsByCallId: DataLoader<string, TicketRecord[]>;
  /** Each ticket's first `first` comments, oldest first. */
  comments(first: number): DataLoader<string, TicketCommentRecord[]>;
  /** One page of each customer's tickets for these arguments. */
  customerTickets(statuses: readonly TicketStatus[] | null, page: PageArgs): DataLoader<string, Page<TicketRecord>>;
}

function memo<K, V>(cache: Map<K, V>, key: K, create: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}

export function createLoaders(source: TicketsSource): TicketsLoaders {
  const ticketById = new DataLoader<string, TicketRecord | null>((ids) => source.ticketsByIds(ids));
  const ticketByNumber = new DataLoader<string, TicketRecord | null>((numbers) => source.ticketsByNumbers(numbers));
  const ticketsByCallId = new DataLoader<string, TicketRecord[]>((ids) => source.ticketsByRelatedCallIds(ids));
  const commentLoaders = new Map<number, DataLoader<string, TicketCommentRecord[]>>();
  const customerTicketLoaders = new Map<string, DataLoader<string, Page<TicketRecord>>>();
  return {
    ticketById,
    ticketByNumber,
    ticketsByCallId,
    comments: (first) => memo(commentLoaders, first, () => new DataLoader((ids) => source.commentsByTicketIds(ids, first))),
    customerTickets(statuses, page) {
      const filter = statuses === null || statuses.length === 0 ? null : [...new Set(statuses)].sort();
      const key = JSON.stringify([filter, page.first, page.after]);
      return memo(customerTicketLoaders, key, () => new DataLoader((ids) => source.ticketsByRequesterIds(ids, filter, page)));
    },
  };
}
