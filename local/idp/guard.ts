/** What the guard looks at; pass `process.env` or the orchestrator's own view of the mode. */
export interface EmbeddedIdpGuardInput {
  /** Production mode (`npm start`); defaults to NODE_ENV === "production". */
  production?: boolean;
  /** ALLOW_EMBEDDED_IDP's value; defaults to ALLOW_EMBEDDED_IDP. */
  allow?: string;
  NODE_ENV?: string;
  OIDC_ISSUER?: string;
  ALLOW_EMBEDDED_IDP?: string;
}

/**
 * Why the console must refuse to start with the embedded IdP, or null when it may. In production the
 * embedded IdP would let anyone sign in as admin with a published password, so it needs an explicit
 * ALLOW_EMBEDDED_IDP=1 (demos); a real deployment sets OIDC_ISSUER instead.
 */
export function embeddedIdpRefusal(input: EmbeddedIdpGuardInput): string | null {
  const production = input.production ?? input.NODE_ENV === "production";
  if (!production) return null;
  if ((input.OIDC_ISSUER ?? "").trim() !== "") return null;
  if (["1", "true"].includes((input.allow ?? input.ALLOW_EMBEDDED_IDP ?? "").trim())) return null;
  return (
    "Refusing to start in production without an identity provider: OIDC_ISSUER is not set, and the embedded " +
    "development IdP (demo users, public password) is only allowed with ALLOW_EMBEDDED_IDP=1. Set OIDC_ISSUER, " +
    "OIDC_CLIENT_ID and OIDC_CLIENT_SECRET for your IdP, or ALLOW_EMBEDDED_IDP=1 for a throwaway demo."
  );
}
