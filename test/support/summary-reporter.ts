/**
 * A vitest reporter that ends the run with one plain line of counts, `tests: N passed, N failed,
 * N skipped`, so that CI and people read the same closing line whatever the default reporter
 * printed above it. Counts are test cases (not files); todo tests count as skipped; a file that
 * fails without a failed test (it did not load, or a hook failed) and each unhandled error count
 * as one failure.
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/** Prints the closing count line after every other reporter. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      let failedInModule = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedInModule++;
        else skipped++;
      }
      // A file that failed to load, or a hook that failed (its tests then count as skipped), has no
      // failed test: it counts as one failure, so the line never reads clean when the run is not.
      failed += failedInModule > 0 ? failedInModule : module.state() === 'failed' ? 1 : 0;
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
