import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext } from "@playwright/test";
import { fault, startFaultServer, type FaultServer } from "../../tests/support/fault-server";
import { startConsole, type ConsoleServer } from "./console-server";
import { sessionCookie } from "./session-cookie";

const KST = "2026-11-01T10:00:00+09:00";
export const STALLED = { workspaceId: "ws-stall", taskId: "t-stuck" };

export type StalledStack = {
  backend: FaultServer;
  app: ConsoleServer;
  context: BrowserContext;
  polls: () => number;
  close: () => Promise<void>;
};

/**
 * The built console against a backend whose one task runs forever: the way to see what the task page
 * does when the spec's 10 minutes of polling run out, without waiting 10 minutes.
 */
export async function startStalledStack(browser: Browser): Promise<StalledStack> {
  const backend = await startFaultServer();
  const secret = randomBytes(32).toString("base64url");
  const app = await startConsole({
    BACKEND_URL: backend.url,
    NEXTAUTH_SECRET: secret,
    OIDC_ISSUER: "http://127.0.0.1:9/",
    OIDC_CLIENT_ID: "test",
    OIDC_CLIENT_SECRET: "test-client-secret",
    LOG_LEVEL: "warn",
  });
  const { workspaceId, taskId } = STALLED;
  backend.setRoute(
    "GET",
    `/api/workspaces/${workspaceId}`,
    fault.json(200, {
      id: workspaceId,
      name: "Stall",
      createdAt: KST,
      functionCount: 0,
      invocations24h: 0,
      errorRate: 0,
    }),
  );
  backend.setRoute("GET", `/api/workspaces/${workspaceId}/functions`, fault.json(200, []));
  backend.setRoute(
    "GET",
    `/api/v1/tasks/${taskId}`,
    fault.json(200, { task_id: taskId, status: "running", result: null, error: null }),
  );
  backend.setRoute(
    "GET",
    `/api/v1/workspaces/${workspaceId}/tasks`,
    fault.json(200, [{ task_id: taskId, status: "running", app_name: "stuck", created_at: KST, updated_at: KST }]),
  );
  const [name, value] = (await sessionCookie(secret, "developer")).split(/=(.*)/s) as [string, string];
  const context = await browser.newContext({ baseURL: app.url });
  await context.addCookies([{ name, value, url: app.url }]);
  return {
    backend,
    app,
    context,
    polls: () => backend.requests.filter((r) => r.path === `/api/v1/tasks/${taskId}`).length,
    close: async () => {
      await context.close();
      await app.close();
      await backend.close();
    },
  };
}
