/** Opens the Request Tracker adapter and checks once that RT answers, the token works and the queue exists. */
import type { TicketsSourceConfig } from '../config.js';
import { RtClient } from './client.js';
import { RtTicketSource } from './rt-source.js';

/** Rejects naming RT_URL, RT_TOKEN or the mapping's queue when the first request shows one of them is wrong. */
export async function openRtTicketsSource(config: Extract<TicketsSourceConfig, { kind: 'rt' }>): Promise<RtTicketSource> {
  const source = new RtTicketSource(config.mapping, new RtClient({ url: config.url, token: config.token, timeoutMs: config.timeoutMs }));
  try {
    await source.ping();
  } catch (error) {
    throw new Error(`TICKETS_SOURCE=rt: ${(error as Error).message} (RT_URL=${config.url}, RT_MAPPING_FILE=${config.mappingFile})`, { cause: error });
  }
  return source;
}
