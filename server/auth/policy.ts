import "server-only";

/**
 * Who may do what: the single authorization policy of the console. Pure (no next-auth, no env) so it
 * can be tested table by table and called from proxy, route wrappers, actions and the data-access layer.
 */

/** Ordered from least to most privileged: a higher role includes everything a lower one may do. */
export const ROLES = ["viewer", "developer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "workspace.read",
  "workspace.create",
  "workspace.update",
  "workspace.delete",
  "function.read",
  "function.create",
  "function.update",
  "function.delete",
  "function.invoke",
  "function.revealSecret",
  "logs.read",
  "metrics.read",
  "metrics.raw",
  "task.read",
  "build.create",
  "push.create",
  "scaffold.create",
  "deploy.create",
  "testEvent.save",
  "audit.read",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The least privileged role allowed to perform each action. A `Record` over `Action`, so adding an
 * action without deciding who may do it is a type error.
 */
const MINIMUM_ROLE: Record<Action, Role> = {
  "workspace.read": "viewer",
  "function.read": "viewer",
  "logs.read": "viewer",
  "metrics.read": "viewer",
  "task.read": "viewer",
  // Raw Prometheus data can expose series of other functions and internal labels: not for viewers.
  "metrics.raw": "developer",
  "function.create": "developer",
  "function.update": "developer",
  "function.delete": "developer",
  "function.invoke": "developer",
  "function.revealSecret": "developer",
  "build.create": "developer",
  "push.create": "developer",
  "scaffold.create": "developer",
  "deploy.create": "developer",
  "testEvent.save": "developer",
  "workspace.create": "admin",
  // Every user's actions across workspaces; managers see deployments on each function's history instead.
  "audit.read": "admin",
  "workspace.update": "admin",
  "workspace.delete": "admin",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

function rank(role: Role): number {
  return ROLES.indexOf(role);
}

/** True when any of the given roles allows the action. Unknown role strings grant nothing. */
export function can(roles: readonly string[] | null | undefined, action: Action): boolean {
  // Own keys only: an untyped "__proto__" or "toString" must not find Object.prototype's members.
  if (!Object.hasOwn(MINIMUM_ROLE, action)) return false;
  const needed = MINIMUM_ROLE[action];
  return (roles ?? []).some((r) => isRole(r) && rank(r) >= rank(needed));
}

/** The most privileged of the given roles, or null for none. */
export function highestRole(roles: Iterable<Role>): Role | null {
  let best: Role | null = null;
  for (const r of roles) if (best === null || rank(r) > rank(best)) best = r;
  return best;
}

export class RoleMapError extends Error {
  override name = "RoleMapError";
}

/**
 * Parses ROLE_MAP ("group=role,group=role"). Splits each entry at its LAST "=" so group names holding
 * "=" still work; commas cannot appear in group names. Throws on any bad entry rather than skipping it,
 * because a silently dropped mapping would lock people out (or, worse, be mistaken for a policy).
 */
export function parseRoleMap(roleMap: string): ReadonlyMap<string, Role> {
  const map = new Map<string, Role>();
  const problems: string[] = [];
  for (const raw of roleMap.split(",")) {
    const entry = raw.trim();
    if (entry === "") continue; // tolerate a trailing comma
    const eq = entry.lastIndexOf("=");
    const group = eq > 0 ? entry.slice(0, eq).trim() : "";
    const role = eq > 0 ? entry.slice(eq + 1).trim() : "";
    if (group === "" || role === "") {
      problems.push(`"${entry}" is not group=role`);
    } else if (!isRole(role)) {
      problems.push(`"${entry}": unknown role "${role}" (use ${ROLES.join(", ")})`);
    } else if (map.has(group) && map.get(group) !== role) {
      problems.push(`"${group}" is mapped to both ${map.get(group)} and ${role}`);
    } else {
      map.set(group, role);
    }
  }
  if (problems.length === 0 && map.size === 0) problems.push("it maps no group to a role");
  if (problems.length > 0) throw new RoleMapError(`Invalid ROLE_MAP: ${problems.join("; ")}`);
  return map;
}

/**
 * The one role a user gets: the highest role any of their groups maps to, or null (no access).
 * Group names match exactly (case-sensitive), as IdPs treat them.
 */
export function roleFromGroups(groups: readonly string[], roleMap: string | ReadonlyMap<string, Role>): Role | null {
  const map = typeof roleMap === "string" ? parseRoleMap(roleMap) : roleMap;
  const matched: Role[] = [];
  for (const g of groups) {
    const role = map.get(g);
    if (role) matched.push(role);
  }
  return highestRole(matched);
}
