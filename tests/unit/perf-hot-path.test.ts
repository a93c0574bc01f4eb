/**
 * The per-request savings keep their rules: a cached session decryption still ends when the session
 * does, junk cookies stay junk, the LRU stays bounded, and an upstream call leaves no timer behind.
 */
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sessionCookieConfig } from "@/server/auth/config";
import { Lru } from "@/server/auth/lru";
import { readSessionToken } from "@/server/auth/token";
import { consoleNodeArgs } from "@/local/stack/console-node-args";
import { fault } from "../support/fault-server";
import { faultUpstreamHarness } from "../support/fault-upstream";

const jar = (name: string, value: string) => ({ getAll: () => [{ name, value }] });

describe("session cookie decryption cache", () => {
  it("answers the same token for the same cookie, and ends it at the absolute session end", async () => {
    const { cookieName, secret } = sessionCookieConfig();
    const now = Math.floor(Date.now() / 1000);
    const value = await encode({
      token: { sub: "u1", sid: "sid-u1", roles: ["viewer"], sessionExpiresAt: now + 60 },
      secret,
    });
    expect((await readSessionToken(jar(cookieName, value), now))?.sub).toBe("u1");
    expect((await readSessionToken(jar(cookieName, value), now + 30))?.sub).toBe("u1");
    // Cached by now, yet past sessionExpiresAt: refused exactly as an uncached read would be.
    expect(await readSessionToken(jar(cookieName, value), now + 60)).toBeNull();
  });

  it("ends a cached token at the cookie's own exp too", async () => {
    const { cookieName, secret } = sessionCookieConfig();
    const now = Math.floor(Date.now() / 1000);
    const value = await encode({
      token: { sub: "u2", sid: "sid-u2", roles: ["viewer"], sessionExpiresAt: now + 7200 },
      secret,
      maxAge: 120,
    });
    expect((await readSessionToken(jar(cookieName, value), now))?.sub).toBe("u2");
    expect(await readSessionToken(jar(cookieName, value), now + 121)).toBeNull();
  });

  it("keeps a tampered or foreign cookie refused on every read", async () => {
    const { cookieName } = sessionCookieConfig();
    const foreign = await encode({
      token: { sub: "u3", sid: "sid-u3", roles: ["admin"], sessionExpiresAt: Date.now() / 1000 + 600 },
      secret: "another-secret-entirely",
    });
    for (let i = 0; i < 3; i++) {
      expect(await readSessionToken(jar(cookieName, "not-a-jwe"))).toBeNull();
      expect(await readSessionToken(jar(cookieName, foreign))).toBeNull();
    }
  });
});

describe("Lru", () => {
  it("evicts the least recently used entry past its bound", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
    expect(lru.size).toBe(2);
  });
});

describe("upstream timeout", () => {
  const h = faultUpstreamHarness();
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

  it("leaves no timer running once the call has answered (nothing per request outlives it)", async () => {
    h.server.setRoute("GET", "/api/quick", fault.json(200, { ok: true }));
    const before = timers();
    for (let i = 0; i < 5; i++)
      await h.mod.upstream({
        method: "GET",
        path: "/api/quick",
        schema: z.object({ ok: z.boolean() }),
        timeoutMs: 60_000,
      });
    expect(timers()).toBeLessThanOrEqual(before); // five leaked timers would show as before + 5
  });

  it("still times out a slow answer", async () => {
    h.server.setRoute("GET", "/api/slow", fault.delay(2_000));
    await expect(
      h.mod.upstream({ method: "GET", path: "/api/slow", schema: null, timeoutMs: 100 }),
    ).rejects.toMatchObject({ status: 504, code: "UPSTREAM_TIMEOUT" });
  });
});

describe("console node flags", () => {
  it("caps the heap unless the operator already did", () => {
    expect(consoleNodeArgs("")).toEqual(["--max-old-space-size=384"]);
    expect(consoleNodeArgs("--max-old-space-size=1024")).toEqual([]);
  });
});
