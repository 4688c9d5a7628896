/**
 * The contact-reason code format shared by ticket categories and tags, call wrap-up codes and
 * (by convention) conversation intents (docs/reporting.md, "Contact reasons by tier"):
 * lower-case snake_case, a letter first, at most 64 characters (`order_status`, `billing`).
 * One format, so the gateway can add up the three systems' counts per reason.
 */
export const REASON_CODE = /^[a-z][a-z0-9_]{0,63}$/;

/** What `REASON_CODE` means, for error messages. */
export const REASON_CODE_RULE = 'lower-case letters, digits and _, a letter first, at most 64 characters';

export function isReasonCode(value: unknown): value is string {
  return typeof value === 'string' && REASON_CODE.test(value);
}
