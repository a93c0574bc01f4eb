import "server-only";

const VALID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's x-request-id when it is sane, otherwise a new one. */
export function requestIdOf(request: Request): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && VALID.test(incoming) ? incoming : crypto.randomUUID();
}
