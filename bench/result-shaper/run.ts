/**
 * `node --import tsx bench/result-shaper/run.ts [--iterations 2000] [--rounds 5]`: what
 * shaping one response costs the gateway, `@apollo/gateway`'s way against the gateway's
 * executor's (gateway/execution/), in one process, alternated round by round.
 *
 * The operation is the gateway benchmark's `CustomerList` (bench/gateway/workloads.ts) over
 * the API schema of `schema/supergraph.graphql`; the input is what its query plan merges for
 * 50 customers (each with 2 phones, 5 open tickets and 5 calls with their agent, plus the key
 * and `__typename` fields the plan adds). Per response, Apollo builds the federation
 * `Operation` from the document (`operationFromDocument`) and walks the response with
 * `computeResponse`; the prepared path runs the shaper compiled once. CPU time by
 * `process.cpuUsage`; prints µs per response, the median of the rounds and the ratio.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { computeResponse } from '@apollo/gateway/dist/resultShaping.js';
import { parse } from 'graphql';
import { readSecurityRules } from '../../gateway/authz/security-rules.js';
import { compileResultShaper } from '../../gateway/execution/result-shaper.js';
import { CUSTOMER_LIST } from '../gateway/workloads.js';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '5' } } });
const iterations = Number(values.iterations);
const rounds = Number(values.rounds);

const { executableSdl } = readSecurityRules(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'));
const apiSchema = Supergraph.build(executableSdl).apiSchema();
const document = parse(CUSTOMER_LIST);
const variables = { after: null };

function mergedInput(): Record<string, unknown> {
  const nodes = Array.from({ length: 50 }, (_, c) => ({
    __typename: 'Customer',
    id: `cus_${c}`,
    displayName: `Customer ${c}`,
    tier: 'GOLD',
    phones: [
      { e164: `+4930${c}001`, type: 'MOBILE', __typename: 'PhoneNumber' },
      { e164: `+4930${c}002`, type: 'WORK', __typename: 'PhoneNumber' },
    ],
    openTickets: {
      totalCount: 5,
      nodes: Array.from({ length: 5 }, (_, t) => ({ number: `T-${c * 10 + t}`, subject: `Ticket ${t}`, priority: 'NORMAL', slaDueAt: '2026-11-30T10:00:00.000Z' })),
    },
    calls: {
      nodes: Array.from({ length: 5 }, (_, k) => ({
        startedAt: '2026-11-29T09:00:00.000Z',
        direction: 'INBOUND',
        state: 'ENDED',
        talkSeconds: 60 + k,
        agent: { __typename: 'Agent', id: `agt_${k}`, name: `Agent ${k}` },
      })),
    },
  }));
  return { customers: { totalCount: 1000, nodes } };
}

function cpuMicros(run: () => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < iterations; i++) run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / iterations;
}

const introspection = () => null;
const inputs = Array.from({ length: 8 }, mergedInput);
let n = 0;
const apollo = () => {
  const operation = operationFromDocument(apiSchema, document, { validate: false });
  computeResponse({ operation, variables, input: inputs[n++ % inputs.length]!, introspectionHandling: introspection });
};
const shaper = compileResultShaper(operationFromDocument(apiSchema, document, { validate: false }));
const prepared = () => {
  shaper.shape(inputs[n++ % inputs.length]!, variables, introspection);
};

// Same answers first.
const expected = JSON.stringify(computeResponse({ operation: operationFromDocument(apiSchema, document, { validate: false }), variables, input: inputs[0]!, introspectionHandling: introspection }));
const actual = JSON.stringify(shaper.shape(inputs[0]!, variables, introspection));
if (expected !== actual) throw new Error('The prepared shaper answered differently from computeResponse.');
if (JSON.parse(expected).errors.length > 0) throw new Error(`The input does not fit the schema: ${expected}`);

cpuMicros(apollo);
cpuMicros(prepared);
const apolloRounds: number[] = [];
const preparedRounds: number[] = [];
for (let round = 0; round < rounds; round++) {
  if (round % 2 === 0) {
    apolloRounds.push(cpuMicros(apollo));
    preparedRounds.push(cpuMicros(prepared));
  } else {
    preparedRounds.push(cpuMicros(prepared));
    apolloRounds.push(cpuMicros(apollo));
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const a = median(apolloRounds);
const p = median(preparedRounds);
console.log(`CustomerList, 50 customers, ${iterations} responses × ${rounds} rounds, CPU µs per response (median; rounds):`);
console.log(`  @apollo/gateway (operationFromDocument + computeResponse): ${a.toFixed(1)} (${apolloRounds.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`  prepared (compiled shaper):                               ${p.toFixed(1)} (${preparedRounds.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`  ratio prepared ÷ Apollo: ${(p / a).toFixed(2)}`);
