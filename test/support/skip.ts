/**
 * Why a test or suite skips, where a reader sees it: vitest's `skipIf` takes no reason, so the
 * reason goes into the name (`name [skipped: reason]`) and is logged once when the file loads.
 */

/**
 * `name` unchanged when `reason` is falsy (the test runs); otherwise `name [skipped: reason]`,
 * after logging `skipped: name: reason`. `reason` is a message (string) or `true` (no message).
 */
export function skipNote(name: string, reason: string | boolean | undefined | null): string {
  if (!reason) return name;
  const why = reason === true ? 'no reason given' : reason;
  console.log(`skipped: ${name}: ${why}`);
  return `${name} [skipped: ${why}]`;
}
