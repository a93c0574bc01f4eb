import { timingSafeEqual } from "node:crypto";
import { type DemoUser } from "./defaults";

/** The demo user with these credentials, or null. Compares in constant time, like a real IdP should. */
export function authenticate(users: readonly DemoUser[], username: string, password: string): DemoUser | null {
  const user = users.find((u) => u.username === username.trim().toLowerCase());
  const expected = Buffer.from(user?.password ?? "\u0000no-such-user");
  const given = Buffer.from(password);
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  return user && same ? user : null;
}

/** Standard OIDC claims plus `groups`; oidc-provider releases only those the granted scopes cover. */
export function claimsOf(user: DemoUser): Record<string, unknown> {
  return {
    sub: user.username,
    name: user.name,
    preferred_username: user.username,
    email: user.email,
    email_verified: true,
    groups: [...user.groups],
  };
}
