import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { EMBEDDED_CLIENT } from "../local/idp/defaults";
import { consoleNodeArgs } from "../local/stack/console-node-args";
import { freePort } from "../tests/support/free-port";

export type ConsoleServer = { url: string; pid: number; inspectorPort: number; stop: () => Promise<void> };
export type BenchStack = {
  consoleUrl: string;
  backendUrl: string;
  /** What the console sends the backend; direct reads send the same, so both sides do the same work. */
  backendHeaders: Record<string, string>;
  console: ConsoleServer;
  /** Stops the running console and starts a fresh one on the same port (memory runs need a clean heap). */
  restartConsole: () => Promise<ConsoleServer>;
  stop: () => Promise<void>;
};

const tsx = "node_modules/.bin/tsx";

/**
 * The production build (`.next/standalone/console-server.cjs` with the same node flags as `npm start`),
 * the embedded backend and the embedded IdP, with a session secret the bench knows (it mints its own
 * session cookies). The console's inspector listens on a free loopback port so the bench can read its heap.
 */
export async function startStack(
  port: number,
  secret: string,
  opts: { nodeArgs?: string[]; consoleEnv?: Record<string, string> } = {},
): Promise<BenchStack> {
  const backendPort = port + 1;
  const backendToken = `bench-${Math.random().toString(36).slice(2)}`;
  const backend = spawn(tsx, ["local/backend/main.ts", "--reset"], {
    env: { ...process.env, PORT: String(backendPort), PLATFORM_DATA_DIR: ".data/bench", BACKEND_TOKEN: backendToken },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const backendUrl = `http://127.0.0.1:${backendPort}`;
  await waitFor(`${backendUrl}/health`, backend);

  // Pages need a configured sign-in (the bench's own cookies skip the flow itself).
  const idpPort = await freePort();
  const consoleUrl = `http://127.0.0.1:${port}`;
  const idp = spawn(tsx, ["local/idp/main.ts"], {
    env: {
      ...process.env,
      PORT: String(idpPort),
      IDP_REDIRECT_URIS: `${consoleUrl}/api/auth/callback/oidc`,
      IDP_POST_LOGOUT_URIS: consoleUrl,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const issuer = `http://127.0.0.1:${idpPort}`;
  await waitFor(`${issuer}/.well-known/openid-configuration`, idp);

  const startConsole = async (): Promise<ConsoleServer> => {
    const inspectorPort = await freePort();
    const child = spawn(
      process.execPath,
      [
        ...consoleNodeArgs(),
        ...(opts.nodeArgs ?? []),
        `--inspect=127.0.0.1:${inspectorPort}`,
        ".next/standalone/console-server.cjs",
      ],
      {
        env: {
          ...process.env,
          NODE_ENV: "production",
          HOSTNAME: "127.0.0.1",
          PORT: String(port),
          BACKEND_URL: backendUrl,
          BACKEND_TOKEN: backendToken,
          NEXTAUTH_URL: consoleUrl,
          OIDC_ISSUER: issuer,
          OIDC_CLIENT_ID: EMBEDDED_CLIENT.clientId,
          OIDC_CLIENT_SECRET: EMBEDDED_CLIENT.clientSecret,
          EMBEDDED_IDP_URL: issuer,
          ALLOW_EMBEDDED_IDP: "1",
          NEXTAUTH_SECRET: secret,
          LOG_LEVEL: "warn",
          NEXT_TELEMETRY_DISABLED: "1",
          // A bench of its own may point the console elsewhere (the dashboard's counting proxy).
          ...opts.consoleEnv,
        },
        // The inspector's "Debugger listening" banner goes to stderr: keep it out of the bench's output.
        stdio: ["ignore", "ignore", "pipe"],
        detached: true,
      },
    );
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString().replace(/^(Debugger listening on|For help, see).*\n?/gm, "");
      if (text.trim() !== "") process.stderr.write(`[console] ${text}`);
    });
    await waitFor(`${consoleUrl}/api/health`, child);
    return { url: consoleUrl, pid: child.pid!, inspectorPort, stop: () => stopGroup(child) };
  };

  let current = await startConsole();
  const stack: BenchStack = {
    consoleUrl: current.url,
    backendUrl,
    backendHeaders: {
      authorization: `Bearer ${backendToken}`,
      "x-eunha-user": "developer@test.local",
      "x-eunha-roles": "developer",
    },
    console: current,
    restartConsole: async () => {
      await current.stop();
      current = await startConsole();
      stack.console = current;
      return current;
    },
    stop: async () => {
      await current.stop();
      await Promise.all([stopGroup(backend), stopGroup(idp)]);
    },
  };
  return stack;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the process exited (code ${child.exitCode}); did \`npm run build\` run?`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within 180 s`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid, "SIGTERM");
  if ((await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)])) === false)
    process.kill(-child.pid, "SIGKILL");
}
