import { encode } from "next-auth/jwt";

export type TestRole = "viewer" | "developer" | "admin";

/**
 * A session cookie for a console started by a test with a secret the test chose: the same encrypted
 * JWT next-auth writes at sign-in (roles only, absolute expiry), without an IdP round trip.
 */
export async function sessionCookie(secret: string, role: TestRole): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const value = await encode({
    secret,
    maxAge: 3600,
    token: {
      sub: `test-${role}`,
      sid: crypto.randomUUID(),
      name: `Test ${role}`,
      email: `${role}@test.local`,
      roles: [role],
      sessionExpiresAt: now + 3600,
    },
  });
  return `next-auth.session-token=${value}`;
}
