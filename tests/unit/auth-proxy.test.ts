import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { sessionCookieConfig } from "@/server/auth/config";
import { safeCallbackPath, signInErrorCode } from "@/server/auth/redirects";
import { proxy } from "@/proxy";

const ORIGIN = "http://127.0.0.1:3000";

async function sessionCookie(sessionExpiresAt = Math.floor(Date.now() / 1000) + 3600): Promise<string> {
  const { cookieName, secret } = sessionCookieConfig();
  const value = await encode({
    token: { sub: "u1", sid: crypto.randomUUID(), email: "a@b", roles: ["viewer"], sessionExpiresAt },
    secret,
  });
  return `${cookieName}=${value}`;
}

const request = (path: string, cookie?: string) =>
  new NextRequest(`${ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });

describe("proxy", () => {
  it.each([
    ["/", "/"],
    ["/workspaces/ws-1/functions?tab=logs&q=a%20b", "/workspaces/ws-1/functions?tab=logs&q=a%20b"],
    ["/functions?_rsc=abc&x=1", "/functions?x=1"],
  ])("redirects an anonymous page request %s to sign-in with callbackUrl %s", async (path, callbackUrl) => {
    const response = await proxy(request(path));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe(callbackUrl);
  });

  it("answers an anonymous API call with 401 in the error envelope", async () => {
    const response = await proxy(request("/api/v1/workspaces"));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Sign in to continue." } });
  });

  it("lets a request with a valid session through", async () => {
    const cookie = await sessionCookie();
    for (const path of ["/workspaces", "/api/v1/workspaces"]) {
      const response = await proxy(request(path, cookie));
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
  });

  it("treats an expired, forged or garbled session as none", async () => {
    const expired = await sessionCookie(Math.floor(Date.now() / 1000) - 1);
    const { cookieName } = sessionCookieConfig();
    const forged = `${cookieName}=${await encode({ token: { sub: "x", roles: ["admin"], sessionExpiresAt: 9e9 }, secret: "attacker" })}`;
    for (const cookie of [expired, forged, `${cookieName}=garbage`]) {
      expect((await proxy(request("/api/v1/workspaces", cookie))).status).toBe(401);
    }
  });

  it("does not accept a session JWT as a bearer header", async () => {
    const value = (await sessionCookie()).split("=")[1]!;
    const response = await proxy(
      new NextRequest(`${ORIGIN}/api/v1/workspaces`, { headers: { authorization: `Bearer ${value}` } }),
    );
    expect(response.status).toBe(401);
  });

  it("lets a server action through without a session (it answers UNAUTHENTICATED itself), but not a GET claiming to be one", async () => {
    const action = new NextRequest(`${ORIGIN}/workspaces/ws-1`, {
      method: "POST",
      headers: { "next-action": "abc123" },
    });
    expect((await proxy(action)).headers.get("x-middleware-next")).toBe("1");
    const get = new NextRequest(`${ORIGIN}/workspaces/ws-1`, { headers: { "next-action": "abc123" } });
    expect((await proxy(get)).status).toBe(307);
    const api = new NextRequest(`${ORIGIN}/api/workspaces`, { method: "POST", headers: { "next-action": "abc123" } });
    expect((await proxy(api)).status).toBe(401);
  });

  it("leaves the sign-in and no-access pages open", async () => {
    for (const path of ["/signin", "/signin?error=OAuthCallback", "/no-access"]) {
      expect((await proxy(request(path))).headers.get("x-middleware-next")).toBe("1");
    }
  });
});

describe("sign-in page inputs", () => {
  it.each([
    [undefined, "/"],
    ["/workspaces?x=1", "/workspaces?x=1"],
    [["/a", "/b"], "/a"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/ok\r\nSet-Cookie: x=1", "/"],
  ])("callbackUrl %j → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    [undefined, null],
    ["AccessDenied", "AccessDenied"],
    ["OAuthCallback", "OAuthCallback"],
    ["<script>", "Default"],
  ])("error %j → %s", (input, expected) => {
    expect(signInErrorCode(input)).toBe(expected);
  });
});
