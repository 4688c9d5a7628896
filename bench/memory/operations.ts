/**
 * The memory benchmark's operations: operation `i` is a distinct query of about 5 KB
 * (distinct operation name, variable names and aliases, so every cache keyed by operation
 * text or shape sees a new entry), reading customers from the CRM with their tickets and
 * calls (entity fetches to the two other subgraphs) and one unmasked PII field (so
 * Switchboard's authorizer rewrites it and the audit trail records it).
 */

/** Blocks per operation: 14 blocks of ~370 bytes make about 5 KB. */
const BLOCKS = 14;

/** The text of distinct operation number `i` (deterministic). */
export function distinctOperation(i: number): string {
  const blocks: string[] = [];
  for (let k = 0; k < BLOCKS; k += 1) {
    const a = `o${i}b${k}`;
    blocks.push(
      `  ${a}: customer(id: $id${i}) {\n` +
        `    ${a}id: id ${a}name: displayName ${a}tier: tier ${a}phones: phones { ${a}e164: e164 ${a}type: type } ${a}emails: emails\n` +
        `    ${a}tickets: tickets(first: $first${i}) { ${a}total: totalCount ${a}nodes: nodes { ${a}number: number ${a}subject: subject } }\n` +
        `    ${a}calls: calls(first: ${1 + ((i + k) % 3)}) { ${a}cn: nodes { ${a}at: startedAt } }\n` +
        `  }`,
    );
  }
  return `query Distinct${i}($id${i}: ID!, $first${i}: Int = ${1 + (i % 5)}) {\n${blocks.join('\n')}\n}\n`;
}

/** Variables of operation `i` for one customer id. */
export function operationVariables(i: number, customerId: string): Record<string, unknown> {
  return { [`id${i}`]: customerId, [`first${i}`]: 1 + (i % 4) };
}
