/**
 * `npm run test:staging-rehearsal`: proves staging mode. Starts the embedded backend and IdP as
 * separate processes, a production console pointed at them only through BACKEND_URL and OIDC_ISSUER
 * (as a deployment is), runs the journeys marked for staging against it with E2E_BASE_URL and a run
 * id, and then checks on the backend itself that everything the run made is gone, failures included.
 * Ports: E2E_PORT (3100 by default) and the next three.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_PASSWORD, EMBEDDED_CLIENT } from "../idp/defaults";
import { killAllNow, startService, stopAll, waitForHttp, type Service } from "./services";

/** The journeys that run against staging: they own their data and need no fault switch or local registry. */
const STAGING_JOURNEYS = ["e2e/test-invoke.spec.ts"];

const host = "127.0.0.1";
const base = Number(process.env.E2E_PORT ?? 3100);
const [consolePort, backendPort, idpPort] = [base, base + 1, base + 2];
const consoleUrl = `http://${host}:${consolePort}`;
const backendUrl = `http://${host}:${backendPort}`;
const issuer = `http://${host}:${idpPort}`;
const runId = `rehearsal-${Date.now().toString(36)}`;
const tsx = join("node_modules", ".bin", "tsx");
const dataDir = mkdtempSync(join(tmpdir(), "eunha-staging-"));
/** The backend's credential, given to the backend and the console as a deployment's secret would be. */
const backendToken = process.env.BACKEND_TOKEN ?? randomBytes(32).toString("base64url");
const services: Service[] = [];
process.on("exit", () => killAllNow(services));

type Workspace = { id: string; name: string };

/** The backend's own view, not the console's: what really exists after the run. */
async function backendWorkspaces(): Promise<Workspace[]> {
  const res = await fetch(`${backendUrl}/api/workspaces`, { headers: { authorization: `Bearer ${backendToken}` } });
  if (!res.ok) throw new Error(`GET /api/workspaces on the backend: ${res.status} ${await res.text()}`);
  return (await res.json()) as Workspace[];
}

function runJourneys(): Promise<number> {
  const env = {
    ...process.env,
    E2E_BASE_URL: consoleUrl,
    E2E_RUN_ID: runId,
    E2E_REPORT_FILE: ".reports/playwright-staging.json",
    E2E_PASSWORD: process.env.E2E_PASSWORD ?? DEMO_PASSWORD,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const child = spawn(join("node_modules", ".bin", "playwright"), ["test", ...STAGING_JOURNEYS], {
    env,
    stdio: "inherit",
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

async function main(): Promise<number> {
  const backend = startService("backend", tsx, ["local/backend/main.ts", "--reset"], {
    ...process.env,
    PORT: String(backendPort),
    BACKEND_TOKEN: backendToken,
    PLATFORM_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  });
  services.push(backend);
  const idp = startService("idp", tsx, ["local/idp/main.ts"], {
    ...process.env,
    PORT: String(idpPort),
    IDP_REDIRECT_URIS: `${consoleUrl}/api/auth/callback/oidc`,
    IDP_POST_LOGOUT_URIS: consoleUrl,
  });
  services.push(idp);
  await Promise.all([
    waitForHttp(backend, `${backendUrl}/health`),
    waitForHttp(idp, `${issuer}/.well-known/openid-configuration`),
  ]);

  // The console knows the other two only by URL, exactly as a deployment is configured.
  const app = startService("console", tsx, ["local/stack/cli.ts", "start"], {
    ...process.env,
    PORT: String(consolePort),
    BACKEND_URL: backendUrl,
    BACKEND_TOKEN: backendToken,
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: EMBEDDED_CLIENT.clientId,
    OIDC_CLIENT_SECRET: EMBEDDED_CLIENT.clientSecret,
    NEXTAUTH_URL: consoleUrl,
    PLATFORM_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  });
  services.push(app);
  await waitForHttp(app, `${consoleUrl}/api/health`, 180_000);

  const before = new Set((await backendWorkspaces()).map((w) => w.id));
  const journeys = await runJourneys();
  const after = await backendWorkspaces();
  const left = after.filter((w) => !before.has(w.id) || w.name.startsWith(`e2e-run-${runId}-`));
  if (left.length > 0)
    console.error(
      `staging rehearsal: the run left workspaces behind: ${left.map((w) => `${w.name} (${w.id})`).join(", ")}`,
    );
  else console.log(`staging rehearsal: run ${runId} left nothing behind (${after.length} workspaces, as before)`);
  console.log(`staging rehearsal: journeys ${journeys === 0 ? "passed" : `failed (exit ${journeys})`}`);
  return journeys !== 0 ? journeys : left.length > 0 ? 1 : 0;
}

main()
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    return 1;
  })
  .then(async (code) => {
    await stopAll(services);
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  });
