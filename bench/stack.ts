import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

export type BenchStack = { consoleUrl: string; backendUrl: string; stop: () => Promise<void> };

/** The production build with the embedded platform, on ports of its own, with a secret the bench knows. */
export async function startStack(port: number, secret: string, extraEnv: Record<string, string> = {}): Promise<BenchStack> {
  const child = spawn("node_modules/.bin/tsx", ["local/stack/cli.ts", "start", "--reset"], {
    env: {
      ...process.env,
      PORT: String(port),
      BACKEND_PORT: String(port + 1),
      IDP_PORT: String(port + 2),
      PLATFORM_DATA_DIR: ".data/bench",
      NEXTAUTH_SECRET: secret,
      ALLOW_EMBEDDED_IDP: "1",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const consoleUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("the stack exited: did `npm run build` run?");
    try {
      if ((await fetch(`${consoleUrl}/api/health?ready=1`)).ok) break;
    } catch {
      // starting
    }
    await sleep(500);
  }
  return {
    consoleUrl,
    backendUrl: `http://127.0.0.1:${port + 1}`,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(15_000)]);
    },
  };
}
