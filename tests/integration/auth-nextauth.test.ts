import NextAuth from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS, defaultClient, EMBEDDED_CLIENT, type DemoUser } from "@/local/idp/defaults";
import { CookieJar, loginThroughIdp } from "@/local/idp/scripted-client";
import { startIdp, type RunningIdp } from "@/local/idp/server";
import { type AuthConfig } from "@/server/auth/config";
import { buildAuthOptions } from "@/server/auth/options";
import { parseRoleMap } from "@/server/auth/policy";

/*
 * The console's real next-auth options against the real embedded IdP, driven through next-auth's
 * request handler (its Pages-API form, which needs no Next server). The console itself is never
 * listening: we hand next-auth the requests a browser would send.
 */
const CONSOLE = "http://127.0.0.1:3999";
const SECRET = "integration-secret-0123456789abcdef";
const OUTSIDER: DemoUser = {
  username: "outsider",
  password: "demo",
  name: "Olly Outsider",
  email: "olly@eunha.local",
  groups: ["contractors"],
  role: "viewer",
};

let idp: RunningIdp;
beforeAll(async () => {
  process.env.NEXTAUTH_URL = CONSOLE; // next-auth builds its callback URL from it
  idp = await startIdp({
    port: 0,
    clients: [defaultClient(`${CONSOLE}/api/auth/callback/oidc`)],
    users: [...DEMO_USERS, OUTSIDER],
  });
});
afterAll(() => idp?.close());

function config(overrides: Partial<AuthConfig> = {}): AuthConfig {
  return {
    secret: SECRET,
    secure: false,
    cookieName: "next-auth.session-token",
    issuer: idp.url,
    clientId: EMBEDDED_CLIENT.clientId,
    clientSecret: EMBEDDED_CLIENT.clientSecret,
    scopes: "openid profile email groups",
    groupsClaim: "groups",
    roleMap: parseRoleMap("eunha-admins=admin,eunha-devs=developer,eunha-managers=viewer"),
    backendAuth: "service",
    baseUrl: CONSOLE,
    sessionMaxAgeSeconds: 8 * 3600,
    ...overrides,
  };
}

/** Next parses cookies for its handlers: values arrive URL-decoded. */
const decoded = (cookies: Record<string, string>) =>
  Object.fromEntries(Object.entries(cookies).map(([k, v]) => [k, decodeURIComponent(v)]));

interface Result {
  status: number;
  location?: string;
  body: unknown;
}

/** One request to /api/auth/<path>, with the browser's console cookies in `jar`. */
async function nextAuth(
  options: ReturnType<typeof buildAuthOptions>,
  jar: CookieJar,
  method: "GET" | "POST",
  path: string,
  input: { query?: Record<string, string>; body?: Record<string, string> } = {},
): Promise<Result> {
  const headers = new Headers();
  let status = 200;
  let body: unknown;
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      for (const v of [value].flat()) headers.append(name, v);
      return res;
    },
    getHeader: () => undefined,
    end() {},
    json(value: unknown) {
      body = value;
    },
    send(value: unknown) {
      body = value;
    },
  };
  const req = {
    method,
    query: { nextauth: path.split("/"), ...input.query },
    body: input.body ?? {},
    cookies: decoded(jar.all()),
    headers: { host: "127.0.0.1:3999" },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, options);
  jar.store(new Response(null, { headers }));
  return { status, location: headers.get("location") ?? undefined, body };
}

/** What a browser does from clicking "Sign in" to landing back on the console. */
async function signInAs(username: string, cfg = config()) {
  const options = buildAuthOptions(cfg);
  const consoleJar = new CookieJar();
  const { body: csrf } = await nextAuth(options, consoleJar, "GET", "csrf");
  const started = await nextAuth(options, consoleJar, "POST", "signin/oidc", {
    body: {
      csrfToken: (csrf as { csrfToken: string }).csrfToken,
      callbackUrl: `${CONSOLE}/workspaces?tab=all`,
      json: "true",
    },
  });
  const authorize = new URL((started.body as { url: string }).url);
  expect(authorize.origin).toBe(idp.url);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("state")).toBeTruthy();

  const outcome = await loginThroughIdp(new CookieJar(), authorize, { username, password: "demo" });
  if (outcome.kind !== "redirected") throw new Error(`IdP refused ${username}`);
  expect(outcome.location.origin + outcome.location.pathname).toBe(`${CONSOLE}/api/auth/callback/oidc`);
  const callback = await nextAuth(options, consoleJar, "GET", "callback/oidc", {
    query: Object.fromEntries(outcome.location.searchParams),
  });
  return { options, consoleJar, callback };
}

describe("next-auth with the embedded IdP", () => {
  it("signs the developer in: session has name, email and role only", async () => {
    const { options, consoleJar, callback } = await signInAs("developer");
    expect(callback.status).toBe(302);
    expect(callback.location).toBe(`${CONSOLE}/workspaces?tab=all`);

    const cookie = consoleJar.get("next-auth.session-token");
    expect(cookie).toBeTruthy();
    expect(cookie!.length).toBeLessThan(4096);
    const token = await decode({ token: cookie, secret: SECRET });
    expect(token).toMatchObject({
      sub: "developer",
      name: "Dana Developer",
      email: "developer@eunha.local",
      roles: ["developer"],
    });
    expect(token).not.toHaveProperty("groups");
    expect(token).not.toHaveProperty("accessToken");

    const session = await nextAuth(options, consoleJar, "GET", "session");
    expect(session.body).toEqual({
      user: { name: "Dana Developer", email: "developer@eunha.local", roles: ["developer"] },
      expires: expect.any(String),
    });
    expect(Date.parse((session.body as { expires: string }).expires)).toBeGreaterThan(Date.now() + 7.9 * 3600 * 1000);
  });

  it.each([
    ["manager", "viewer"],
    ["admin", "admin"],
  ])("maps %s to %s", async (username, role) => {
    const { options, consoleJar } = await signInAs(username);
    const session = await nextAuth(options, consoleJar, "GET", "session");
    expect((session.body as { user: { roles: string[] } }).user.roles).toEqual([role]);
  });

  it("sends a user without a mapped group to /no-access without a session", async () => {
    const { options, consoleJar, callback } = await signInAs("outsider");
    expect(callback.location).toBe(`${CONSOLE}/no-access?reason=no-role`);
    expect(consoleJar.get("next-auth.session-token")).toBeUndefined();
    expect((await nextAuth(options, consoleJar, "GET", "session")).body).toEqual({});
  });

  it("in forward mode keeps the access token in the encrypted cookie, never in the session", async () => {
    const { options, consoleJar } = await signInAs("developer", config({ backendAuth: "forward" }));
    const token = await decode({ token: consoleJar.get("next-auth.session-token"), secret: SECRET });
    expect(typeof token?.accessToken).toBe("string");
    expect(typeof token?.refreshToken).toBe("string");
    const session = await nextAuth(options, consoleJar, "GET", "session");
    expect(JSON.stringify(session.body)).not.toContain(String(token?.accessToken));
    expect(Object.keys((session.body as { user: object }).user).sort()).toEqual(["email", "name", "roles"]);
  });

  it("in forward mode refreshes an expiring access token at the session endpoint and stores the rotated tokens", async () => {
    const { options, consoleJar } = await signInAs("developer", config({ backendAuth: "forward" }));
    const before = (await decode({ token: consoleJar.get("next-auth.session-token"), secret: SECRET }))!;
    // Pretend the access token is about to expire.
    const expiring = await encode({
      token: { ...before, accessTokenExpiresAt: Math.floor(Date.now() / 1000) + 30 },
      secret: SECRET,
    });
    consoleJar.store(new Response(null, { headers: { "set-cookie": `next-auth.session-token=${expiring}; Path=/` } }));

    const session = await nextAuth(options, consoleJar, "GET", "session");
    expect((session.body as { user: { roles: string[] } }).user.roles).toEqual(["developer"]);
    const after = (await decode({ token: consoleJar.get("next-auth.session-token"), secret: SECRET }))!;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessTokenExpiresAt).toBeGreaterThan(Date.now() / 1000 + 60);
    expect(after.sessionExpiresAt).toBe(before.sessionExpiresAt); // the session's end does not move
  });

  it("ends the session when its tokens can no longer be refreshed", async () => {
    const { options, consoleJar } = await signInAs("developer", config({ backendAuth: "forward" }));
    const before = (await decode({ token: consoleJar.get("next-auth.session-token"), secret: SECRET }))!;
    const broken = await encode({
      token: { ...before, accessTokenExpiresAt: 1, refreshToken: "revoked" },
      secret: SECRET,
    });
    consoleJar.store(new Response(null, { headers: { "set-cookie": `next-auth.session-token=${broken}; Path=/` } }));
    expect((await nextAuth(options, consoleJar, "GET", "session")).body).toEqual({});
    expect(consoleJar.get("next-auth.session-token")).toBeUndefined();
  });

  it("signs out by clearing the session cookie", async () => {
    const { options, consoleJar } = await signInAs("developer");
    const { body: csrf } = await nextAuth(options, consoleJar, "GET", "csrf");
    await nextAuth(options, consoleJar, "POST", "signout", {
      body: { csrfToken: (csrf as { csrfToken: string }).csrfToken },
    });
    expect(consoleJar.get("next-auth.session-token")).toBeUndefined();
  });
});
