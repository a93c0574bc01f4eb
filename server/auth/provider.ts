import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { AuthConfig } from "./config";

/** The provider id: callback URL is `${NEXTAUTH_URL}/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

type Claims = Record<string, unknown>;

/**
 * A generic OIDC provider (next-auth v4's `type: "oauth"` with discovery). PKCE and state protect the
 * code flow; the ID token is verified by openid-client against the issuer's keys.
 */
export function oidcProvider(
  cfg: Pick<AuthConfig, "issuer" | "clientId" | "clientSecret" | "scopes" | "groupsClaim">,
): OAuthConfig<Claims> {
  const issuer = cfg.issuer.replace(/\/$/, "");
  return {
    id: OIDC_PROVIDER_ID,
    name: "SSO",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    authorization: { params: { scope: cfg.scopes } },
    idToken: true,
    checks: ["pkce", "state"],
    // openid-client's default of 3.5 s is short for a cold IdP.
    httpOptions: { timeout: 10_000 },
    userinfo: {
      // Many IdPs keep name, email or groups out of the ID token: fill gaps from userinfo.
      async request({ tokens, client }) {
        // At runtime `tokens` is openid-client's TokenSet; next-auth types it as plain parameters.
        const tokenSet = tokens as unknown as { claims(): Claims; access_token?: string };
        const idClaims = tokenSet.claims();
        const complete = ["email", "name", cfg.groupsClaim].every((k) => Object.hasOwn(idClaims, k));
        if (complete || !tokenSet.access_token) return idClaims;
        try {
          const userinfo = (await client.userinfo(tokenSet as never)) as Claims;
          // Claims of the signed ID token win over userinfo where both exist.
          return { ...userinfo, ...idClaims };
        } catch {
          // e.g. Entra ID when the access token targets another API: the ID token alone must do.
          return idClaims;
        }
      },
    },
    profile(profile) {
      const email = typeof profile.email === "string" ? profile.email : null;
      const name = [profile.name, profile.preferred_username, email].find((v) => typeof v === "string" && v !== "");
      return { id: String(profile.sub), name: (name as string | undefined) ?? null, email, image: null };
    },
  };
}
