import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RevocationStore } from "@/server/auth/revocation";
import { hasRedisServer, startRedisServer, type RedisProcess } from "../support/redis-server";

/*
 * Issue 11, point 10: sign-out ends the session everywhere. The revocation list is checked by every
 * session read (proxy, pages, route handlers, next-auth's own session endpoint).
 */

const later = () => Math.floor(Date.now() / 1000) + 3600;

function behavesAsARevocationList(make: () => Promise<RevocationStore>) {
  it("lists a revoked id until the session's end, and only that id", async () => {
    const store = await make();
    const id = crypto.randomUUID();
    expect(await store.isRevoked(id)).toBe(false);
    await store.revoke(id, later());
    expect(await store.isRevoked(id)).toBe(true);
    expect(await store.isRevoked(crypto.randomUUID())).toBe(false);
  });

  it("keeps nothing for a session that has already ended", async () => {
    const store = await make();
    const id = crypto.randomUUID();
    await store.revoke(id, Math.floor(Date.now() / 1000) - 1);
    expect(await store.isRevoked(id)).toBe(false);
  });
}

describe("in memory (one replica)", () => {
  behavesAsARevocationList(async () => {
    const { MemoryRevocationStore } = await import("@/server/auth/revocation");
    return new MemoryRevocationStore();
  });

  it("forgets entries once their session would have ended", async () => {
    const { MemoryRevocationStore } = await import("@/server/auth/revocation");
    let now = 1000;
    const store = new MemoryRevocationStore(() => now);
    await store.revoke("a", 1100);
    expect(store.size).toBe(1);
    now = 1101;
    expect(await store.isRevoked("a")).toBe(false);
    expect(store.size).toBe(0);
  });
});

describe.skipIf(!hasRedisServer)("in Redis (several replicas), against a real redis-server", () => {
  let redis: RedisProcess;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  behavesAsARevocationList(async () => {
    const { RedisRevocationStore, redisClient } = await import("@/server/auth/revocation");
    return new RedisRevocationStore(redisClient(redis.url));
  });

  it("a sign-out on one replica ends the session on another, and the key expires with the session", async () => {
    const { RedisRevocationStore, redisClient } = await import("@/server/auth/revocation");
    const [a, b] = [redisClient(redis.url), redisClient(redis.url)];
    const replicaA = new RedisRevocationStore(a);
    const replicaB = new RedisRevocationStore(b);
    const id = crypto.randomUUID();
    const end = later();
    await replicaA.revoke(id, end);
    expect(await replicaB.isRevoked(id)).toBe(true);
    const ttl = await b.ttl(`eunha:revoked-session:${id}`);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3601);
    a.disconnect();
    b.disconnect();
  });

  it("a signed-out cookie no longer opens a session, read through REDIS_URL like the app does", async () => {
    vi.resetModules();
    vi.stubEnv("REDIS_URL", redis.url);
    vi.stubEnv("LOG_LEVEL", "silent");
    const { encode } = await import("next-auth/jwt");
    const { sessionCookieConfig } = await import("@/server/auth/config");
    const { readSessionToken } = await import("@/server/auth/token");
    const { revokeSession, setRevocationStoreForTests } = await import("@/server/auth/revocation");
    setRevocationStoreForTests(undefined);
    const { cookieName, secret } = sessionCookieConfig();
    const sid = crypto.randomUUID();
    const token = { sub: "u1", sid, email: "a@b", roles: ["developer" as const], sessionExpiresAt: later() };
    const cookieValue = await encode({ token, secret });
    const jar = { getAll: () => [{ name: cookieName, value: cookieValue }] };
    expect(await readSessionToken(jar)).toMatchObject({ sid });
    await revokeSession(sid, token.sessionExpiresAt);
    expect(await readSessionToken(jar)).toBeNull();
    setRevocationStoreForTests(undefined);
    vi.unstubAllEnvs();
  });

  it("refuses sessions while Redis cannot answer (a sign-out is never undone by an outage)", async () => {
    vi.resetModules();
    vi.stubEnv("LOG_LEVEL", "silent");
    const { RedisRevocationStore, redisClient, sessionStillValid, setRevocationStoreForTests } =
      await import("@/server/auth/revocation");
    const down = await startRedisServer();
    const client = redisClient(down.url);
    await client.ping();
    await down.stop();
    setRevocationStoreForTests(new RedisRevocationStore(client));
    expect(await sessionStillValid(crypto.randomUUID())).toBe(false);
    client.disconnect();
    setRevocationStoreForTests(undefined);
    vi.unstubAllEnvs();
  });
});

describe("sessions without an id", () => {
  it("cannot be revoked, so they are refused", async () => {
    const { sessionStillValid } = await import("@/server/auth/revocation");
    expect(await sessionStillValid(undefined)).toBe(false);
    expect(await sessionStillValid(crypto.randomUUID())).toBe(true);
  });
});
