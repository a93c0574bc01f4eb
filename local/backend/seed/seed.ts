import type { Db } from "../db/open";
import { getMeta, setMeta } from "../db/open";
import type { InvokeService } from "../invoke/invoke-service";
import type { FunctionService } from "../services/function-service";
import type { WorkspaceService } from "../services/workspace-service";
import { DEMO_FUNCTIONS } from "./demo-functions";

export type SeedDeps = { db: Db; workspaces: WorkspaceService; functions: FunctionService; invoker: InvokeService };

/**
 * A fresh data directory starts with a "Demo" workspace whose functions have really run a few
 * times, so a newcomer's first screen has counters, logs, Loki lines and CPU metrics. Runs once
 * per database: deleting the Demo workspace keeps it deleted.
 */
export async function seedDemo({ db, workspaces, functions, invoker }: SeedDeps): Promise<boolean> {
  if (getMeta(db, "seeded_at") !== undefined || workspaces.list().length > 0) return false;

  const ws = workspaces.create({
    name: "Demo",
    description: "Sample functions: Korean text, a Spin handler and one that fails on bad input",
  });
  const created = DEMO_FUNCTIONS.map((demo) => ({
    demo,
    fn: functions.create(ws.id, {
      name: demo.name,
      description: demo.description,
      runtime: "Python 3.12",
      memory: demo.memory,
      timeout: demo.timeout,
      httpMethods: demo.httpMethods,
      environmentVariables: demo.environmentVariables,
      code: Buffer.from(demo.source, "utf8").toString("base64"),
    }),
  }));
  setMeta(db, "seeded_at", new Date().toISOString());

  // Real invocations through the same path as the API: ExecutionLogs, output lines and CPU samples.
  for (const { demo, fn } of created) {
    for (const payload of demo.history) await invoker.invoke(ws.id, fn.id, payload);
  }
  return true;
}
