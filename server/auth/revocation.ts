import "server-only";
import Redis from "ioredis";
import { env } from "@/server/env";
import { logger } from "@/server/log/logger";

/*
 * Sessions are encrypted cookies: nothing on the server ends one before its expiry unless it is listed
 * here. Sign-out lists the session's id until the session's own end (at most 8 hours), so the old
 * cookie stops working everywhere at once. One replica: a map in this process. Several replicas:
 * REDIS_URL, one key per revoked session with the same expiry, read by every replica.
 */

export interface RevocationStore {
  /** Lists `sessionId` as ended until `untilEpochSeconds` (the session's absolute end). */
  revoke(sessionId: string, untilEpochSeconds: number): Promise<void>;
  isRevoked(sessionId: string): Promise<boolean>;
}

export class MemoryRevocationStore implements RevocationStore {
  private readonly until = new Map<string, number>();
  constructor(private readonly now: () => number = () => Date.now() / 1000) {}

  async revoke(sessionId: string, untilEpochSeconds: number): Promise<void> {
    this.prune();
    if (untilEpochSeconds > this.now()) this.until.set(sessionId, untilEpochSeconds);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    const until = this.until.get(sessionId);
    return until !== undefined && until > this.now();
  }

  get size(): number {
    this.prune();
    return this.until.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, until] of this.until) if (until <= now) this.until.delete(id);
  }
}

const KEY_PREFIX = "eunha:revoked-session:";

export class RedisRevocationStore implements RevocationStore {
  constructor(private readonly redis: Redis) {}

  async revoke(sessionId: string, untilEpochSeconds: number): Promise<void> {
    if (untilEpochSeconds <= Date.now() / 1000) return;
    // EXAT: the key disappears when the session would have ended anyway.
    await this.redis.set(KEY_PREFIX + sessionId, "1", "EXAT", Math.ceil(untilEpochSeconds));
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(KEY_PREFIX + sessionId)) === 1;
  }
}

export function redisClient(url: string): Redis {
  // Short timeouts: this check runs on every request; a stalled Redis must not stall the console.
  const client = new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    connectTimeout: 2_000,
    enableOfflineQueue: true,
  });
  client.on("error", (err: Error) => logger.warn({ err: err.message }, "revocation store: redis error"));
  return client;
}

// One store per process, shared by the proxy's bundle and the app's (module state is per bundle).
const GLOBAL_KEY = Symbol.for("eunha.console.revocation-store");
type Holder = { [GLOBAL_KEY]?: RevocationStore };

export function revocationStore(): RevocationStore {
  const holder = globalThis as Holder;
  if (!holder[GLOBAL_KEY]) {
    const url = env().REDIS_URL;
    holder[GLOBAL_KEY] = url ? new RedisRevocationStore(redisClient(url)) : new MemoryRevocationStore();
  }
  return holder[GLOBAL_KEY];
}

/** Tests only: use this store (or the configured one again, with undefined). */
export function setRevocationStoreForTests(store: RevocationStore | undefined): void {
  (globalThis as Holder)[GLOBAL_KEY] = store;
}

/**
 * Whether a session may still be used. A session without an id predates revocation and cannot be
 * revoked, so it is refused. When the store cannot answer (Redis down), the session is refused too:
 * a sign-out must never be undone by an outage; users sign in again once it is back.
 */
export async function sessionStillValid(sessionId: unknown): Promise<boolean> {
  if (typeof sessionId !== "string" || sessionId === "") return false;
  try {
    return !(await revocationStore().isRevoked(sessionId));
  } catch (err) {
    logger.error({ err: (err as Error).message }, "revocation store unavailable: refusing the session");
    return false;
  }
}

/** Ends a session everywhere until its own end; called on sign-out. */
export async function revokeSession(sessionId: unknown, untilEpochSeconds: unknown): Promise<void> {
  if (typeof sessionId !== "string" || sessionId === "" || typeof untilEpochSeconds !== "number") return;
  await revocationStore().revoke(sessionId, untilEpochSeconds);
}
