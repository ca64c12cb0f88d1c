// Prints one plain closing line, "N passed, N failed, N skipped", that CI logs can be read by
// (wtr's own summary is drawn with progress bars, and its terminal swallows reporter output
// until it stops, hence the write on exit).
export function summaryReporter() {
  return {
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        for (const child of suite?.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        walk(session.testResults);
        // a file that failed to load, or threw outside any test, counts as one failure
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed++;
      }
      process.once('exit', () =>
        process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`),
      );
    },
  };
}
