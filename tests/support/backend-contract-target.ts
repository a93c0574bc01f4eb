/**
 * The peer the contract suite talks to: the backend at CONTRACT_BASE_URL (the real FastAPI one,
 * for instance), or by default the embedded backend started in-process on a free port with an
 * in-memory database and a temporary objects directory. Tests use HTTP only.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "vitest";
import { startBackend, type BackendOptions } from "../../local/backend/server";

export const REMOTE_BASE_URL = process.env.CONTRACT_BASE_URL?.replace(/\/+$/, "") || null;
export const EMBEDDED = REMOTE_BASE_URL === null;
export const EMBEDDED_ONLY_REASON = `skipped: needs the embedded backend (fault switches or function host), but CONTRACT_BASE_URL=${REMOTE_BASE_URL}`;

/** `describe` for tests that need the embedded backend; against another peer they skip, saying why. */
export function describeEmbedded(title: string, body: () => void): void {
  if (EMBEDDED) describe(title, body);
  else describe.skip(`${title} (${EMBEDDED_ONLY_REASON})`, body);
}

/** The bearer token the peer demands: CONTRACT_BACKEND_TOKEN for a remote one, the embedded backend's own otherwise. */
const REMOTE_TOKEN = process.env.CONTRACT_BACKEND_TOKEN || null;
const tokens = new Map<string, string>();

/** Tells Api calls to baseUrl which bearer token to send (a backend started some other way). */
export function registerToken(baseUrl: string, token: string): void {
  tokens.set(baseUrl, token);
}

/** Headers with the peer's credential, for the few tests that call fetch themselves. */
export function authHeaders(baseUrl: string, headers: Record<string, string> = {}): Record<string, string> {
  const token = tokens.get(baseUrl);
  return token ? { ...headers, authorization: `Bearer ${token}` } : headers;
}

export type Target = { baseUrl: string; embedded: boolean; token: string | null; close(): Promise<void> };

export async function startTarget(options: BackendOptions = {}): Promise<Target> {
  if (REMOTE_BASE_URL) {
    if (REMOTE_TOKEN) tokens.set(REMOTE_BASE_URL, REMOTE_TOKEN);
    return { baseUrl: REMOTE_BASE_URL, embedded: false, token: REMOTE_TOKEN, close: async () => undefined };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "eunha-contract-"));
  const backend = await startBackend({ port: 0, dbPath: ":memory:", dataDir, seed: false, ...options });
  // Ready means ready to run functions and builds: the sandbox boots before the first test's clock starts.
  await backend.sandboxReady;
  tokens.set(backend.url, backend.token);
  return {
    baseUrl: backend.url,
    embedded: true,
    token: backend.token,
    close: async () => {
      tokens.delete(backend.url);
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ApiResponse = { status: number; body: unknown; text: string; headers: Headers; ms: number };

/** A thin fetch wrapper that remembers created workspaces so a run against a real peer cleans up. */
export class Api {
  private readonly created = new Set<string>();

  constructor(readonly baseUrl: string) {}

  async call(method: string, path: string, body?: unknown, raw?: string): Promise<ApiResponse> {
    const init: RequestInit = { method, headers: authHeaders(this.baseUrl) };
    if (raw !== undefined || body !== undefined) {
      init.body = raw ?? JSON.stringify(body);
      init.headers = authHeaders(this.baseUrl, { "content-type": "application/json" });
    }
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}${path}`, init);
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (method === "POST" && path === "/api/workspaces" && res.ok) this.created.add((parsed as { id: string }).id);
    return { status: res.status, body: parsed, text, headers: res.headers, ms: performance.now() - started };
  }

  get = (path: string) => this.call("GET", path);
  post = (path: string, body?: unknown) => this.call("POST", path, body);
  patch = (path: string, body?: unknown) => this.call("PATCH", path, body);
  delete = (path: string) => this.call("DELETE", path);

  async createWorkspace(name = `contract-${Date.now().toString(36)}`): Promise<{ id: string; name: string }> {
    const res = await this.post("/api/workspaces", { name, description: "created by the contract suite" });
    if (res.status !== 200 && res.status !== 201) throw new Error(`create workspace: ${res.status} ${res.text}`);
    return res.body as { id: string; name: string };
  }

  async createFunction(workspaceId: string, overrides: Record<string, unknown> = {}): Promise<FunctionBody> {
    const res = await this.post(`/api/workspaces/${workspaceId}/functions`, functionInput(overrides));
    if (res.status !== 200 && res.status !== 201) throw new Error(`create function: ${res.status} ${res.text}`);
    return res.body as FunctionBody;
  }

  async cleanup(): Promise<void> {
    for (const id of this.created) await this.delete(`/api/workspaces/${id}`).catch(() => undefined);
    this.created.clear();
  }
}

export type FunctionBody = Record<string, unknown> & { id: string; workspaceId: string; code: string };

export const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

export const PLAIN_SOURCE = `def handler(event):\n    print("plain handler got", event)\n    return {"ok": True, "echo": event}\n`;

export function functionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `fn-${Math.random().toString(36).slice(2, 8)}`,
    runtime: "Python 3.12",
    memory: 128,
    timeout: 10,
    httpMethods: ["POST"],
    environmentVariables: {},
    code: b64(PLAIN_SOURCE),
    ...overrides,
  };
}

/**
 * A stand-in for a deployed function, on loopback: lets invoke be tested against any backend
 * (its invocationUrl points here). Paths: /ok echoes JSON, /fail answers 500, /teapot 418,
 * /slow answers after 5 s.
 */
export async function startStubFunction(): Promise<{ url: string; requests: unknown[]; close(): Promise<void> }> {
  const requests: unknown[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const body = text ? (JSON.parse(text) as unknown) : null;
      requests.push(body);
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      if (req.url?.startsWith("/ok")) json(200, { stub: "ok", received: body });
      else if (req.url?.startsWith("/teapot")) json(418, { stub: "teapot" });
      else if (req.url?.startsWith("/fail")) json(500, { stub: "failed" });
      else if (req.url?.startsWith("/slow")) setTimeout(() => json(200, { stub: "late" }), 5_000).unref();
      else json(404, { stub: "no such path" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, read, released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
