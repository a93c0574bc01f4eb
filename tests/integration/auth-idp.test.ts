import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultClient, EMBEDDED_CLIENT } from "@/local/idp/defaults";
import { CookieJar, fetchWithJar, loginThroughIdp, pkcePair } from "@/local/idp/scripted-client";
import { startIdp, type RunningIdp } from "@/local/idp/server";
import { ensureFreshTokens } from "@/server/auth/token-refresh";

const REDIRECT_URI = "http://127.0.0.1:3999/api/auth/callback/oidc";
const basicAuth = `Basic ${Buffer.from(`${EMBEDDED_CLIENT.clientId}:${EMBEDDED_CLIENT.clientSecret}`).toString("base64")}`;

let idp: RunningIdp;
let discovery: Record<string, string>;

beforeAll(async () => {
  idp = await startIdp({ port: 0, clients: [defaultClient(REDIRECT_URI)] });
  discovery = (await (await fetch(`${idp.url}/.well-known/openid-configuration`)).json()) as Record<string, string>;
});
afterAll(() => idp?.close());

function authorizeUrl(params: { challenge?: string; state?: string; scope?: string }): URL {
  const url = new URL(discovery.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: EMBEDDED_CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: params.scope ?? "openid profile email groups",
    state: params.state ?? "st-1",
    ...(params.challenge ? { code_challenge: params.challenge, code_challenge_method: "S256" } : {}),
  }).toString();
  return url;
}

async function exchange(code: string, verifier: string): Promise<Response> {
  return fetch(discovery.token_endpoint!, {
    method: "POST",
    headers: { authorization: basicAuth, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    }),
  });
}

const jwtPayload = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;

/** Signs in through the IdP's own pages and returns the token response. */
async function signIn(username: string, password = "demo"): Promise<Record<string, string | number>> {
  const { verifier, challenge } = pkcePair();
  const outcome = await loginThroughIdp(new CookieJar(), authorizeUrl({ challenge, state: `st-${username}` }), {
    username,
    password,
  });
  if (outcome.kind !== "redirected") throw new Error(`login refused: ${outcome.status}`);
  expect(outcome.location.origin + outcome.location.pathname).toBe(REDIRECT_URI);
  expect(outcome.location.searchParams.get("state")).toBe(`st-${username}`);
  expect(outcome.location.searchParams.get("iss")).toBe(idp.url);
  const response = await exchange(outcome.location.searchParams.get("code")!, verifier);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, string | number>;
}

describe("embedded IdP", () => {
  it("publishes discovery for 127.0.0.1 with PKCE S256 and the groups scope", () => {
    expect(idp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(discovery.issuer).toBe(idp.url);
    expect(discovery.code_challenge_methods_supported).toEqual(["S256"]);
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(["openid", "profile", "email", "groups"]));
    expect(discovery.claims_supported).toContain("groups");
  });

  it("answers /health", async () => {
    const response = await fetch(`${idp.url}/health`);
    expect(response.status).toBe(200);
  });

  it("serves a login page that says it is the development IdP and lists the demo users", async () => {
    const jar = new CookieJar();
    const started = await fetchWithJar(jar, authorizeUrl({ challenge: pkcePair().challenge }));
    expect(started.status).toBe(303);
    const page = await fetchWithJar(jar, new URL(started.headers.get("location")!, idp.url));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Embedded development IdP");
    expect(html).toContain("Eunha");
    for (const name of ["Dana Developer", "developer", "manager", "admin"]) expect(html).toContain(name);
  });

  it("completes an authorization-code + PKCE flow as developer, with groups in ID token and userinfo", async () => {
    const tokens = await signIn("developer");
    expect(tokens).toMatchObject({ token_type: "Bearer" });
    expect(typeof tokens.refresh_token).toBe("string");

    const idToken = jwtPayload(String(tokens.id_token));
    expect(idToken).toMatchObject({
      iss: idp.url,
      aud: EMBEDDED_CLIENT.clientId,
      sub: "developer",
      groups: ["eunha-devs"],
      email: "developer@eunha.local",
    });

    const userinfo = await fetch(discovery.userinfo_endpoint!, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toEqual({
      sub: "developer",
      name: "Dana Developer",
      preferred_username: "developer",
      email: "developer@eunha.local",
      email_verified: true,
      groups: ["eunha-devs"],
    });
  });

  it.each([
    ["manager", ["eunha-managers"]],
    ["admin", ["eunha-admins"]],
  ])("signs in %s with groups %j", async (username, groups) => {
    const tokens = await signIn(username);
    expect(jwtPayload(String(tokens.id_token)).groups).toEqual(groups);
  });

  it("refuses a wrong password and an unknown user, issuing no code", async () => {
    for (const [username, password] of [
      ["developer", "wrong"],
      ["developer", ""],
      ["mallory", "demo"],
    ] as const) {
      const outcome = await loginThroughIdp(new CookieJar(), authorizeUrl({ challenge: pkcePair().challenge }), {
        username,
        password,
      });
      expect(outcome.kind).toBe("refused");
      if (outcome.kind === "refused") {
        expect(outcome.status).toBe(401);
        expect(outcome.page).toContain("Wrong username or password.");
      }
    }
  });

  it("requires PKCE: no challenge is refused, a wrong verifier gets no tokens", async () => {
    const noPkce = await loginThroughIdp(new CookieJar(), authorizeUrl({}), {
      username: "developer",
      password: "demo",
    });
    expect(noPkce.kind).toBe("redirected");
    if (noPkce.kind === "redirected") {
      expect(noPkce.location.searchParams.get("error")).toBe("invalid_request");
      expect(noPkce.location.searchParams.get("code")).toBeNull();
    }

    const { challenge } = pkcePair();
    const outcome = await loginThroughIdp(new CookieJar(), authorizeUrl({ challenge }), {
      username: "developer",
      password: "demo",
    });
    if (outcome.kind !== "redirected") throw new Error("login refused");
    const response = await exchange(outcome.location.searchParams.get("code")!, pkcePair().verifier);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("refreshes a forwarded access token with rotation, and never replays the old refresh token", async () => {
    const tokens = await signIn("developer");
    const old = {
      accessToken: String(tokens.access_token),
      refreshToken: String(tokens.refresh_token),
      accessTokenExpiresAt: Math.floor(Date.now() / 1000),
    };
    const client = { issuer: idp.url, clientId: EMBEDDED_CLIENT.clientId, clientSecret: EMBEDDED_CLIENT.clientSecret };

    const [fresh, concurrent] = await Promise.all([ensureFreshTokens(old, client), ensureFreshTokens(old, client)]);
    expect(concurrent).toEqual(fresh); // one refresh for both
    expect(fresh.accessToken).not.toBe(old.accessToken);
    expect(fresh.refreshToken).not.toBe(old.refreshToken); // rotated
    expect(fresh.accessTokenExpiresAt).toBeGreaterThan(Date.now() / 1000 + 60);

    // A request still carrying the old cookie gets the successor, not a second (replayed) refresh.
    await expect(ensureFreshTokens(old, client)).resolves.toEqual(fresh);
    const userinfo = await fetch(discovery.userinfo_endpoint!, {
      headers: { authorization: `Bearer ${fresh.accessToken}` },
    });
    expect(userinfo.status).toBe(200);

    // Still valid tokens are returned untouched.
    await expect(ensureFreshTokens(fresh, client)).resolves.toBe(fresh);
  });

  it("runs as a CLI: prints its URL when ready and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "local/idp/main.ts"], {
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += String(chunk);
        const match = /embedded IdP listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`exited early (${code}): ${out}`)));
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
