/**
 * `npm run bench:profile` (after `npm run build`): a CPU profile of the production console serving
 * signed-in reads at concurrency 16 (`node --cpu-prof`), written to .reports/cpu-prof/ (open it in
 * Chrome DevTools' Performance panel), with the functions that took the most time printed.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { sessionCookie } from "../e2e/support/session-cookie";
import { closedLoop } from "./http-load";
import { startStack } from "./stack";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const dir = resolve(".reports/cpu-prof"); // absolute: the standalone server changes its working directory
const seconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 15);
const secret = randomBytes(32).toString("base64url");
const stack = await startStack(Number(process.env.BENCH_PORT ?? 3900), secret, {
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
});
try {
  const cookie = await sessionCookie(secret, "developer");
  const targets = [{ url: `${stack.consoleUrl}/api/workspaces`, headers: { cookie } }];
  await closedLoop(targets, 4, 2);
  const result = await closedLoop(targets, 16, seconds);
  console.log(
    `GET /api/workspaces at 16: ${result.rps} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.errors} errors`,
  );
} finally {
  await stack.stop(); // the profile is written when the console exits
}

const file = readdirSync(dir)
  .filter((f) => f.endsWith(".cpuprofile"))
  .map((f) => `${dir}/${f}`)
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTime = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const frame = byId.get(id)!.callFrame;
  const key = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/.*\/(node_modules|\.next)\//, "$1/")}:${frame.lineNumber}`;
  selfTime.set(key, (selfTime.get(key) ?? 0) + profile.timeDeltas[i]!);
  total += profile.timeDeltas[i]!;
});
console.log(`\n${file}: self time, top 25`);
for (const [key, t] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${((t / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
