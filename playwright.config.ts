import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/support/chromium";
import { e2eRegistry } from "./e2e/support/registry";

/**
 * Against the local production build with the embedded platform by default; against a deployed
 * console (staging) when E2E_BASE_URL is set, with the same journeys.
 */
const external = process.env.E2E_BASE_URL;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = external ?? `http://127.0.0.1:${port}`;
/** A local OCI registry for the push journeys, when docker-registry is installed (never against staging). */
const registry = external ? null : e2eRegistry(port + 3);
/** The embedded backend's credential for this run; set once here, inherited by the test workers. */
process.env.E2E_BACKEND_TOKEN ??= randomBytes(32).toString("base64url");

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  // One retry on CI's shared 2-core machine; a test that needed it is reported as flaky, not hidden.
  retries: process.env.CI ? 1 : 0,
  // The staging rehearsal reports to its own file, so CI's totals count both runs.
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.E2E_REPORT_FILE ?? ".reports/playwright.json" }],
    ["html", { open: "never", outputFolder: "playwright-report" }],
  ],
  use: {
    baseURL,
    locale: "en-US",
    timezoneId: "Asia/Seoul",
    screenshot: "only-on-failure",
    // Recorded on the retry of a failed test only: recording every test (screencast frames and DOM
    // snapshots) doubled the suite's CPU on a two-core runner (test-invoke: 3.9 min with, 1.9 without).
    trace: "on-first-retry",
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [
    // Setup signs the users in. Each spec's workspace goes when its worker ends (support/fixtures.ts);
    // with E2E_RUN_ID, cleanup then deletes whatever carries the run's prefix, failed journeys included.
    { name: "setup", testMatch: /.*\.setup\.ts/, teardown: "cleanup" },
    { name: "cleanup", testMatch: /.*\.teardown\.ts/ },
    { name: "chromium", testIgnore: /.*\.(setup|teardown)\.ts/, dependencies: ["setup"] },
  ],
  webServer: external
    ? undefined
    : [
        {
          command: "node_modules/.bin/tsx local/stack/cli.ts start --reset",
          url: `${baseURL}/api/health?ready=1`,
          reuseExistingServer: false,
          timeout: 180_000,
          stdout: "pipe",
          stderr: "pipe",
          gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
          env: {
            PORT: String(port),
            BACKEND_PORT: String(port + 1),
            IDP_PORT: String(port + 2),
            PLATFORM_DATA_DIR: ".data/e2e",
            BACKEND_TOKEN: process.env.E2E_BACKEND_TOKEN,
            ALLOW_EMBEDDED_IDP: "1",
            NEXT_TELEMETRY_DISABLED: "1",
            LOG_LEVEL: "warn",
            // Deploys wait this long before asking for the endpoint again (the spec's 5 s is for real clusters).
            PLATFORM_DEPLOY_ENDPOINT_WAIT_MS: "200",
            // Ship-from-the-editor runs poll their build task this often (the spec's 5 s is for real Builders).
            TASK_POLL_INTERVAL_MS: "500",
            // Dashboard journeys poll for moved figures: a short shared read keeps them quick.
            DASHBOARD_CACHE_SECONDS: "2",
            ...(registry ? { REGISTRY_CREDENTIALS: registry.credentials } : {}),
          },
        },
        ...(registry ? [registry.server] : []),
      ],
});
