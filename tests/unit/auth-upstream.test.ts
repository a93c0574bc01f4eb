import type { JWT } from "next-auth/jwt";
import { encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const cookieJar = vi.hoisted(() => ({ values: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => [...cookieJar.values].map(([name, value]) => ({ name, value })) }),
}));

// env() is read once per process: set the service-mode settings before server code loads.
beforeAll(() => {
  process.env.BACKEND_AUTH = "service";
  process.env.BACKEND_TOKEN = "svc-token";
});

describe("upstreamIdentityHeaders (BACKEND_AUTH=service)", () => {
  let headersFor: () => Promise<Record<string, string>>;
  let signIn: (token: JWT) => Promise<void>;

  beforeEach(async () => {
    cookieJar.values.clear();
    const { upstreamIdentityHeaders } = await import("@/server/auth/upstream-identity");
    const { sessionCookieConfig } = await import("@/server/auth/config");
    const { cookieName, secret } = sessionCookieConfig();
    headersFor = upstreamIdentityHeaders;
    // Every session next-auth issues carries an id (what sign-out revokes).
    signIn = async (token) =>
      void cookieJar.values.set(cookieName, await encode({ token: { sid: crypto.randomUUID(), ...token }, secret }));
  });

  const later = () => Math.floor(Date.now() / 1000) + 3600;

  it("sends the service token, the user's email and roles", async () => {
    await signIn({
      sub: "u1",
      email: "dana@eunha.local",
      name: "Dana",
      roles: ["developer"],
      sessionExpiresAt: later(),
    });
    await expect(headersFor()).resolves.toEqual({
      authorization: "Bearer svc-token",
      "x-eunha-user": "dana@eunha.local",
      "x-eunha-roles": "developer",
    });
  });

  it("falls back to the subject when the IdP gave no email", async () => {
    await signIn({ sub: "00u-okta-id", roles: ["viewer"], sessionExpiresAt: later() });
    await expect(headersFor()).resolves.toMatchObject({ "x-eunha-user": "00u-okta-id", "x-eunha-roles": "viewer" });
  });

  it("refuses without a session (401), never calling upstream anonymously", async () => {
    await expect(headersFor()).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("never forwards a user's own tokens in service mode", async () => {
    await signIn({ sub: "u1", email: "a@b", roles: ["admin"], sessionExpiresAt: later(), accessToken: "user-at" });
    const headers = await headersFor();
    expect(JSON.stringify(headers)).not.toContain("user-at");
  });
});
