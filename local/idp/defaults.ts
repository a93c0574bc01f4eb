/**
 * The embedded development IdP's fixed settings: the orchestrator imports these to configure the console
 * (OIDC_CLIENT_ID / OIDC_CLIENT_SECRET) and tests to sign in. Public by design: never use in production.
 */
export const IDP_HOST = "127.0.0.1";
export const DEFAULT_IDP_PORT = 9000;

export const DEFAULT_CLIENT_ID = "eunha-console";
export const DEFAULT_CLIENT_SECRET = "eunha-console-dev-secret";
export const DEFAULT_REDIRECT_URI = "http://127.0.0.1:3000/api/auth/callback/oidc";
/** What the orchestrator hands the console as OIDC_CLIENT_ID / OIDC_CLIENT_SECRET. */
export const EMBEDDED_CLIENT = { clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET } as const;

export const DEMO_PASSWORD = "demo";

export interface DemoUser {
  /** Also the login name and the OIDC `sub`. */
  username: string;
  password: string;
  name: string;
  email: string;
  /** Chosen so the default ROLE_MAP gives the role below. */
  groups: string[];
  role: "viewer" | "developer" | "admin";
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: "developer",
    password: DEMO_PASSWORD,
    name: "Dana Developer",
    email: "developer@eunha.local",
    groups: ["eunha-devs"],
    role: "developer",
  },
  {
    username: "manager",
    password: DEMO_PASSWORD,
    name: "Minji Manager",
    email: "manager@eunha.local",
    groups: ["eunha-managers"],
    role: "viewer",
  },
  {
    username: "admin",
    password: DEMO_PASSWORD,
    name: "Ari Admin",
    email: "admin@eunha.local",
    groups: ["eunha-admins"],
    role: "admin",
  },
];

export interface IdpClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  /** Where RP-initiated logout may return to. */
  post_logout_redirect_uris?: string[];
}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);

/**
 * The console as the one static client: redirect URIs from IDP_REDIRECT_URIS and post-logout URIs from
 * IDP_POST_LOGOUT_URIS (comma lists).
 */
export function defaultClient(
  redirectUris: string | undefined = process.env.IDP_REDIRECT_URIS,
  postLogoutUris: string | undefined = process.env.IDP_POST_LOGOUT_URIS,
): IdpClient {
  const redirects = list(redirectUris);
  const logouts = list(postLogoutUris);
  return {
    client_id: DEFAULT_CLIENT_ID,
    client_secret: DEFAULT_CLIENT_SECRET,
    redirect_uris: redirects.length > 0 ? redirects : [DEFAULT_REDIRECT_URI],
    post_logout_redirect_uris: logouts.length > 0 ? logouts : [new URL(redirects[0] ?? DEFAULT_REDIRECT_URI).origin],
  };
}

/** The issuer URL for a port: always 127.0.0.1, the one host name used across the stack. */
export function issuerFor(port: number): string {
  return `http://${IDP_HOST}:${port}`;
}
