/**
 * `npm run bench` (after `npm run build`): measurements side by side in one run, reported as ratios.
 * 1. BFF overhead: the same reads straight from the backend and through the console (auth, validation,
 *    reshaping, logging included).
 * 2. Page weight: JavaScript each page makes a browser download; the code editor (Monaco) must stay on
 *    the pages that need it.
 * 3. Dashboard: its data over 50 workspaces × 50 functions, cold, with the backend calls it costs.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { sessionCookie } from "../e2e/support/session-cookie";
import { benchDashboard } from "./dashboard";
import { compareLatency } from "./latency";
import { measurePages } from "./page-weight";
import { startStack } from "./stack";

const secret = randomBytes(32).toString("base64url");
const port = Number(process.env.BENCH_PORT ?? 3900);
const stack = await startStack(port, secret);
let results: Record<string, unknown> = {};
try {
  const cookie = await sessionCookie(secret, "developer");
  const workspaces = (await (await fetch(`${stack.backendUrl}/api/workspaces`)).json()) as Array<{ id: string }>;
  const ws = workspaces[0]!.id;
  const fns = (await (await fetch(`${stack.backendUrl}/api/workspaces/${ws}/functions`)).json()) as Array<{ id: string }>;
  const fn = fns[0]!.id;

  const latency = [
    // No session, no upstream call: the framework's own cost per request, for scale.
    await compareLatency("health (no auth, no upstream)", `${stack.backendUrl}/health`, `${stack.consoleUrl}/api/health`, cookie),
    await compareLatency("GET workspaces", `${stack.backendUrl}/api/workspaces`, `${stack.consoleUrl}/api/workspaces`, cookie),
    await compareLatency(
      "GET function",
      `${stack.backendUrl}/api/workspaces/${ws}/functions/${fn}`,
      `${stack.consoleUrl}/api/workspaces/${ws}/functions/${fn}`,
      cookie,
    ),
  ];
  const functionBase = `/workspaces/${ws}/functions/${fn}`;
  const pages = await measurePages(stack.consoleUrl, cookie, ["/", "/workspaces", `/workspaces/${ws}`, `${functionBase}/settings`, `${functionBase}/code`, `${functionBase}/metrics`]);
  const baseline = pages.find((p) => p.page === "/workspaces")!.jsBytes;

  console.log("\nBFF overhead (sequential requests, median and p95 in ms)");
  console.table(latency.map((l) => ({ read: l.label, "direct median": l.direct.medianMs, "console median": l.console.medianMs, "direct p95": l.direct.p95Ms, "console p95": l.console.p95Ms, "console / direct": l.ratio, n: l.direct.n })));
  console.log("Page weight (transferred bytes, cold cache; ratio against /workspaces)");
  console.table(pages.map((p) => ({ page: p.page.replace(ws, ":ws").replace(fn, ":fn"), "JS KB": Math.round(p.jsBytes / 1024), "JS files": p.jsFiles, "total KB": Math.round(p.totalBytes / 1024), "JS ratio": Math.round((p.jsBytes / baseline) * 100) / 100 })));

  results = { latency, pages };
} finally {
  await stack.stop();
}

// Its own stack: a backend of its own behind a counting proxy, and no shared dashboard cache.
const dashboard = await benchDashboard(port, secret);
console.log(`\nDashboard data over ${dashboard.workspaces} workspaces × ${dashboard.functionsPerWorkspace} functions (GET /api/dashboard, cold, ms)`);
console.table([
  { "median ms": dashboard.coldMedianMs, "p95 ms": dashboard.coldP95Ms, "max ms": dashboard.coldMaxMs, "backend calls per read": dashboard.upstreamPerRead, "page / median ms": dashboard.pageMedianMs },
]);
console.log(`${dashboard.concurrentReaders} managers at once: ${dashboard.concurrentWallMs} ms, ${dashboard.concurrentUpstream} backend calls in all`);

mkdirSync("bench/results", { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...results, dashboard }, null, 2));
console.log(`written: ${file}`);
