import { ticketsSuite } from './suite.js';
import { sqliteConfig } from './helpers.js';

ticketsSuite('SQLite', sqliteConfig);
