/**
 * Exact decimal amounts: the CRM stores amounts as decimal strings (`1299.00`) and sums them
 * in integer cents (bigint), never in floating point.
 */

const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** `"1299.5"` → `129950n`; an amount with more than two fraction digits or not a number throws. */
export function toCents(amount: string): bigint {
  const match = AMOUNT.exec(amount.trim());
  if (!match) throw new Error(`${JSON.stringify(amount)} is not an amount with at most two fraction digits.`);
  const [, sign, units, fraction = ''] = match;
  const cents = BigInt(units!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** `129950n` → `"1299.50"`. */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
