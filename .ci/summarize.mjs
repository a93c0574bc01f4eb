// Totals of every test suite, from the JSON reports vitest and Playwright write to .reports/.
// A stage that failed before any suite ran (typecheck, lint, build) counts as one failure.
import { existsSync, readFileSync } from "node:fs";

const exitStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);

const vitest = read(".reports/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
const playwright = read(".reports/playwright.json");
// The staging rehearsal (npm run test:staging-rehearsal) runs journeys of its own.
for (const run of [playwright, read(".reports/playwright-staging.json")]) {
  if (!run?.stats) continue;
  passed += (run.stats.expected ?? 0) + (run.stats.flaky ?? 0);
  failed += run.stats.unexpected ?? 0;
  skipped += run.stats.skipped ?? 0;
}
if (exitStatus !== 0 && failed === 0) failed = 1;

const flaky = playwright?.stats?.flaky ?? 0;
if (flaky > 0) console.log(`${flaky} browser test(s) passed only on their retry (flaky): see the Playwright report`);

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
