/** Starts the call-center subgraph: `tsx subgraphs/callcenter/index.ts` (configuration: README). */
import { runSubgraph } from '../shared/run-subgraph.js';
import { createCallCenterServer } from './server.js';
import { openCallCenterSource } from './source/open.js';

await runSubgraph('callcenter', openCallCenterSource, createCallCenterServer);
