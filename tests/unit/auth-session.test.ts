import type { Account, Profile } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createAuthCallbacks, type CallbackConfig } from "@/server/auth/callbacks";
import { sessionCookieConfig, sessionCookieName, wantsSecureCookies } from "@/server/auth/config";
import { AuthError } from "@/server/auth/errors";
import { parseRoleMap } from "@/server/auth/policy";
import { requireUser } from "@/server/auth/session";

// requireUser() reads cookies through next/headers; give it a settable cookie store.
const cookieJar = vi.hoisted(() => ({ values: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => [...cookieJar.values].map(([name, value]) => ({ name, value })) }),
}));

const SECRET = "test-secret-of-sufficient-length-0123456789";
const cfg: CallbackConfig = {
  groupsClaim: "groups",
  roleMap: parseRoleMap("eunha-admins=admin,eunha-devs=developer,eunha-managers=viewer"),
  backendAuth: "service",
  baseUrl: "http://127.0.0.1:3000",
  sessionMaxAgeSeconds: 8 * 60 * 60,
  issuer: "http://127.0.0.1:9",
  clientId: "c",
  clientSecret: "s",
};
const callbacks = createAuthCallbacks(cfg);

const account: Account = {
  provider: "oidc",
  type: "oauth",
  providerAccountId: "u1",
  access_token: `at.${"a".repeat(1200)}`,
  refresh_token: `rt.${"r".repeat(400)}`,
  id_token: `id.${"i".repeat(1500)}`,
  expires_at: Math.floor(Date.now() / 1000) + 600,
};
const profileWith = (groups: string[]) =>
  ({ sub: "u1", name: "Dana Developer", email: "dana@eunha.local", groups }) as Profile;
const baseToken: JWT = { sub: "u1", name: "Dana Developer", email: "dana@eunha.local", picture: "https://img/x.png" };
const manyGroups = (n: number) =>
  Array.from({ length: n }, (_, i) => `org-department-team-project-group-${String(i).padStart(4, "0")}`);

async function signInToken(profile: Profile, config = cfg): Promise<JWT> {
  const cb = config === cfg ? callbacks : createAuthCallbacks(config);
  return cb.jwt({ token: { ...baseToken }, account, profile, user: { id: "u1" }, trigger: "signIn" });
}

/** A later read of the session (no account/profile: not a sign-in). */
function laterRead(token: JWT, extra: { trigger?: "update"; session?: unknown } = {}): Promise<JWT> {
  return Promise.resolve(callbacks.jwt({ token, user: undefined as never, account: null, ...extra }));
}

describe("signIn callback", () => {
  it("lets a user with a mapped group in", async () => {
    await expect(callbacks.signIn({ user: { id: "u1" }, account, profile: profileWith(["eunha-devs"]) })).resolves.toBe(
      true,
    );
  });
  it("sends a user without a mapped group to the no-access page, creating no session", async () => {
    await expect(callbacks.signIn({ user: { id: "u1" }, account, profile: profileWith(["other"]) })).resolves.toBe(
      "http://127.0.0.1:3000/no-access?reason=no-role",
    );
  });
});

describe("jwt callback", () => {
  it("keeps only identity, the role and the session end (no groups, no tokens in service mode)", async () => {
    const token = await signInToken(profileWith(["eunha-managers", "eunha-admins", ...manyGroups(5)]));
    expect(Object.keys(token).sort()).toEqual(["email", "name", "roles", "sessionExpiresAt", "sid", "sub"]);
    expect(token.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(token.roles).toEqual(["admin"]);
  });

  it("keeps the cookie under 4 KB for a user in 300 groups", async () => {
    const profile = profileWith([...manyGroups(300), "eunha-devs"]);
    expect(JSON.stringify(profile).length).toBeGreaterThan(4096); // the groups alone would not fit
    const token = await signInToken(profile);
    const cookie = await encode({ token, secret: SECRET, maxAge: cfg.sessionMaxAgeSeconds });
    expect(token.roles).toEqual(["developer"]);
    expect(cookie.length).toBeLessThan(4096);
  });

  it("in forward mode keeps access and refresh tokens (not the ID token) and still fits one cookie", async () => {
    const token = await signInToken(profileWith([...manyGroups(300), "eunha-devs"]), {
      ...cfg,
      backendAuth: "forward",
    });
    expect(token.accessToken).toBe(account.access_token);
    expect(token.refreshToken).toBe(account.refresh_token);
    expect(token.accessTokenExpiresAt).toBe(account.expires_at);
    expect(JSON.stringify(token)).not.toContain(account.id_token);
    expect((await encode({ token, secret: SECRET })).length).toBeLessThan(4096);
  });

  it("ends the session at its absolute limit", async () => {
    const token = await signInToken(profileWith(["eunha-devs"]));
    await expect(laterRead(token)).resolves.toEqual(token);
    await expect(laterRead({ ...token, sessionExpiresAt: Math.floor(Date.now() / 1000) - 1 })).rejects.toThrow(
      "expired",
    );
    await expect(laterRead({ sub: "u1", roles: ["admin"] })).rejects.toThrow("expired");
  });

  it("ignores client-side session updates (roles cannot be raised from the browser)", async () => {
    const token = await signInToken(profileWith(["eunha-managers"]));
    const updated = await laterRead(token, { trigger: "update", session: { user: { roles: ["admin"] } } });
    expect(updated.roles).toEqual(["viewer"]);
  });
});

describe("session callback (what /api/auth/session and useSession() see)", () => {
  it("has name, email and roles only, plus the session end", async () => {
    const token = await signInToken(profileWith(["eunha-devs", "team-a"]));
    const forwardToken = {
      ...token,
      accessToken: "secret-at",
      refreshToken: "secret-rt",
      accessTokenExpiresAt: 1,
      id_token: "secret-id",
    };
    const session = await callbacks.session({
      session: {
        user: { name: "x", email: "y", image: "https://img/x.png" } as never,
        expires: "2000-01-01T00:00:00.000Z",
      },
      token: forwardToken,
      user: undefined as never,
      newSession: undefined,
      trigger: "update",
    });
    expect(session).toEqual({
      user: { name: "Dana Developer", email: "dana@eunha.local", roles: ["developer"] },
      expires: new Date(token.sessionExpiresAt! * 1000).toISOString(),
    });
    expect(JSON.stringify(session)).not.toMatch(/secret|team-a|groups|img/);
  });

  it("falls back to the email as the name and drops unknown roles", async () => {
    const session = await callbacks.session({
      session: { user: {} as never, expires: "" },
      token: { sub: "u", email: "e@x", roles: ["admin", "root"] as never, sessionExpiresAt: 0 },
      user: undefined as never,
      newSession: undefined,
      trigger: "update",
    });
    expect(session.user).toEqual({ name: "e@x", email: "e@x", roles: ["admin"] });
  });
});

describe("cookie settings", () => {
  it.each([
    ["https://console.example.com", false, true],
    ["http://127.0.0.1:3000", true, false],
    ["http://localhost:3000", true, false],
    ["http://console.internal:3000", true, true],
    ["http://console.internal:3000", false, false],
  ])("%s (production %s) → Secure %s", (url, production, secure) => {
    expect(wantsSecureCookies(url, production)).toBe(secure);
  });
  it("uses next-auth's cookie names", () => {
    expect(sessionCookieName(true)).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName(false)).toBe("next-auth.session-token");
  });
});

describe("requireUser", () => {
  // Encrypt test cookies with whatever secret and cookie name the app's own config yields here.
  const config = sessionCookieConfig();
  beforeEach(() => cookieJar.values.clear());

  async function signInAs(groups: string[], overrides: Partial<JWT> = {}) {
    const token = { ...(await signInToken(profileWith(groups))), ...overrides };
    cookieJar.values.set(config.cookieName, await encode({ token, secret: config.secret }));
  }

  it("401 UNAUTHENTICATED without a session cookie", async () => {
    const error = await requireUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status: 401, code: "UNAUTHENTICATED", message: "Sign in to continue." });
  });

  it("401 for a tampered, foreign-secret or expired session", async () => {
    cookieJar.values.set(config.cookieName, "not-a-jwe");
    await expect(requireUser()).rejects.toMatchObject({ status: 401 });
    cookieJar.values.set(
      config.cookieName,
      await encode({ token: await signInToken(profileWith(["eunha-admins"])), secret: "another-secret" }),
    );
    await expect(requireUser()).rejects.toMatchObject({ status: 401 });
    await signInAs(["eunha-admins"], { sessionExpiresAt: Math.floor(Date.now() / 1000) - 5 });
    await expect(requireUser()).rejects.toMatchObject({ status: 401 });
  });

  it("403 FORBIDDEN when the role does not allow the action", async () => {
    await signInAs(["eunha-managers"]);
    await expect(requireUser("function.invoke")).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
    await expect(requireUser("function.read")).resolves.toMatchObject({ roles: ["viewer"] });
  });

  it("returns the user (without tokens) when allowed", async () => {
    await signInAs(["eunha-devs"]);
    const user = await requireUser("deploy.create");
    expect(user).toMatchObject({ id: "u1", name: "Dana Developer", email: "dana@eunha.local", roles: ["developer"] });
    expect(Object.keys(user).sort()).toEqual(["email", "expiresAt", "id", "name", "roles"]);
  });

  it("joins chunked session cookies", async () => {
    const token = await signInToken(profileWith(["eunha-admins"]));
    const value = await encode({ token, secret: config.secret });
    cookieJar.values.set(`${config.cookieName}.0`, value.slice(0, 100));
    cookieJar.values.set(`${config.cookieName}.1`, value.slice(100));
    await expect(requireUser("workspace.delete")).resolves.toMatchObject({ roles: ["admin"] });
  });
});
