import { ticketsSuite } from './suite.js';
import { tempSqlite } from '../support/databases.js';

ticketsSuite('SQLite', () => tempSqlite('tickets'));
