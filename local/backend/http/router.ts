import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, envelope } from "./errors";
import { parseJson, readBody } from "./request";

export type Reply = { status: number; json?: unknown; body?: Buffer | string; headers?: Record<string, string> };

export type RouteContext = {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  path: string;
  /** Raw body bytes (read once, cached). */
  body(): Promise<Buffer>;
  /** Parsed JSON body; `undefined` when empty; 400 when malformed. */
  json(): Promise<unknown>;
};

export type Handler = (ctx: RouteContext) => Promise<Reply>;

type Route = {
  method: string; // "*" matches any method
  segments: string[]; // literal, ":param", or a final "*" that captures the rest as params["*"]
  handler: Handler;
  /** The envelope code of an unexpected failure, e.g. CREATE_ERROR (the spec's `*_ERROR`). */
  errorCode: string;
};

export type RouteDef = { method: string; path: string; handler: Handler; errorCode?: string };

function split(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

function match(route: Route, parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const seg = route.segments[i]!;
    if (seg === "*") {
      params["*"] = parts.slice(i).join("/");
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (seg.startsWith(":")) params[seg.slice(1)] = part;
    else if (seg !== part) return null;
  }
  return parts.length === route.segments.length ? params : null;
}

/** A small route table over node:http: enough for this API without a framework. */
export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly before?: (ctx: RouteContext) => Promise<void>) {}

  add(...defs: RouteDef[]): this {
    for (const d of defs) {
      this.routes.push({
        method: d.method,
        segments: split(d.path),
        handler: d.handler,
        errorCode: d.errorCode ?? "INTERNAL_ERROR",
      });
    }
    return this;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://backend.invalid");
    let parts: string[];
    try {
      parts = split(url.pathname).map((p) => decodeURIComponent(p));
    } catch {
      return send(res, { status: 404, json: envelope("NOT_FOUND", `no route for ${url.pathname}`) });
    }

    let pathMatched = false;
    for (const route of this.routes) {
      const params = match(route, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== "*" && route.method !== req.method) continue;
      return send(res, await this.run(route, req, params, url));
    }
    // FastAPI answers 405 for a known path with another method, 404 otherwise.
    const reply = pathMatched
      ? { status: 405, json: envelope("METHOD_NOT_ALLOWED", `${req.method} is not allowed on ${url.pathname}`) }
      : { status: 404, json: envelope("NOT_FOUND", `no route for ${req.method} ${url.pathname}`) };
    return send(res, reply);
  }

  private async run(route: Route, req: IncomingMessage, params: Record<string, string>, url: URL): Promise<Reply> {
    let raw: Promise<Buffer> | undefined;
    const ctx: RouteContext = {
      req,
      params,
      query: url.searchParams,
      path: url.pathname,
      body: () => (raw ??= readBody(req)),
      json: async () => parseJson(await ctx.body()),
    };
    try {
      await this.before?.(ctx);
      return await route.handler(ctx);
    } catch (err) {
      if (err instanceof ApiError) return { status: err.status, json: envelope(err.code, err.message, err.details) };
      // Unexpected: log it here, keep internals out of the response.
      console.error(`[backend] ${req.method} ${url.pathname} failed:`, err);
      return { status: 500, json: envelope(route.errorCode, "internal error while handling the request") };
    }
  }
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload: Buffer | string | undefined = reply.body;
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers["content-type"] ??= "application/json";
  }
  if (payload !== undefined) headers["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(reply.status === 204 ? undefined : payload);
}
