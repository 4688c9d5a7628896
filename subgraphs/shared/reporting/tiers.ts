/** The order tier groups are listed in by both subgraphs: CRM tiers from the highest, other names after them, unknown (null) last. */
const TIERS: readonly string[] = ['PLATINUM', 'GOLD', 'SILVER', 'STANDARD'];

export function compareTiers(a: string | null, b: string | null): number {
  const rank = (tier: string | null) => (tier === null ? TIERS.length + 1 : TIERS.includes(tier) ? TIERS.indexOf(tier) : TIERS.length);
  return rank(a) - rank(b) || String(a).localeCompare(String(b));
}
