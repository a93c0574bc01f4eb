/**
 * A real HTTP server on 127.0.0.1 that misbehaves on request, so upstream and BFF tests exercise the
 * actual network stack (undici, sockets, timeouts) instead of a mocked fetch.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Behavior =
  | { kind: "json"; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: "text"; status: number; body: string; contentType: string }
  | { kind: "empty"; status: number; headers?: Record<string, string> }
  | { kind: "delay"; ms: number; then: Behavior }
  | { kind: "reset" }
  | { kind: "resetOnce"; then: Behavior }
  | { kind: "garbage" };

/** Behavior builders: `server.setRoute("GET", "/api/workspaces", fault.json(200, []))`. */
export const fault = {
  json: (status: number, body: unknown, headers?: Record<string, string>): Behavior => ({
    kind: "json",
    status,
    body,
    headers,
  }),
  text: (status: number, body: string, contentType = "text/plain; charset=utf-8"): Behavior => ({
    kind: "text",
    status,
    body,
    contentType,
  }),
  empty: (status: number, headers?: Record<string, string>): Behavior => ({ kind: "empty", status, headers }),
  /** Waits, then behaves as `then` (a 200 `{}` by default). */
  delay: (ms: number, then: Behavior = { kind: "json", status: 200, body: {} }): Behavior => ({
    kind: "delay",
    ms,
    then,
  }),
  /** Destroys the socket without answering: the client sees "other side closed" / ECONNRESET. */
  reset: (): Behavior => ({ kind: "reset" }),
  /** The route's first request is reset, every later one behaves as `then`. */
  resetOnce: (then: Behavior): Behavior => ({ kind: "resetOnce", then }),
  /** A 200 that claims JSON but is not. */
  garbage: (): Behavior => ({ kind: "garbage" }),
};

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

export type FaultServer = {
  url: string;
  /** `path` is matched without the query string; the recorded request keeps it. */
  setRoute(method: string, path: string, behavior: Behavior): void;
  requests: RecordedRequest[];
  /** "METHOD /path" of every request as soon as its headers arrive, even one whose body never ends. */
  arrivals: string[];
  /** Forgets routes and recorded requests, for a fresh start between tests. */
  reset(): void;
  close(): Promise<void>;
};

export async function startFaultServer(): Promise<FaultServer> {
  const routes = new Map<string, { behavior: Behavior; hits: number }>();
  const requests: RecordedRequest[] = [];
  const arrivals: string[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    arrivals.push(`${req.method ?? "GET"} ${req.url ?? "/"}`);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const fullPath = req.url ?? "/";
      const method = req.method ?? "GET";
      requests.push({ method, path: fullPath, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const route = routes.get(key(method, fullPath.split("?")[0] ?? "/"));
      if (!route) return respond(res, { kind: "json", status: 404, body: { detail: "Not Found" } });
      route.hits++;
      respond(res, route.behavior, route.hits);
    });
  });

  function respond(res: ServerResponse, behavior: Behavior, hit = 1): void {
    switch (behavior.kind) {
      case "json":
        res.writeHead(behavior.status, { "content-type": "application/json", ...behavior.headers });
        res.end(JSON.stringify(behavior.body));
        return;
      case "text":
        res.writeHead(behavior.status, { "content-type": behavior.contentType });
        res.end(behavior.body);
        return;
      case "empty":
        res.writeHead(behavior.status, behavior.headers);
        res.end();
        return;
      case "garbage":
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"id": "ws-1", "name": ');
        return;
      case "reset":
        res.socket?.destroy();
        return;
      case "resetOnce":
        if (hit === 1) res.socket?.destroy();
        else respond(res, behavior.then, hit);
        return;
      case "delay": {
        const timer = setTimeout(() => {
          timers.delete(timer);
          // The client may have given up already; answering a closed socket is harmless.
          if (!res.destroyed) respond(res, behavior.then, hit);
        }, behavior.ms);
        timers.add(timer);
        return;
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    arrivals,
    setRoute(method, path, behavior) {
      routes.set(key(method, path), { behavior, hits: 0 });
    },
    reset() {
      routes.clear();
      requests.length = 0;
      arrivals.length = 0;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function key(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
