/**
 * A loopback front for a real registry that demands the Bearer token flow (what ECR, Docker Hub
 * and GHCR do): `/v2/*` without a valid token answers 401 `WWW-Authenticate: Bearer realm=…`;
 * `/token` hands out a token for the right Basic credentials; with a token, requests pass through
 * to the registry unchanged (the Host header is kept, so upload Locations point back here).
 */
import { randomBytes } from "node:crypto";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry, RegistryAuth } from "./registry-server";

export type BearerProxy = {
  url: string;
  tokenRequests: { scope: string[]; service: string | null; authorized: boolean }[];
  close(): Promise<void>;
};

export async function startBearerProxy(upstream: Registry, auth: RegistryAuth): Promise<BearerProxy> {
  const token = randomBytes(16).toString("hex");
  const tokenRequests: BearerProxy["tokenRequests"] = [];
  const expectedBasic = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
  let origin = "";

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const proxy = (req: IncomingMessage, res: ServerResponse) => {
    const { hostname, port } = new URL(upstream.origin);
    const headers = { ...req.headers };
    delete headers.authorization;
    const out = request({ hostname, port, path: req.url, method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on("error", () =>
      json(res, 502, { errors: [{ code: "UNAVAILABLE", message: "upstream registry unreachable" }] }),
    );
    req.pipe(out);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin);
    if (url.pathname === "/token") {
      const authorized = req.headers.authorization === expectedBasic;
      tokenRequests.push({
        scope: url.searchParams.getAll("scope"),
        service: url.searchParams.get("service"),
        authorized,
      });
      return authorized
        ? json(res, 200, { token, expires_in: 300 })
        : json(res, 401, { errors: [{ code: "UNAUTHORIZED", message: "bad credentials" }] });
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      req.resume();
      const repo = /^\/v2\/(.+?)\/(blobs|manifests|tags)\//.exec(url.pathname)?.[1];
      const scope = repo ? `,scope="repository:${repo}:pull"` : "";
      return json(
        res,
        401,
        { errors: [{ code: "UNAUTHORIZED", message: "authentication required" }] },
        {
          "www-authenticate": `Bearer realm="${origin}/token",service="contract-registry"${scope}`,
        },
      );
    }
    proxy(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `127.0.0.1:${port}`,
    tokenRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
