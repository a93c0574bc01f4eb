import "server-only";

/** What a request id may look like: long enough to be unique, short and plain enough for any log. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The one rule for request ids, used by proxy.ts, the wrappers and the upstream client: the caller's
 * id when it is sane (to follow one request across services), otherwise a new one.
 */
export function requestIdFrom(candidate: string | null | undefined): string {
  return candidate && REQUEST_ID.test(candidate) ? candidate : crypto.randomUUID();
}
