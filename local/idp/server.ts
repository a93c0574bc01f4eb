import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { authenticate } from "./accounts";
import { DEMO_USERS, defaultClient, IDP_HOST, issuerFor, type DemoUser, type IdpClient } from "./defaults";
import { errorPage, loginPage } from "./pages";
import { providerConfiguration } from "./provider-config";

export interface StartIdpOptions {
  /** 0 picks a free port. */
  port: number;
  clients?: IdpClient[];
  users?: readonly DemoUser[];
}

export interface RunningIdp {
  /** The issuer, e.g. http://127.0.0.1:9000 (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;

/** Starts the embedded OIDC provider on 127.0.0.1 (plain http) with its own login page. */
export async function startIdp(options: StartIdpOptions): Promise<RunningIdp> {
  const users = options.users ?? DEMO_USERS;
  let handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) =>
    void res.writeHead(503).end();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("[idp] request failed:", error);
      if (!res.headersSent) send(res, 500, errorPage("Sign-in error", "The development IdP failed. See its log."));
      else res.end();
    });
  });
  // The issuer must contain the port, so listen first (port 0 → a free one) and build the provider after.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, IDP_HOST, () => resolve());
  });
  const url = issuerFor((server.address() as AddressInfo).port);
  const provider = new Provider(url, providerConfiguration(options.clients ?? [defaultClient()], users));
  provider.on("server_error", (_ctx, error) => console.error("[idp] server error:", error));
  const oidc = provider.callback();

  handle = async (req, res) => {
    const path = new URL(req.url ?? "/", url).pathname;
    if (path === "/health" && req.method === "GET") return send(res, 200, '{"status":"ok"}', "application/json");
    const match = INTERACTION.exec(path);
    if (!match) return oidc(req, res);
    await interaction(provider, users, req, res, match[1]!, match[2] !== undefined);
  };

  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function interaction(
  provider: Provider,
  users: readonly DemoUser[],
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
  isLogin: boolean,
): Promise<void> {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    return send(
      res,
      400,
      errorPage("Sign-in expired", "This sign-in page has expired. Go back to the console and sign in again."),
    );
  }
  if (details.uid !== uid)
    return send(
      res,
      400,
      errorPage("Sign-in expired", "This sign-in page is out of date. Go back to the console and sign in again."),
    );

  if (details.prompt.name === "consent") {
    // Only reached when an existing grant lacks something newly asked for: grant it, no screen.
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const target =
      grant ??
      new provider.Grant({ accountId: details.session?.accountId, clientId: String(details.params.client_id) });
    const missing = details.prompt.details;
    if (Array.isArray(missing.missingOIDCScope)) target.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (Array.isArray(missing.missingOIDCClaims)) target.addOIDCClaims(missing.missingOIDCClaims as string[]);
    const grantId = await target.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: details.grantId ? {} : { grantId } },
      { mergeWithLastSubmission: true },
    );
  }
  if (details.prompt.name !== "login") return send(res, 400, errorPage("Sign-in error", "Unexpected sign-in step."));

  if (!isLogin || req.method !== "POST") return send(res, 200, loginPage({ uid, users }));
  const form = new URLSearchParams(await readBody(req));
  const username = form.get("username") ?? "";
  const user = authenticate(users, username, form.get("password") ?? "");
  if (!user) return send(res, 401, loginPage({ uid, users, username, error: "Wrong username or password." }));
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.username } },
    { mergeWithLastSubmission: false },
  );
}

function send(res: ServerResponse, status: number, body: string, type = "text/html; charset=utf-8"): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-frame-options": "DENY" });
  res.end(body);
}

async function readBody(req: IncomingMessage, limit = 16 * 1024): Promise<string> {
  let body = "";
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > limit) throw new Error("login form too large");
  }
  return body;
}
