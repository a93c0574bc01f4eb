import "server-only";

/**
 * Reads the groups (or app roles) claim from an OIDC profile. `claim` is a claim name, or a dotted path
 * for nested claims such as Keycloak's `realm_access.roles`; a name that itself holds dots (Okta and Entra
 * allow URL-like claim names) is tried first as a plain key.
 */
export function groupsFromClaims(profile: Record<string, unknown>, claim: string): string[] {
  const value = Object.hasOwn(profile, claim) ? profile[claim] : readPath(profile, claim.split("."));
  if (typeof value === "string") {
    // Some IdPs send a single group as a bare string instead of a one-element array.
    return value.trim() === "" ? [] : [value.trim()];
  }
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === "string" && v !== "");
  }
  return [];
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
