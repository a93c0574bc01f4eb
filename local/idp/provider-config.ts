import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { type ProviderContext } from "oidc-provider";
import { claimsOf } from "./accounts";
import { errorPage, logoutPage } from "./pages";
import { type DemoUser, type IdpClient } from "./defaults";

const SCOPES = ["openid", "offline_access", "profile", "email", "groups"];

/** Fresh keys per start: nothing to leak, and tokens of a previous run become invalid with it. */
function developmentSigningKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: `dev-${randomUUID()}`, use: "sig", alg: "RS256" };
}

/** oidc-provider configuration for the embedded IdP. */
export function providerConfiguration(
  clients: readonly IdpClient[],
  users: readonly DemoUser[],
): Record<string, unknown> {
  return {
    clients: clients.map((c) => ({
      ...c,
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    async findAccount(_ctx: ProviderContext, id: string) {
      const user = users.find((u) => u.username === id);
      return user && { accountId: user.username, claims: async () => claimsOf(user) };
    },
    scopes: SCOPES,
    claims: {
      openid: ["sub"],
      profile: ["name", "preferred_username"],
      email: ["email", "email_verified"],
      groups: ["groups"],
    },
    // Put profile, email and groups into the ID token as well, not only into userinfo.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: ProviderContext, form: string) {
          ctx.type = "html";
          ctx.body = logoutPage(form);
        },
        async postLogoutSuccessSource(ctx: ProviderContext) {
          ctx.type = "html";
          ctx.body = errorPage("Signed out", "You have signed out of the development IdP.");
        },
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // The console is first-party: grant what it asks for instead of showing a consent screen.
    async loadExistingGrant(ctx: ProviderContext) {
      const { client, session, result, provider } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return provider.Grant.find(grantId);
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(SCOPES.join(" "));
      await grant.save();
      return grant;
    },
    // Refresh tokens without asking for offline_access, rotated on every use: what BACKEND_AUTH=forward meets at real IdPs.
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) =>
      client.grantTypeAllowed("refresh_token"),
    rotateRefreshToken: () => true,
    pkce: { required: () => true },
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: 10 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      RefreshToken: 24 * 60 * 60,
      Interaction: 60 * 60,
      Session: 24 * 60 * 60,
      Grant: 24 * 60 * 60,
    },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    jwks: { keys: [developmentSigningKey()] },
    async renderError(ctx: ProviderContext, out: { error?: string; error_description?: string }) {
      ctx.type = "html";
      ctx.body = errorPage(
        "Sign-in error",
        out.error_description ?? out.error ?? "Something went wrong. Start again from the console.",
      );
    },
  };
}
