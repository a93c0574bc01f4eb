import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { refuseBadCallback } from "@/server/auth/callback-guard";
import { safeRedirectUrl } from "@/server/auth/redirects";
import { proxy } from "@/proxy";

/* Issue 11, points 8 and 9: malformed requests answer 4xx, and every page carries the security headers. */

const ORIGIN = "http://127.0.0.1:3000";

describe("proxy refuses what no handler can serve", () => {
  it.each(["PROPFIND", "FOO"])("%s answers 405 (envelope on /api)", async (method) => {
    const api = await proxy(new NextRequest(`${ORIGIN}/api/workspaces`, { method }));
    expect(api.status).toBe(405);
    expect((await api.json()).error.code).toBe("METHOD_NOT_ALLOWED");
    const page = await proxy(new NextRequest(`${ORIGIN}/workspaces`, { method }));
    expect(page.status).toBe(405);
  });

  it.each(["/api/workspaces/%E0%A4%A", "/workspaces/%ZZ", "/api/workspaces/%"])(
    "a broken percent-escape in %s answers 400",
    async (path) => {
      const res = await proxy(new NextRequest(`${ORIGIN}${path}`));
      expect(res.status).toBe(400);
      if (path.startsWith("/api")) expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
    },
  );
});

describe("security headers on pages", () => {
  it("a nonce-based CSP per response, handed to Next on the request, with frame-ancestors 'none' and COOP", async () => {
    const [a, b] = [await proxy(new NextRequest(`${ORIGIN}/signin`)), await proxy(new NextRequest(`${ORIGIN}/signin`))];
    const csp = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // WebAssembly may compile (Ruff in the editor); JavaScript's eval may not outside development.
    expect(csp).toMatch(/script-src[^;]*'wasm-unsafe-eval'/);
    expect(csp).not.toMatch(/script-src[^;]*\s'unsafe-eval'/);
    expect(a.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    // Next reads the nonce from the request's CSP header (x-middleware-request-* carries it on).
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("API answers are not given a page policy by the proxy", async () => {
    const res = await proxy(new NextRequest(`${ORIGIN}/api/workspaces`));
    expect(res.headers.get("content-security-policy")).toBeNull();
  });
});

describe("sign-in and sign-out callback URLs", () => {
  const BASE = "http://127.0.0.1:3000";
  it.each([
    ["\\\\evil.com", BASE],
    ["\\evil.com", BASE],
    ["/\\evil.com", BASE],
    ["//evil.com/x", BASE],
    ["https://evil.com/", BASE],
    ["javascript:alert(1)", BASE],
    ["/workspaces\u0000", BASE],
    ["/workspaces?x=1", `${BASE}/workspaces?x=1`],
    [`${BASE}/signin?reason=signedOut`, `${BASE}/signin?reason=signedOut`],
  ])("redirect callback: %j → %s", (url, expected) => {
    expect(safeRedirectUrl(url, BASE)).toBe(expected);
  });

  it.each([
    ["/api/auth/signin?callbackUrl=%5C%5Cevil.com", undefined, "callbackUrl"],
    ["/api/auth/signout?callbackUrl=%5C%5Cevil.com", undefined, "callbackUrl"],
    ["/api/auth/signin?callbackUrl=https%3A%2F%2Fevil.com", undefined, "callbackUrl"],
    ["/api/auth/signin", "next-auth.callback-url=%5C%5Cevil.com", "next-auth.callback-url"],
    ["/api/auth/session", "next-auth.callback-url=https%3A%2F%2Fevil.com%2F", "next-auth.callback-url"],
  ])("%s (cookie %s) answers 400 on %s", async (path, cookie, field) => {
    const res = refuseBadCallback(new Request(`${BASE}${path}`, { headers: cookie ? { cookie } : {} }), BASE)!;
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "VALIDATION_ERROR", details: { field } } });
    if (cookie) expect(res.headers.get("set-cookie")).toMatch(/^next-auth\.callback-url=; Path=\/; Max-Age=0/);
  });

  it.each([
    ["/api/auth/signin?callbackUrl=%2Fworkspaces", undefined],
    ["/api/auth/session", `next-auth.callback-url=${encodeURIComponent(BASE)}`],
    ["/api/auth/session", `next-auth.callback-url=${encodeURIComponent(`${BASE}/workspaces`)}`],
  ])("%s (cookie %s) passes on to next-auth", (path, cookie) => {
    expect(refuseBadCallback(new Request(`${BASE}${path}`, { headers: cookie ? { cookie } : {} }), BASE)).toBeNull();
  });
});

describe("methods Next cannot serve, on a real Node server", () => {
  it("TRACE, CONNECT-like and made-up methods answer 405 in the envelope before any handler runs", async () => {
    const { createServer, request } = await import("node:http");
    const { installMethodGuard } = await import("@/server/http/method-guard");
    installMethodGuard();
    let handled = 0;
    const server = createServer((_req, res) => {
      handled++;
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const send = (method: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, method, path: "/api/workspaces" }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.end();
      });
    for (const method of ["TRACE", "PROPFIND"]) {
      const res = await send(method);
      expect(res.status).toBe(405);
      expect(JSON.parse(res.body).error.code).toBe("METHOD_NOT_ALLOWED");
    }
    expect((await send("GET")).status).toBe(200);
    expect(handled).toBe(1);
    await new Promise((resolve) => server.close(resolve));
  });
});
