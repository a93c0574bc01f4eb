import { setTimeout as sleep } from "node:timers/promises";
import { closedLoop, type LoadResult, type Target } from "./http-load";
import { heapUsedMb, rssMb } from "./process-memory";
import type { BenchStack } from "./stack";

export type MemoryRun = {
  seconds: number;
  idleSeconds: number;
  load: LoadResult;
  rssStartMb: number;
  rssPeakMb: number;
  rssAfterIdleMb: number;
  heapStartMb: number;
  heapAfterLoadMb: number;
  /** As V8 left it after the idle period (no forced collection). */
  heapAfterIdleMb: number;
  /** After a forced full collection at the end: what is really retained. */
  heapRetainedMb: number;
};

/**
 * A fresh production console (restarted, so earlier runs leave nothing behind) under `seconds` of
 * signed-in reads at `concurrency`, then `idleSeconds` without requests. RSS is sampled once a second.
 */
export async function measureMemory(
  stack: BenchStack,
  targets: Target[],
  concurrency: number,
  seconds: number,
  idleSeconds: number,
): Promise<MemoryRun> {
  const server = await stack.restartConsole();
  // Each route once, so the starting figures include the code every request needs.
  await closedLoop(targets, 1, 0.5);
  const heapStartMb = await heapUsedMb(server.inspectorPort, { gc: true });
  const rssStartMb = rssMb(server.pid);
  let rssPeakMb = rssStartMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(server.pid))), 1000);
  let load: LoadResult;
  try {
    load = await closedLoop(targets, concurrency, seconds);
  } finally {
    clearInterval(sampler);
  }
  rssPeakMb = Math.max(rssPeakMb, rssMb(server.pid));
  const heapAfterLoadMb = await heapUsedMb(server.inspectorPort);
  await sleep(idleSeconds * 1000);
  const heapAfterIdleMb = await heapUsedMb(server.inspectorPort);
  const rssAfterIdleMb = rssMb(server.pid);
  const heapRetainedMb = await heapUsedMb(server.inspectorPort, { gc: true });
  return {
    seconds,
    idleSeconds,
    load,
    rssStartMb,
    rssPeakMb,
    rssAfterIdleMb,
    heapStartMb,
    heapAfterLoadMb,
    heapAfterIdleMb,
    heapRetainedMb,
  };
}
