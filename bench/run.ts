/**
 * `npm run bench` (after `npm run build`): every figure of the performance targets, side by side in one
 * run on this machine, printed against its target and written to bench/results/.
 * 1. Cost per request: sequential reads straight from the backend and through the console.
 * 2. Throughput at concurrency 16: the console's no-op health route, signed-in reads, the backend
 *    alone and nginx in front of it.
 * 3. Memory: a fresh console under 60 s of signed-in reads at concurrency 16, then 30 s idle.
 * 4. Page weight: scripts per page (gzip), brotli, prefetches fired without any user intent.
 * 5. Logs: applying a filter with 1,000 executions loaded.
 * BENCH_THROUGHPUT_SECONDS, BENCH_MEMORY_SECONDS and BENCH_IDLE_SECONDS shorten a trial run.
 * 6. Function invocation: warm and cold calls in the WebAssembly sandbox beside the old subprocess runner.
 * 7. Dashboard: its data over 50 workspaces × 50 functions, cold, with the backend calls it costs.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { sessionCookie } from "../e2e/support/session-cookie";
import { closedLoop, type Target } from "./http-load";
import { measureInvoke } from "./invoke";
import { benchDashboard } from "./dashboard";
import { compareLatency } from "./latency";
import { measureLogsFilter, storeExecutions } from "./logs-filter";
import { measureMemory } from "./memory";
import { startNginx } from "./nginx";
import { measurePages } from "./page-weight";
import { startStack } from "./stack";
import { progress } from "./progress";
import { check, printChecks, type Check } from "./targets";

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const THROUGHPUT_SECONDS = seconds("BENCH_THROUGHPUT_SECONDS", 8);
const MEMORY_SECONDS = seconds("BENCH_MEMORY_SECONDS", 60);
const IDLE_SECONDS = seconds("BENCH_IDLE_SECONDS", 30);
const CONCURRENCY = 16;
const EXECUTIONS = 1000;

const port = Number(process.env.BENCH_PORT ?? 3900);
const secret = randomBytes(32).toString("base64url");
const stack = await startStack(port, secret);
const nginx = await startNginx(port + 2, stack.backendUrl);
let results: Record<string, unknown> = {};
try {
  const cookie = await sessionCookie(secret, "developer");
  const signedIn = { cookie };
  const direct = stack.backendHeaders;
  const backendJson = async <T>(path: string) =>
    (await (await fetch(`${stack.backendUrl}${path}`, { headers: direct })).json()) as T;
  const ws = (await backendJson<Array<{ id: string }>>("/api/workspaces"))[0]!.id;
  const fn = (await backendJson<Array<{ id: string }>>(`/api/workspaces/${ws}/functions`))[0]!.id;
  const reads = { workspaces: "/api/workspaces", function: `/api/workspaces/${ws}/functions/${fn}` };

  progress("1. cost per request");
  // 1. Cost per request
  const health = await compareLatency(
    "health (no auth, no upstream)",
    `${stack.backendUrl}/health`,
    `${stack.consoleUrl}/api/health`,
    "",
    direct,
  );
  const latency = [health];
  for (const [label, path] of Object.entries(reads)) {
    latency.push(
      await compareLatency(`GET ${label}`, `${stack.backendUrl}${path}`, `${stack.consoleUrl}${path}`, cookie, direct),
    );
  }
  const ownWork = latency.slice(1).map((l) => ({
    read: l.label,
    ms: Math.round((l.console.medianMs - health.console.medianMs - l.direct.medianMs) * 100) / 100,
  }));

  progress("2. throughput");
  // 2. Throughput at concurrency 16
  const consoleReads: Target[] = Object.values(reads).map((p) => ({
    url: `${stack.consoleUrl}${p}`,
    headers: signedIn,
  }));
  const backendReads: Target[] = Object.values(reads).map((p) => ({ url: `${stack.backendUrl}${p}`, headers: direct }));
  const throughput = {
    "console health": await closedLoop([{ url: `${stack.consoleUrl}/api/health` }], CONCURRENCY, THROUGHPUT_SECONDS),
    "console signed-in reads": await closedLoop(consoleReads, CONCURRENCY, THROUGHPUT_SECONDS),
    "backend alone": await closedLoop(backendReads, CONCURRENCY, THROUGHPUT_SECONDS),
    ...(nginx
      ? {
          "nginx → backend": await closedLoop(
            backendReads.map((t) => ({ ...t, url: t.url.replace(stack.backendUrl, nginx.url) })),
            CONCURRENCY,
            THROUGHPUT_SECONDS,
          ),
        }
      : {}),
  };
  const throughputShare = Math.round(
    (throughput["console signed-in reads"].rps / throughput["console health"].rps) * 100,
  );

  progress("4. page weight");
  // 4. Page weight and prefetches
  const functionBase = `/workspaces/${ws}/functions/${fn}`;
  const pages = await measurePages(stack.consoleUrl, cookie, [
    "/",
    "/workspaces",
    `/workspaces/${ws}`,
    `${functionBase}/settings`,
    `${functionBase}/code`,
    `${functionBase}/metrics`,
    `${functionBase}/logs`,
  ]);
  const outsideCode = pages.filter((p) => !p.page.endsWith("/code"));

  progress("5. logs filter");
  // 5. Logs filter with 1,000 executions
  storeExecutions(".data/bench/platform.db", ws, fn, EXECUTIONS);
  const filter = await measureLogsFilter(stack.consoleUrl, cookie, `${functionBase}/logs`);

  progress("3. memory");
  // 3. Memory (last: it restarts the console)
  const mixed: Target[] = [
    "/api/workspaces",
    `/api/workspaces/${ws}`,
    `/api/workspaces/${ws}/functions`,
    `/api/workspaces/${ws}/functions/${fn}`,
    `/api/workspaces/${ws}/functions/${fn}/logs?limit=50`,
    `/api/v1/workspaces/${ws}/tasks`,
  ].map((p) => ({ url: `${stack.consoleUrl}${p}`, headers: signedIn }));
  const memory = await measureMemory(stack, mixed, CONCURRENCY, MEMORY_SECONDS, IDLE_SECONDS);

  const label = (p: string) => p.replace(ws, ":ws").replace(fn, ":fn");
  console.log(
    `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  );
  console.log("\n1. Cost per request (sequential, ms)");
  console.table(
    latency.map((l) => ({
      read: l.label,
      "direct p50": l.direct.medianMs,
      "console p50": l.console.medianMs,
      "direct p95": l.direct.p95Ms,
      "console p95": l.console.p95Ms,
      n: l.direct.n,
    })),
  );
  console.table(
    ownWork.map((o) => ({ read: o.read, "console's own work (console p50 − health p50 − direct p50)": o.ms })),
  );
  console.log(`2. Throughput at concurrency ${CONCURRENCY} (${THROUGHPUT_SECONDS} s each)`);
  console.table(
    Object.entries(throughput).map(([k, r]) => ({
      target: k,
      "req/s": r.rps,
      "p50 ms": r.p50Ms,
      "p99 ms": r.p99Ms,
      errors: r.errors,
    })),
  );
  console.log(
    `3. Memory: fresh console, ${MEMORY_SECONDS} s of mixed signed-in reads at ${CONCURRENCY}, then ${IDLE_SECONDS} s idle`,
  );
  console.table([
    {
      "req/s": memory.load.rps,
      errors: memory.load.errors,
      "RSS start": memory.rssStartMb,
      "RSS peak": memory.rssPeakMb,
      "RSS idle": memory.rssAfterIdleMb,
      "heap start": memory.heapStartMb,
      "heap after load": memory.heapAfterLoadMb,
      "heap idle": memory.heapAfterIdleMb,
      "heap retained (after GC)": memory.heapRetainedMb,
    },
  ]);
  console.log("4. Page weight (cold cache)");
  console.table(
    pages.map((p) => ({
      page: label(p.page),
      "JS KB gzip": Math.round(p.jsGzipBytes / 1024),
      "JS KB sent": Math.round(p.jsBytes / 1024),
      "JS files": p.jsFiles,
      "brotli files": p.jsBrotliFiles,
      "total KB": Math.round(p.totalBytes / 1024),
      prefetches: p.prefetches,
    })),
  );
  for (const p of pages)
    if (p.notBrotli.length > 0) console.log(`   not brotli on ${label(p.page)}: ${p.notBrotli.join(", ")}`);
  console.log(
    `5. Logs filter with ${EXECUTIONS} executions: median ${filter.medianMs} ms, max ${filter.maxMs} ms over ${filter.runs} changes (${filter.counter})`,
  );

  const checks: Check[] = [
    check(
      "1. console's own work per signed-in read (worst read)",
      Math.max(...ownWork.map((o) => o.ms)),
      "ms",
      "<=",
      1,
    ),
    check("2. signed-in reads vs health route throughput", throughputShare, "%", ">=", 40),
    check("3. peak RSS under load", memory.rssPeakMb, "MB", "<=", 300),
    check(
      "3. heap after idle vs start",
      Math.round((memory.heapAfterIdleMb / memory.heapStartMb) * 100),
      "%",
      "<=",
      120,
    ),
    check(
      "4. JS per page outside the Code tab (gzip, largest)",
      Math.round(Math.max(...outsideCode.map((p) => p.jsGzipBytes)) / 1024),
      "KB",
      "<=",
      250,
    ),
    check(
      "4. prefetches fired without intent (most on a page)",
      Math.max(...pages.map((p) => p.prefetches)),
      "",
      "<=",
      0,
    ),
    check(
      "4. scripts served brotli (fewest on a page, of its scripts)",
      Math.min(...pages.map((p) => (p.jsFiles === 0 ? 0 : Math.round((p.jsBrotliFiles / p.jsFiles) * 100)))),
      "%",
      ">=",
      100,
    ),
    check("5. logs filter with 1,000 executions (median)", filter.medianMs, "ms", "<=", 50),
  ];
  printChecks(checks);

  progress("6. function invocation");
  const invoke = await measureInvoke();
  console.log("Function invocation through the backend API (ms): WebAssembly sandbox vs the old host process per call");
  console.table(invoke);

  results = { latency, ownWork, throughput, throughputShare, memory, pages, filter, invoke, checks };
} finally {
  await nginx?.stop();
  await stack.stop();
}

// Its own stack: a backend of its own behind a counting proxy, and no shared dashboard cache.
progress("7. dashboard");
const dashboard = await benchDashboard(port, secret);
console.log(
  `\nDashboard data over ${dashboard.workspaces} workspaces × ${dashboard.functionsPerWorkspace} functions (GET /api/dashboard, cold, ms)`,
);
console.table([
  {
    "median ms": dashboard.coldMedianMs,
    "p95 ms": dashboard.coldP95Ms,
    "max ms": dashboard.coldMaxMs,
    "backend calls per read": dashboard.upstreamPerRead,
    "page / median ms": dashboard.pageMedianMs,
  },
]);
console.log(
  `${dashboard.concurrentReaders} managers at once: ${dashboard.concurrentWallMs} ms, ${dashboard.concurrentUpstream} backend calls in all`,
);

mkdirSync("bench/results", { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...results, dashboard }, null, 2));
console.log(`written: ${file}`);
