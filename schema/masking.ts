/**
 * The masking rules, in one place: a caller without the field's scope gets a masked value
 * instead of nothing where part of the value still helps to serve the customer. The gateway
 * reads which fields are maskable (it keeps them in the operation); the owning subgraph
 * applies the mask, so unmasked values never leave the source system for such a caller.
 */
import type { Scope } from './access.js';

/** `110105198001011234` → `110***********1234`: region kept for routing, last 4 for verification. */
export function maskNationalId(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** `zhang.wei@example.com` → `z***@example.com`. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${value[0]}***${value.slice(at)}`;
}

export interface MaskRule {
  scope: Scope;
  mask(value: unknown): unknown;
}

function mapStrings(mask: (value: string) => string) {
  return (value: unknown): unknown => {
    if (typeof value === 'string') return mask(value);
    if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? mask(item) : item));
    return value;
  };
}

/** By schema coordinate `Type.field`. */
export const MASKED_FIELDS: Readonly<Record<string, MaskRule>> = {
  'Customer.nationalId': { scope: 'pii:read', mask: mapStrings(maskNationalId) },
  'Customer.emails': { scope: 'pii:read', mask: mapStrings(maskEmail) },
};
