/**
 * The churn rules a churn report may ask for (`ChurnRule` in schema/crm.graphql and
 * schema/audit.graphql; definitions: docs/reporting.md, "Journey before churn", computed by
 * subgraphs/crm/reports/cross-system.ts). Checked the same way by the CRM's
 * `churnedCustomers` and the gateway's `churnJourneys`, before anything is read.
 */
import { badUserInput } from '../../../schema/errors.js';

export const CHURN_RULES = ['STOPPED_ORDERING', 'TURNED_INACTIVE'] as const;
export type ChurnRule = (typeof CHURN_RULES)[number];

/** The rules asked for, each once, in `CHURN_RULES` order; BAD_USER_INPUT (`rules`) for an empty list. Null or absent: every rule. */
export function churnRules(rules: readonly ChurnRule[] | null | undefined): ChurnRule[] {
  if (rules == null) return [...CHURN_RULES];
  if (rules.length === 0) throw badUserInput('`rules` must name at least one churn rule (STOPPED_ORDERING, TURNED_INACTIVE).', { argumentName: 'rules' });
  return CHURN_RULES.filter((rule) => rules.includes(rule));
}
