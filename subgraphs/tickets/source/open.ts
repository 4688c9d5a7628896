/** Opens the configured ticket source (`config.ts`): the embedded store or Request Tracker. */
import type { TicketsSourceConfig } from './config.js';
import { openEmbeddedTicketsSource } from './embedded/open.js';
import type { TicketsSource } from './port.js';
import { openRtTicketsSource } from './rt/open.js';

/** The adapter `config` names, opened (the embedded store migrated; RT asked once that the token works). */
export function openTicketsSource(config: TicketsSourceConfig): Promise<TicketsSource> {
  return config.kind === 'embedded' ? openEmbeddedTicketsSource(config.database) : openRtTicketsSource(config);
}
