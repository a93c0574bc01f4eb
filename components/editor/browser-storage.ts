/*
 * localStorage / sessionStorage that never throw: storage can be disabled (privacy modes), full
 * (QuotaExceededError) or hold someone's hand-edited junk. Callers learn whether a write stuck, so the
 * UI can say "not kept in this browser" instead of pretending.
 */

export type StorageKind = "local" | "session";

function storage(kind: StorageKind): Storage | null {
  try {
    return kind === "local" ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

/** The parsed value, or null when absent, unreadable or rejected by `accept`. */
export function readJson<T>(kind: StorageKind, key: string, accept: (value: unknown) => value is T): T | null {
  try {
    const raw = storage(kind)?.getItem(key);
    if (raw == null) return null;
    const value: unknown = JSON.parse(raw);
    return accept(value) ? value : null;
  } catch {
    return null;
  }
}

/** True when the value was stored. */
export function writeJson(kind: StorageKind, key: string, value: unknown): boolean {
  const s = storage(kind);
  if (!s) return false;
  try {
    s.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(kind: StorageKind, key: string): void {
  try {
    storage(kind)?.removeItem(key);
  } catch {
    // Nothing to undo: a storage that cannot be written holds nothing of ours.
  }
}
