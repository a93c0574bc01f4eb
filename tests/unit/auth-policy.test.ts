import { describe, expect, it } from "vitest";
import { groupsFromClaims } from "@/server/auth/claims";
import {
  ACTIONS,
  can,
  parseRoleMap,
  roleFromGroups,
  RoleMapError,
  ROLES,
  type Action,
  type Role,
} from "@/server/auth/policy";

const DEFAULT_MAP = "eunha-admins=admin,eunha-devs=developer,eunha-managers=viewer";

/** The whole policy, written out by hand: one row per action, one column per role. */
const EXPECTED: Record<Action, Record<Role, boolean>> = {
  "workspace.read": { viewer: true, developer: true, admin: true },
  "workspace.create": { viewer: false, developer: false, admin: true },
  "workspace.update": { viewer: false, developer: false, admin: true },
  "workspace.delete": { viewer: false, developer: false, admin: true },
  "function.read": { viewer: true, developer: true, admin: true },
  "function.create": { viewer: false, developer: true, admin: true },
  "function.update": { viewer: false, developer: true, admin: true },
  "function.delete": { viewer: false, developer: true, admin: true },
  "function.invoke": { viewer: false, developer: true, admin: true },
  "function.revealSecret": { viewer: false, developer: true, admin: true },
  "logs.read": { viewer: true, developer: true, admin: true },
  "metrics.read": { viewer: true, developer: true, admin: true },
  "metrics.raw": { viewer: false, developer: true, admin: true },
  "task.read": { viewer: true, developer: true, admin: true },
  "build.create": { viewer: false, developer: true, admin: true },
  "push.create": { viewer: false, developer: true, admin: true },
  "scaffold.create": { viewer: false, developer: true, admin: true },
  "deploy.create": { viewer: false, developer: true, admin: true },
  "testEvent.save": { viewer: false, developer: true, admin: true },
  "audit.read": { viewer: false, developer: false, admin: true },
};

describe("can(roles, action)", () => {
  it("the expected table covers every action", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  const rows = ACTIONS.flatMap((action) => ROLES.map((role) => ({ action, role, allowed: EXPECTED[action][role] })));
  it.each(rows)("$role → $action: $allowed", ({ action, role, allowed }) => {
    expect(can([role], action)).toBe(allowed);
  });

  it.each(ACTIONS)("no role, unknown roles and malformed input grant nothing: %s", (action) => {
    expect(can([], action)).toBe(false);
    expect(can(null, action)).toBe(false);
    expect(can(undefined, action)).toBe(false);
    expect(can(["root", "Admin", "ADMIN", " admin", ""], action)).toBe(false);
  });

  it("any one sufficient role in a list is enough", () => {
    expect(can(["viewer", "admin"], "workspace.delete")).toBe(true);
    expect(can(["nobody", "developer"], "function.invoke")).toBe(true);
  });

  it("an action name from untyped input is denied", () => {
    expect(can(["admin"], "workspace.destroy" as Action)).toBe(false);
    expect(can(["admin"], "__proto__" as Action)).toBe(false);
  });
});

describe("roleFromGroups", () => {
  it.each([
    [["eunha-devs"], "developer"],
    [["eunha-managers"], "viewer"],
    [["eunha-admins"], "admin"],
    [["eunha-managers", "eunha-devs"], "developer"],
    [["eunha-devs", "eunha-admins", "eunha-managers"], "admin"],
    [["other", "eunha-managers", "more"], "viewer"],
  ] as const)("%j → %s (the highest mapped role)", (groups, role) => {
    expect(roleFromGroups(groups, DEFAULT_MAP)).toBe(role);
  });

  it.each([[[]], [["everyone"]], [["Eunha-Devs"]], [["eunha-devs "]], [["/eunha-devs"]]])(
    "%j → no access",
    (groups) => {
      expect(roleFromGroups(groups, DEFAULT_MAP)).toBeNull();
    },
  );

  it("accepts a parsed map and group names holding = or spaces", () => {
    const map = parseRoleMap(" Eunha Admins = admin , a=b=developer ,");
    expect(roleFromGroups(["a=b"], map)).toBe("developer");
    expect(roleFromGroups(["Eunha Admins"], map)).toBe("admin");
  });

  it("works for a user in 300 groups", () => {
    const groups = Array.from({ length: 300 }, (_, i) => `team-${i}`);
    expect(roleFromGroups([...groups, "eunha-managers"], DEFAULT_MAP)).toBe("viewer");
    expect(roleFromGroups(groups, DEFAULT_MAP)).toBeNull();
  });
});

describe("parseRoleMap", () => {
  it("parses the default map", () => {
    expect(Object.fromEntries(parseRoleMap(DEFAULT_MAP))).toEqual({
      "eunha-admins": "admin",
      "eunha-devs": "developer",
      "eunha-managers": "viewer",
    });
  });

  it("allows the same mapping twice", () => {
    expect(parseRoleMap("a=admin,a=admin").size).toBe(1);
  });

  it.each([
    ["", "maps no group"],
    [" , ,", "maps no group"],
    ["eunha-admins", "is not group=role"],
    ["=admin", "is not group=role"],
    ["eunha-admins=", "is not group=role"],
    ["eunha-admins=root", 'unknown role "root"'],
    ["eunha-admins=Admin", 'unknown role "Admin"'],
    ["g=admin,g=viewer", "mapped to both admin and viewer"],
  ])("rejects %j (%s)", (map, message) => {
    expect(() => parseRoleMap(map)).toThrow(RoleMapError);
    expect(() => parseRoleMap(map)).toThrow(message);
  });

  it("lists every problem at once", () => {
    expect(() => parseRoleMap("a=x,b,c=admin")).toThrow(/unknown role "x".*"b" is not group=role/);
  });

  it("roleFromGroups with a malformed string map throws rather than denying silently", () => {
    expect(() => roleFromGroups(["a"], "a=superuser")).toThrow(RoleMapError);
  });
});

describe("groupsFromClaims", () => {
  it.each([
    [{ groups: ["a", "b"] }, "groups", ["a", "b"]],
    [{ groups: "solo" }, "groups", ["solo"]],
    [{ groups: ["a", 7, null, ""] }, "groups", ["a"]],
    [{ roles: ["eunha-admins"] }, "roles", ["eunha-admins"]],
    [{ realm_access: { roles: ["r1"] } }, "realm_access.roles", ["r1"]],
    [{ "https://example.com/groups": ["x"] }, "https://example.com/groups", ["x"]],
    [{}, "groups", []],
    [{ groups: { a: 1 } }, "groups", []],
    [{ realm_access: null }, "realm_access.roles", []],
    [{}, "constructor", []],
  ])("%j with claim %s → %j", (profile, claim, groups) => {
    expect(groupsFromClaims(profile, claim)).toEqual(groups);
  });
});
