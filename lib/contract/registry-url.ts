/**
 * A registry URL as the console and the backend use it: `host[:port][/repository/path]`, no scheme.
 * Parsed into a host and whole path segments so that a credential configured for `host/team` is only
 * ever sent for `host/team` or a repository below it: never `host/team/../other`, `host/teamx` or
 * `host/team//x`. Isomorphic (the push form checks the same rules), holds no secret.
 */
export type RegistryRef = { host: string; segments: string[] };

// A DNS name or IPv4 address in lower case; a port of 1..65535.
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
// An OCI repository path component: lower-case alphanumerics joined by single separators.
const SEGMENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** The parsed reference, or a message saying what is wrong with the URL (never echoing it). */
export function parseRegistryUrl(raw: string): RegistryRef | { problem: string } {
  if (raw === "") return { problem: "must not be empty" };
  if (/\s/.test(raw)) return { problem: "must not contain whitespace" };
  if (raw.includes("@")) return { problem: "must not carry a user name or password" };
  if (raw.includes("://") || /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(raw))
    return { problem: "must not have a scheme (give host[:port]/path)" };
  if (raw.includes("\\")) return { problem: "must not contain backslashes" };
  if (raw.includes("%")) return { problem: "must not contain percent-escapes" };
  if (/[?#]/.test(raw)) return { problem: "must not contain a query or fragment" };
  const [authority = "", ...segments] = raw.split("/");
  const colon = authority.lastIndexOf(":");
  const host = colon === -1 ? authority : authority.slice(0, colon);
  const port = colon === -1 ? null : authority.slice(colon + 1);
  if (host !== host.toLowerCase()) return { problem: "must have a lower-case host name" };
  if (!HOST.test(host)) return { problem: "must start with a registry host name" };
  if (port !== null && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535))
    return { problem: "must have a port between 1 and 65535" };
  for (const segment of segments) {
    if (segment === "") return { problem: "must not contain empty path segments (// or a trailing /)" };
    if (segment === "." || segment === "..") return { problem: "must not contain . or .. path segments" };
    if (!SEGMENT.test(segment))
      return { problem: "must have repository path segments of lower-case letters, digits and . _ -" };
  }
  return { host: authority, segments };
}

export function isRegistryRef(value: RegistryRef | { problem: string }): value is RegistryRef {
  return !("problem" in value);
}

/** Whether `target` is `base` itself or a repository below it, compared by whole segments. */
export function registryCovers(base: RegistryRef, target: RegistryRef): boolean {
  return (
    base.host === target.host &&
    base.segments.length <= target.segments.length &&
    base.segments.every((s, i) => target.segments[i] === s)
  );
}
