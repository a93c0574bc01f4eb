import "server-only";

type Entry<T> = { value: Promise<T>; expiresAt: number };

/**
 * A short-lived cache shared by every request of this process: concurrent callers with the same key
 * share one computation in flight, and its result serves them all for `ttlMs`. A failed computation is
 * never kept. `ttlMs` 0 keeps nothing but still merges concurrent callers.
 */
export class SharedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value;
    const value = compute();
    // In flight: no expiry until it settles, so callers arriving meanwhile share it.
    const entry: Entry<T> = { value, expiresAt: Number.POSITIVE_INFINITY };
    this.entries.set(key, entry);
    value.then(
      () => {
        if (this.entries.get(key) !== entry) return;
        const ttl = this.ttlMs();
        if (ttl > 0) entry.expiresAt = this.now() + ttl;
        else this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
