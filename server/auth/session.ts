import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { AuthError } from "./errors";
import { can, isRole, type Action, type Role } from "./policy";
import { readSessionToken } from "./token";

/** The signed-in user as server code sees it. Never holds tokens. */
export interface SessionUser {
  /** The IdP's subject identifier. */
  id: string;
  name: string;
  email: string;
  roles: Role[];
  /** Absolute end of the session. */
  expiresAt: Date;
}

/**
 * The current user, or null. Cached per request (React `cache`), so a page, its layout and its data
 * functions decrypt the cookie once. Reads the cookie directly instead of getServerSession(): no
 * callbacks run, so a server component never refreshes (and rotates) tokens it could not store.
 */
export const getSession = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken(await cookies());
  if (!token?.sub) return null;
  const roles = (token.roles ?? []).filter(isRole);
  if (roles.length === 0) return null; // no mapped role means no access, whatever the cookie says
  const email = typeof token.email === "string" ? token.email : "";
  return {
    id: token.sub,
    name: typeof token.name === "string" && token.name !== "" ? token.name : email,
    email,
    roles,
    expiresAt: new Date((token.sessionExpiresAt ?? 0) * 1000),
  };
});

/**
 * The current user, allowed to perform `action` when one is given. Throws AuthError (401
 * UNAUTHENTICATED without a session, 403 FORBIDDEN when the role does not allow the action). Call it in
 * every route handler, server action and data-access function: the proxy is only a pre-filter.
 */
export async function requireUser(action?: Action): Promise<SessionUser> {
  const user = await getSession();
  if (!user) throw new AuthError("UNAUTHENTICATED");
  if (action && !can(user.roles, action)) throw new AuthError("FORBIDDEN");
  return user;
}

/** For pages: whether the current user may perform `action` (to hide buttons; still check on submit). */
export async function userCan(action: Action): Promise<boolean> {
  const user = await getSession();
  return user !== null && can(user.roles, action);
}
