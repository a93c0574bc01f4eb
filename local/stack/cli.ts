/**
 * `npm run dev` / `npm start`: the whole console on one machine. Starts the embedded backend unless
 * BACKEND_URL is set and the embedded IdP unless OIDC_ISSUER is set, then the console, and stops all
 * of them (with everything they spawned) on Ctrl-C or when any one of them dies.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import nextEnv from "@next/env";
import { DEMO_PASSWORD, DEMO_USERS, EMBEDDED_CLIENT } from "../idp/defaults";
import { embeddedIdpRefusal } from "../idp/guard";
import { consoleNodeArgs } from "./console-node-args";
import { localAuthSecret } from "./secret";
import { killAllNow, startService, stopAll, waitForHttp, type Service } from "./services";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx local/stack/cli.ts dev|start [--reset]");
  process.exit(2);
}
const production = mode === "start";
nextEnv.loadEnvConfig(process.cwd(), !production);

const host = "127.0.0.1";
const consolePort = Number(process.env.PORT ?? 3000);
const backendPort = Number(process.env.BACKEND_PORT ?? 8000);
const idpPort = Number(process.env.IDP_PORT ?? 9000);
const dataDir = process.env.PLATFORM_DATA_DIR ?? ".data";
const consoleUrl = process.env.NEXTAUTH_URL ?? `http://${host}:${consolePort}`;
const tsx = join("node_modules", ".bin", "tsx");

const services: Service[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await stopAll(services);
  }
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));
process.on("exit", () => killAllNow(services));

async function main(): Promise<void> {
  const consoleEnv: NodeJS.ProcessEnv = { ...process.env, NEXTAUTH_URL: consoleUrl, NEXT_TELEMETRY_DISABLED: "1" };

  if (!process.env.OIDC_ISSUER) {
    const refusal = embeddedIdpRefusal({ production, allow: process.env.ALLOW_EMBEDDED_IDP });
    if (refusal) {
      console.error(refusal);
      process.exit(1);
    }
  }

  if (!process.env.BACKEND_URL) {
    const args = ["local/backend/main.ts", ...(process.argv.includes("--reset") ? ["--reset"] : [])];
    const backend = startService("backend", tsx, args, {
      ...process.env,
      PORT: String(backendPort),
      PLATFORM_DATA_DIR: dataDir,
    });
    services.push(backend);
    await waitForHttp(backend, `http://${host}:${backendPort}/health`);
    consoleEnv.BACKEND_URL = `http://${host}:${backendPort}`;
    // Deployed functions live on the embedded backend's function host (/fn/…); its API stays refused.
    const functionHost = `http://${host}:${backendPort}/fn/`;
    consoleEnv.INVOCATION_URL_ALLOW = [process.env.INVOCATION_URL_ALLOW, functionHost].filter(Boolean).join(",");
    // The backend demands a bearer token: BACKEND_TOKEN, or the one it generated (after any --reset).
    consoleEnv.BACKEND_TOKEN ??= readFileSync(join(dataDir, "backend-token"), "utf8").trim();
  }

  if (!process.env.OIDC_ISSUER) {
    const idp = startService("idp", tsx, ["local/idp/main.ts"], {
      ...process.env,
      PORT: String(idpPort),
      IDP_REDIRECT_URIS: `${consoleUrl}/api/auth/callback/oidc`,
      IDP_POST_LOGOUT_URIS: consoleUrl,
    });
    services.push(idp);
    const issuer = `http://${host}:${idpPort}`;
    await waitForHttp(idp, `${issuer}/.well-known/openid-configuration`);
    Object.assign(consoleEnv, {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: EMBEDDED_CLIENT.clientId,
      OIDC_CLIENT_SECRET: EMBEDDED_CLIENT.clientSecret,
      EMBEDDED_IDP_URL: issuer,
      ALLOW_EMBEDDED_IDP: "1",
    });
  }
  consoleEnv.NEXTAUTH_SECRET ??= localAuthSecret(join(dataDir, "nextauth-secret"));

  const next = production
    ? startService("console", process.execPath, [...consoleNodeArgs(), ".next/standalone/console-server.cjs"], {
        ...consoleEnv,
        NODE_ENV: "production",
        HOSTNAME: host,
        PORT: String(consolePort),
      })
    : startService(
        "console",
        process.execPath,
        ["node_modules/next/dist/bin/next", "dev", "-H", host, "-p", String(consolePort)],
        consoleEnv,
      );
  services.push(next);
  await waitForHttp(next, `http://${host}:${consolePort}/api/health`, 180_000);

  console.log(`\n  Eunha Console   ${consoleUrl}`);
  console.log(`  Backend         ${consoleEnv.BACKEND_URL}${process.env.BACKEND_URL ? "" : "  (embedded)"}`);
  console.log(`  Identity        ${consoleEnv.OIDC_ISSUER}${process.env.OIDC_ISSUER ? "" : "  (embedded)"}`);
  if (!process.env.OIDC_ISSUER) {
    const users = DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(", ");
    console.log(`  Demo sign-ins   ${users}; password "${DEMO_PASSWORD}"`);
  }
  console.log("  Ctrl-C stops everything.\n");

  const first = await Promise.race(services.map((s) => s.exited.then((code) => ({ s, code }))));
  if (!stopping) {
    console.error(`${first.s.name} exited (code ${first.code}); stopping the rest.`);
    await shutdown(first.code === 0 ? 1 : (first.code ?? 1));
  }
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
});
