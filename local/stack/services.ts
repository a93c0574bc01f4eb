import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

export type Service = { name: string; child: ChildProcess; exited: Promise<number | null> };

const colours: Record<string, string> = { backend: "\x1b[36m", idp: "\x1b[35m", console: "\x1b[32m" };

/**
 * Starts a service in its own process group, so that stopping it also stops what it spawned
 * (next dev's workers, the function host's Python processes) and nothing is left behind.
 */
export function startService(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Service {
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `${colours[name] ?? ""}[${name}]\x1b[0m `;
  const relay = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split(/\r?\n/)) if (line) stream.write(prefix + line + "\n");
  };
  child.stdout?.on("data", relay(process.stdout));
  child.stderr?.on("data", relay(process.stderr));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { name, child, exited };
}

/** Polls a URL until it answers 2xx, the service dies, or the deadline passes. */
export async function waitForHttp(service: Service, url: string, timeoutMs = 120_000): Promise<void> {
  let dead = false;
  void service.exited.then(() => (dead = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${service.name} exited before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${service.name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

function signalGroup(service: Service, signal: NodeJS.Signals): void {
  if (service.child.pid === undefined || service.child.exitCode !== null) return;
  try {
    process.kill(-service.child.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to each group, SIGKILL to whatever is still alive after the grace period. */
export async function stopAll(services: Service[], graceMs = 8_000): Promise<void> {
  for (const s of [...services].reverse()) signalGroup(s, "SIGTERM");
  const all = Promise.all(services.map((s) => s.exited));
  const timedOut = await Promise.race([all.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) for (const s of services) signalGroup(s, "SIGKILL");
}

/** Last resort on a synchronous exit path: no awaiting possible, so kill outright. */
export function killAllNow(services: Service[]): void {
  for (const s of services) signalGroup(s, "SIGKILL");
}
