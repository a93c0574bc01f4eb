import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/users";

/*
 * Issue 11, point 8: malformed requests answer 4xx (the envelope on /api), never a plain-text 500.
 * Sent with node:http so the path and method reach the server exactly as written.
 */

type Raw = { status: number; type: string; body: string };

function raw(baseURL: string, method: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

const baseURL = () => test.info().project.use.baseURL!;

test("TRACE answers 405, on pages and on the API", async () => {
  for (const path of ["/api/workspaces", "/workspaces", "/"]) {
    const res = await raw(baseURL(), "TRACE", path);
    expect(res.status, path).toBeGreaterThanOrEqual(400);
    expect(res.status, path).toBeLessThan(500);
  }
});

test.describe("with a session", () => {
  test.use({ storageState: storageStateFor("developer") });

  test("bad percent-escapes in paths answer 400, in the envelope on /api", async ({ context }) => {
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    for (const path of ["/api/workspaces/%E0%A4%A", "/api/workspaces/%ZZ/functions", "/workspaces/%E0%A4%A"]) {
      const res = await raw(baseURL(), "GET", path, { cookie });
      expect(res.status, path).toBe(400);
      if (path.startsWith("/api")) expect(JSON.parse(res.body).error.code, path).toBe("VALIDATION_ERROR");
    }
  });
});

test("callbackUrl=\\\\evil.com on sign-in and sign-out answers 400 in the envelope", async () => {
  for (const [method, path] of [
    ["GET", "/api/auth/signin?callbackUrl=%5C%5Cevil.com"],
    ["POST", "/api/auth/signout?callbackUrl=%5C%5Cevil.com"],
    ["GET", "/api/auth/signout?callbackUrl=%5C%5Cevil.com"],
  ] as const) {
    const res = await raw(baseURL(), method, path);
    expect(res.status, path).toBe(400);
    expect(JSON.parse(res.body).error.code, path).toBe("VALIDATION_ERROR");
  }
});

test("a tampered next-auth.callback-url cookie answers 400 and is cleared", async () => {
  for (const path of ["/api/auth/signin", "/api/auth/session", "/api/auth/csrf"]) {
    const res = await raw(baseURL(), "GET", path, { cookie: "next-auth.callback-url=%5C%5Cevil.com" });
    expect(res.status, path).toBe(400);
    expect(JSON.parse(res.body).error.details.field).toBe("next-auth.callback-url");
  }
});
