import { readFileSync } from "node:fs";

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  if (!line) throw new Error(`no VmRSS for pid ${pid}`);
  return Math.round(Number(line[1]) / 1024);
}

type CdpReply = { id: number; result?: Record<string, unknown>; error?: { message: string } };

/**
 * The V8 heap of a process started with --inspect, over the DevTools protocol (Node's WebSocket client:
 * the bench runs with --experimental-websocket). `gc` first asks for a full collection, so the figure is
 * what is really retained rather than garbage not yet collected.
 */
export async function heapUsedMb(inspectorPort: number, opts: { gc?: boolean } = {}): Promise<number> {
  const list = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  const ws = new WebSocket(list[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener("error", reject, { once: true });
  });
  let id = 0;
  const send = (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const mine = ++id;
      const onMessage = (event: MessageEvent) => {
        const reply = JSON.parse(String(event.data)) as CdpReply;
        if (reply.id !== mine) return;
        ws.removeEventListener("message", onMessage);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result ?? {});
      };
      ws.addEventListener("message", onMessage);
      ws.send(JSON.stringify({ id: mine, method }));
    });
  try {
    if (opts.gc) await send("HeapProfiler.collectGarbage");
    const usage = (await send("Runtime.getHeapUsage")) as { usedSize: number };
    return Math.round(usage.usedSize / 1024 / 1024);
  } finally {
    ws.close();
  }
}
