/**
 * The memory benchmark's operations: operation `i` is a distinct query of about 5 KB
 * (distinct operation name, variable names and aliases, so every cache keyed by operation
 * text or shape sees a new entry), reading customers from the CRM with their tickets (and,
 * in the first block, their calls: entity fetches to the two other subgraphs). With `sensitive`, each block also reads
 * one PII field (`emails`): for an admin Switchboard's authorizer then rewrites the operation
 * (a hidden customer id for the audit trail) and the audit trail records each request.
 */

/** Blocks per operation: 14 blocks of ~370 bytes make about 5 KB. */
const BLOCKS = 14;

/** The text of distinct operation number `i` (deterministic). */
export function distinctOperation(i: number, options: { sensitive?: boolean } = {}): string {
  const blocks: string[] = [];
  for (let k = 0; k < BLOCKS; k += 1) {
    const a = `o${i}b${k}`;
    blocks.push(
      `  ${a}: customer(id: $id${i}) {\n` +
        `    ${a}id: id ${a}name: displayName ${a}tier: tier ${a}phones: phones { ${a}e164: e164 ${a}type: type }${options.sensitive ? ` ${a}emails: emails` : ` ${a}seen: lastContactAt`}\n` +
        `    ${a}tickets: tickets(first: $first${i}) { ${a}total: totalCount ${a}nodes: nodes { ${a}number: number ${a}subject: subject } }\n` +
        (k === 0 ? `    ${a}calls: calls(first: ${1 + (i % 3)}) { ${a}cn: nodes { ${a}at: startedAt } }\n` : `    ${a}tags: tags ${a}since: lastContactAt\n`) +
        `  }`,
    );
  }
  return `query Distinct${i}($id${i}: ID!, $first${i}: Int = ${1 + (i % 5)}) {\n${blocks.join('\n')}\n}\n`;
}

/** Variables of operation `i` for one customer id. */
export function operationVariables(i: number, customerId: string): Record<string, unknown> {
  return { [`id${i}`]: customerId, [`first${i}`]: 1 + (i % 4) };
}
