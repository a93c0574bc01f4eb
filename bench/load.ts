/**
 * `npm run bench:load` (after `npm run build`): a fresh production console under a fixed rate of
 * signed-in requests for 60 s (BENCH_LOAD_SECONDS), mixing what a team's open consoles send: lists,
 * details, execution logs and task polls. Prints errors, p50/p99 and the console's memory before, right
 * after and after 30 s idle (BENCH_IDLE_SECONDS). Exits non-zero on any error.
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { sessionCookie } from "../e2e/support/session-cookie";
import { fixedRate, type Target } from "./http-load";
import { heapUsedMb, rssMb } from "./process-memory";
import { startStack } from "./stack";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const RATE = Number(process.env.BENCH_LOAD_RATE ?? 100);

const secret = randomBytes(32).toString("base64url");
const stack = await startStack(Number(process.env.BENCH_PORT ?? 3900), secret);
let failed = false;
try {
  const headers = { cookie: await sessionCookie(secret, "developer") };
  const backendJson = async <T>(path: string) =>
    (await (await fetch(`${stack.backendUrl}${path}`, { headers: stack.backendHeaders })).json()) as T;
  const ws = (await backendJson<Array<{ id: string }>>("/api/workspaces"))[0]!.id;
  const fns = await backendJson<Array<{ id: string }>>(`/api/workspaces/${ws}/functions`);
  const paths = [
    "/api/workspaces",
    `/api/workspaces/${ws}`,
    `/api/workspaces/${ws}/functions`,
    ...fns.map((f) => `/api/workspaces/${ws}/functions/${f.id}`),
    ...fns.map((f) => `/api/workspaces/${ws}/functions/${f.id}/logs?limit=100`),
    `/api/workspaces/${ws}/logs?limit=100`,
    `/api/v1/workspaces/${ws}/tasks`,
    `/api/v1/workspaces/${ws}/tasks`,
  ];
  const targets: Target[] = paths.map((p) => ({ url: `${stack.consoleUrl}${p}`, headers }));
  const { pid, inspectorPort } = stack.console;

  const before = { rss: rssMb(pid), heap: await heapUsedMb(inspectorPort, { gc: true }) };
  let rssPeak = before.rss;
  const result = await fixedRate(targets, RATE, SECONDS, () => (rssPeak = Math.max(rssPeak, rssMb(pid))));
  const after = { rss: rssMb(pid), heap: await heapUsedMb(inspectorPort) };
  await sleep(IDLE_SECONDS * 1000);
  const idle = { rss: rssMb(pid), heap: await heapUsedMb(inspectorPort) };

  console.log(
    `\nLoad: ${RATE} req/s for ${SECONDS} s over ${paths.length} signed-in reads (lists, details, logs, task polls)`,
  );
  console.table([
    {
      requests: result.requests,
      errors: result.errors,
      "achieved req/s": result.rps,
      "p50 ms": result.p50Ms,
      "p99 ms": result.p99Ms,
    },
  ]);
  console.log("Console memory (MB)");
  console.table([
    { when: "before", rss: before.rss, heap: before.heap },
    { when: "after load", rss: after.rss, heap: after.heap },
    { when: `after ${IDLE_SECONDS} s idle`, rss: idle.rss, heap: idle.heap },
    { when: "peak during load", rss: rssPeak, heap: "" },
  ]);
  if (result.errors > 0) {
    failed = true;
    console.error(`${result.errors} errors; first: ${result.firstError}`);
  } else console.log("zero errors");
} finally {
  await stack.stop();
}
if (failed) process.exitCode = 1;
