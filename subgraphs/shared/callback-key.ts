/**
 * The idempotency key of a call's callback ticket: written by the call center's call-log
 * outbox (subgraphs/callcenter/outbox/deliver.ts), looked up by the ticket system's part of
 * the reconciliation report. The one place of the rule.
 */
export const callbackKey = (callId: string): string => `callback:${callId}`;
