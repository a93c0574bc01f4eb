import { Agent, request } from "node:http";

/** One target of a load run: a URL and the headers to send (the session cookie, the backend token). */
export type Target = { url: string; headers?: Record<string, string> };
export type LoadResult = {
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  seconds: number;
  firstError?: string;
};

/** One GET over a keep-alive agent, body read to the end; resolves with the status. */
function get(agent: Agent, target: Target): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(target.url, { agent, headers: target.headers }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function summarize(latencies: number[], errors: number, ms: number, firstError?: string): LoadResult {
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: sorted.length + errors,
    errors,
    rps: Math.round(((sorted.length + errors) / ms) * 1000),
    p50Ms: r2(at(0.5)),
    p99Ms: r2(at(0.99)),
    seconds: r2(ms / 1000),
    firstError,
  };
}

/**
 * Closed loop: `concurrency` workers, each sending its next request as soon as the last one is answered,
 * for `seconds`, cycling through `targets`. Measures how many requests per second the server sustains.
 */
export async function closedLoop(targets: Target[], concurrency: number, seconds: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const target = targets[next++ % targets.length]!;
      const t0 = performance.now();
      try {
        const status = await get(agent, target);
        if (status >= 200 && status < 300) latencies.push(performance.now() - t0);
        else {
          errors++;
          firstError ??= `${target.url} answered ${status}`;
        }
      } catch (err) {
        errors++;
        firstError ??= `${target.url}: ${(err as Error).message}`;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  agent.destroy();
  return summarize(latencies, errors, elapsed, firstError);
}

/**
 * Open loop: requests start at a fixed rate whatever the answers do (as users arrive), so a slow server
 * shows up as latency rather than as a politely slower client. `onSecond` runs once a second (sampling).
 */
export async function fixedRate(
  targets: Target[],
  perSecond: number,
  seconds: number,
  onSecond?: () => void,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const inflight = new Set<Promise<void>>();
  const started = performance.now();
  const total = Math.round(perSecond * seconds);
  let lastSecond = 0;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const second = Math.floor((performance.now() - started) / 1000);
    if (second > lastSecond) {
      lastSecond = second;
      onSecond?.();
    }
    const target = targets[i % targets.length]!;
    const t0 = performance.now();
    const p: Promise<void> = get(agent, target).then(
      (status) => {
        if (status >= 200 && status < 300) latencies.push(performance.now() - t0);
        else {
          errors++;
          firstError ??= `${target.url} answered ${status}`;
        }
      },
      (err: Error) => {
        errors++;
        firstError ??= `${target.url}: ${err.message}`;
      },
    );
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  }
  await Promise.all(inflight);
  const elapsed = performance.now() - started;
  agent.destroy();
  return summarize(latencies, errors, elapsed, firstError);
}
