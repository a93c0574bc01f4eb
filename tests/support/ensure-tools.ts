/**
 * Makes `npm test` work on a fresh machine: installs what the suites need when it is missing.
 * - Chromium for the browser journeys (Debian's package as root, otherwise Playwright's own download);
 * - Debian's docker-registry, the real OCI registry the push tests use (root only; without it those
 *   tests say why they skip);
 * - a Korean font, so screenshots of Korean pages are legible (root only; cosmetic);
 * - Debian's PostgreSQL and Redis, the real peers of the console's store and session-revocation tests,
 *   and nginx, the reference proxy the benchmarks compare against (root only).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "../../e2e/support/chromium";

const root = typeof process.getuid === "function" && process.getuid() === 0;
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });

const aptPackages: string[] = [];
if (!findChromium() && !process.env.E2E_BASE_URL) aptPackages.push("chromium");
if (!existsSync("/usr/bin/docker-registry")) aptPackages.push("docker-registry");
if (!existsSync("/usr/share/fonts/truetype/nanum")) aptPackages.push("fonts-nanum");
if (!existsSync("/usr/lib/postgresql")) aptPackages.push("postgresql");
if (!existsSync("/usr/bin/redis-server")) aptPackages.push("redis-server");
if (!existsSync("/usr/sbin/nginx")) aptPackages.push("nginx-light");

if (root && aptPackages.length > 0 && existsSync("/usr/bin/apt-get")) {
  console.log(`Installing test tools: ${aptPackages.join(", ")}`);
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "-o", "DPkg::Lock::Timeout=300", "--no-install-recommends", ...aptPackages]);
}

if (!findChromium()) {
  if (!root || !existsSync("/usr/bin/apt-get")) {
    console.log("No Chromium found; installing Playwright's chromium...");
    run("npx", ["playwright", "install", "chromium"]);
  }
  if (!findChromium()) {
    console.error("Chromium is still missing; set CHROMIUM_PATH to a Chromium or Chrome binary.");
    process.exit(1);
  }
}
if (!existsSync("/usr/bin/docker-registry"))
  console.warn("docker-registry is not installed: the registry push tests will be skipped.");
