/**
 * A vitest reporter that ends the run with what skipped and why, one line per test file
 * (`skipped in test/x.test.ts: 3 tests (PostgreSQL not reachable at …)`), then one plain line
 * of counts, `tests: N passed, N failed, N skipped`, so that CI and people read the same
 * closing line whatever the default reporter printed above it. Counts are test cases (not
 * files); todo tests count as skipped; a file that fails without a failed test (it did not
 * load, or a hook failed) and each unhandled error count as one failure.
 */
import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';

/** Why a test skipped: its `ctx.skip(note)`, else the reason `skipNote` put into its or its suite's name. */
function skipReason(test: TestCase): string {
  const result = test.result();
  if (result.state === 'skipped' && result.note) return result.note;
  return /\[skipped: ([^\]]+)\]/.exec(test.fullName)?.[1] ?? 'no reason given';
}

/** Prints the skip reasons and the closing count line after every other reporter. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const lines: string[] = [];
    for (const module of testModules) {
      let failedInModule = 0;
      const reasons = new Map<string, number>();
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedInModule++;
        else {
          skipped++;
          const reason = skipReason(test);
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
      // A file that failed to load, or a hook that failed (its tests then count as skipped), has no
      // failed test: it counts as one failure, so the line never reads clean when the run is not.
      failed += failedInModule > 0 ? failedInModule : module.state() === 'failed' ? 1 : 0;
      const count = [...reasons.values()].reduce((sum, n) => sum + n, 0);
      if (count > 0) lines.push(`skipped in ${module.relativeModuleId}: ${count} test${count === 1 ? '' : 's'} (${[...reasons.keys()].join('; ')})`);
    }
    process.stdout.write(`\n${lines.map((line) => `${line}\n`).join('')}tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
