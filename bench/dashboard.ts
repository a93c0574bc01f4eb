import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { sessionCookie } from "../e2e/support/session-cookie";
import { startCountingProxy } from "./counting-proxy";
import { startStack } from "./stack";

/*
 * The dashboard at scale: an embedded backend holding WORKSPACES × FUNCTIONS, the console in front of
 * it through a counting proxy, and the dashboard read timed cold (no shared cache: DASHBOARD_CACHE_SECONDS=0)
 * with the backend calls each read makes, then a room of managers asking at once.
 */
export type DashboardBench = {
  workspaces: number;
  functionsPerWorkspace: number;
  coldMedianMs: number;
  coldP95Ms: number;
  coldMaxMs: number;
  upstreamPerRead: number;
  concurrentReaders: number;
  concurrentWallMs: number;
  concurrentUpstream: number;
  pageMedianMs: number;
};

const WORKSPACES = 50;
const FUNCTIONS = 50;

/** The embedded backend demands its bearer token; the seed and the console both send it. */
const BACKEND_TOKEN = randomBytes(24).toString("base64url");
const backendAuth = { authorization: `Bearer ${BACKEND_TOKEN}` };

async function startBackend(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn("node_modules/.bin/tsx", ["local/backend/main.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      PLATFORM_DB: ":memory:",
      PLATFORM_SEED: "0",
      PLATFORM_DATA_DIR: ".data/bench-dashboard",
      BACKEND_TOKEN,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = "";
    child.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.once("exit", () => reject(new Error("the embedded backend exited before it listened")));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function post(url: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...backendAuth },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

/** 50 workspaces of 50 functions; one function per workspace ran (some failing), so figures are not all zero. */
async function seed(backendUrl: string): Promise<void> {
  const ok = Buffer.from("def handler(event):\n    return {'ok': True}\n").toString("base64");
  const failing = Buffer.from("def handler(event):\n    return 1 / 0\n").toString("base64");
  for (let w = 0; w < WORKSPACES; w++) {
    const ws = await post(`${backendUrl}/api/workspaces`, { name: `bench-${w}` });
    const created = await Promise.all(
      Array.from({ length: FUNCTIONS }, (_, f) =>
        post(`${backendUrl}/api/workspaces/${ws.id}/functions`, {
          name: `fn-${w}-${f}`,
          httpMethods: ["POST"],
          code: f === 0 && w % 5 === 0 ? failing : ok,
        }),
      ),
    );
    await fetch(`${backendUrl}/api/workspaces/${ws.id}/functions/${created[0]!.id}/invoke`, {
      method: "POST",
      headers: { "content-type": "application/json", ...backendAuth },
      body: "{}",
    });
  }
}

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const round = (n: number) => Math.round(n);

export async function benchDashboard(port: number, secret: string): Promise<DashboardBench> {
  const backend = await startBackend();
  const proxy = await startCountingProxy(backend.url);
  try {
    await seed(backend.url);
    const stack = await startStack(port, secret, {
      consoleEnv: { BACKEND_URL: proxy.url, BACKEND_TOKEN, DASHBOARD_CACHE_SECONDS: "0" },
    });
    try {
      const cookie = await sessionCookie(secret, "viewer");
      const read = async (path: string) => {
        const started = performance.now();
        const res = await fetch(`${stack.consoleUrl}${path}`, { headers: { cookie } });
        const body = await res.text();
        if (!res.ok) throw new Error(`${path} → ${res.status} ${body.slice(0, 200)}`);
        return { ms: performance.now() - started, body };
      };
      const first = JSON.parse((await read("/api/dashboard")).body) as {
        totals: { workspaces: number; functions: number };
        failures: unknown[];
      };
      if (
        first.totals.workspaces !== WORKSPACES ||
        first.totals.functions !== WORKSPACES * FUNCTIONS ||
        first.failures.length > 0
      ) {
        throw new Error(`the dashboard does not see the seeded data: ${JSON.stringify(first.totals)}`);
      }
      for (let i = 0; i < 3; i++) await read("/api/dashboard"); // warm

      const cold: number[] = [];
      const before = proxy.count();
      const N = 15;
      for (let i = 0; i < N; i++) cold.push((await read("/api/dashboard")).ms);
      const upstreamPerRead = (proxy.count() - before) / N;

      const readers = 20;
      const atOnce = proxy.count();
      const started = performance.now();
      await Promise.all(Array.from({ length: readers }, () => read("/api/dashboard")));
      const concurrentWallMs = performance.now() - started;
      const concurrentUpstream = proxy.count() - atOnce;

      const page: number[] = [];
      for (let i = 0; i < 5; i++) page.push((await read("/")).ms);

      return {
        workspaces: WORKSPACES,
        functionsPerWorkspace: FUNCTIONS,
        coldMedianMs: round(quantile(cold, 0.5)),
        coldP95Ms: round(quantile(cold, 0.95)),
        coldMaxMs: round(Math.max(...cold)),
        upstreamPerRead,
        concurrentReaders: readers,
        concurrentWallMs: round(concurrentWallMs),
        concurrentUpstream,
        pageMedianMs: round(quantile(page, 0.5)),
      };
    } finally {
      await stack.stop();
    }
  } finally {
    await proxy.close();
    await backend.stop();
  }
}
