import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BuildStore } from "./build/build-store";
import { PipelineService } from "./build/pipeline-service";
import { openDatabase } from "./db/open";
import { DEFAULT_PIPELINE, type PipelineOptions } from "./pipeline-options";
import { DeployService } from "./deploy/deploy-service";
import { SpinController } from "./deploy/spin-controller";
import { bearerRefusal } from "./http/bearer";
import { envelope } from "./http/errors";
import { Router, send } from "./http/router";
import { InvokeService } from "./invoke/invoke-service";
import { FaultState, NO_FAULTS, type Faults } from "./observability/faults";
import { LokiSource } from "./observability/loki";
import { MetricsService } from "./observability/metrics";
import { LocalPrometheus, RemotePrometheus } from "./observability/prometheus-source";
import { ExecutionLogRepo } from "./repos/execution-log-repo";
import { FunctionRepo } from "./repos/function-repo";
import { RunRepo } from "./repos/run-repo";
import { WorkspaceRepo } from "./repos/workspace-repo";
import { DeploymentRepo } from "./repos/deployment-repo";
import { TaskRepo } from "./repos/task-repo";
import { adminRoutes } from "./routes/admin-routes";
import { appHostRoutes } from "./routes/app-host-routes";
import { buildRoutes } from "./routes/build-routes";
import { deployRoutes } from "./routes/deploy-routes";
import { functionHostRoutes } from "./routes/function-host-routes";
import { functionRoutes } from "./routes/function-routes";
import { logRoutes } from "./routes/log-routes";
import { observabilityRoutes } from "./routes/observability-routes";
import { taskRoutes } from "./routes/task-routes";
import { workspaceRoutes } from "./routes/workspace-routes";
import { AppHost } from "./runtime/app-host";
import { FunctionHost } from "./runtime/function-host";
import { WasmRunner } from "./runtime/wasm-runner";
import type { OutboundRule } from "./runtime/outbound-http";
import { seedDemo } from "./seed/seed";
import { FunctionService } from "./services/function-service";
import { WorkspaceService } from "./services/workspace-service";
import { ObjectStore } from "./storage/object-store";
import { TaskRunner } from "./tasks/task-runner";

export type BackendOptions = {
  /** 0 picks a free port. Default 8000. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default `<dataDir>/platform.db`; `:memory:` for tests. */
  dbPath?: string;
  /** Default `.data`; with `:memory:` and no dataDir, a temporary directory removed on close. */
  dataDir?: string;
  /** Where source objects live. Default `<dataDir>/objects`. */
  objectsDir?: string;
  /** Create the Demo workspace on a fresh database. Default: true unless dbPath is `:memory:`. */
  seed?: boolean;
  /** Sandbox instances at once, blank spares included (each holds one function version). Default 8. */
  maxInstances?: number;
  /** Blank instances kept loaded for cold starts. Default 1. */
  spareInstances?: number;
  /** Where functions may send HTTP (PLATFORM_FUNCTION_FETCH_ALLOW). Default: nowhere. */
  functionOutbound?: readonly OutboundRule[];
  /** A real Loki / Prometheus instead of the built-in stand-ins. */
  lokiUrl?: string | null;
  prometheusUrl?: string | null;
  /** Fault switches at start-up (see observability/faults.ts). */
  faults?: Partial<Faults>;
  /** The bearer token every `/api` and `/__admin` request must carry; a random one when absent. */
  token?: string;
  /** Build/push/deploy settings; defaults in DEFAULT_PIPELINE. */
  pipeline?: Partial<PipelineOptions>;
};

export type Backend = {
  url: string;
  port: number;
  /** The bearer token `/api` and `/__admin` demand. */
  token: string;
  /** Settles once the function sandbox has booted (the first boot of the interpreter takes seconds). */
  sandboxReady: Promise<void>;
  close(): Promise<void>;
};

function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

/** Starts the embedded platform backend: the spec's HTTP API plus the function host, on one port. */
export async function startBackend(opts: BackendOptions = {}): Promise<Backend> {
  const host = opts.host ?? "127.0.0.1";
  const memory = opts.dbPath === ":memory:";
  const tempDir = memory && !opts.dataDir ? mkdtempSync(join(tmpdir(), "eunha-backend-")) : null;
  const dataDir = opts.dataDir ?? tempDir ?? ".data";
  const dbPath = opts.dbPath ?? join(dataDir, "platform.db");

  const db = openDatabase(dbPath);
  const objects = new ObjectStore(opts.objectsDir ?? join(dataDir, "objects"));
  const workspaceRepo = new WorkspaceRepo(db);
  const functionRepo = new FunctionRepo(db);
  const logRepo = new ExecutionLogRepo(db);
  const runRepo = new RunRepo(db);
  const taskRepo = new TaskRepo(db);
  objects.sweep(functionRepo.allObjectKeys());
  const pipelineOpts = { ...DEFAULT_PIPELINE, ...opts.pipeline };
  const buildStore = new BuildStore(objects);
  const tasks = new TaskRunner(taskRepo, pipelineOpts.maxConcurrentTasks);
  tasks.recover(); // before the sweep: a build interrupted mid-way keeps its upload for inspection
  buildStore.sweep(taskRepo.allIds());

  const faults = new FaultState({ ...NO_FAULTS, ...opts.faults });
  const runner = new WasmRunner({
    maxInstances: opts.maxInstances ?? 8,
    spareInstances: opts.spareInstances ?? 1,
    outbound: opts.functionOutbound ?? [],
  });
  const stopping = new AbortController();
  let selfUrl = "";

  const workspaces = new WorkspaceService(db, workspaceRepo, objects);
  const functions = new FunctionService(db, functionRepo, workspaceRepo, objects);
  const invoker = new InvokeService({
    functions: functionRepo,
    logs: logRepo,
    runs: runRepo,
    hostUrl: () => selfUrl,
    shutdown: stopping.signal,
  });
  const pipeline = new PipelineService({
    runner: tasks,
    tasks: taskRepo,
    store: buildStore,
    sandbox: runner,
    limits: { maxFiles: pipelineOpts.buildMaxFiles, maxBytes: pipelineOpts.buildMaxBytes },
    outboundHosts: pipelineOpts.outboundHosts,
    registryTimeoutMs: pipelineOpts.registryTimeoutMs,
  });
  const deployments = new DeploymentRepo(db);
  const functionHost = new FunctionHost({
    functions: functionRepo,
    runs: runRepo,
    objects,
    runner,
    deployments,
    tasks: taskRepo,
    store: buildStore,
  });
  const controller = new SpinController(deployments, () => selfUrl);
  const appHost = new AppHost({ deployments, tasks: taskRepo, store: buildStore, runner });
  const deployer = new DeployService({
    controller,
    functions: functionRepo,
    endpointWaitMs: pipelineOpts.deployEndpointWaitMs,
    shutdown: stopping.signal,
  });
  const loki = new LokiSource(runRepo, faults, opts.lokiUrl ?? null);
  const prometheus = opts.prometheusUrl ? new RemotePrometheus(opts.prometheusUrl) : new LocalPrometheus(runRepo);
  const metrics = new MetricsService(prometheus, faults);

  const router = new Router(async (ctx) => {
    if (ctx.path.startsWith("/api/")) await faults.apiDelay();
  });
  router.add(
    { method: "GET", path: "/health", handler: async () => ({ status: 200, json: { status: "ok" } }) },
    ...workspaceRoutes(workspaces),
    ...functionRoutes(functions, invoker),
    ...logRoutes(logRepo, workspaceRepo, functionRepo),
    ...observabilityRoutes(loki, metrics, functionRepo),
    ...functionHostRoutes(functionHost),
    ...appHostRoutes(appHost),
    ...taskRoutes(taskRepo),
    ...buildRoutes(pipeline, pipelineOpts.maxUploadBytes),
    ...deployRoutes(deployer),
    ...adminRoutes(faults),
  );

  const token = opts.token ?? randomBytes(32).toString("base64url");
  const server: Server = createServer((req, res) => {
    const refusal = bearerRefusal(req, new URL(req.url ?? "/", "http://backend.invalid").pathname, token);
    if (refusal) {
      req.resume();
      return send(res, refusal);
    }
    router.handle(req, res).catch((err: unknown) => {
      console.error("[backend] unhandled:", err);
      send(res, { status: 500, json: envelope("INTERNAL_ERROR", "internal error") });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 8000, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  selfUrl = `http://${urlHost(host)}:${port}`;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      stopping.abort();
      runner.close();
      await tasks.shutdown(); // running tasks are failed as interrupted while the database is open
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 2_000);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      db.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    })());

  // Boots in the background: only function runs and builds wait for it.
  const sandboxReady = runner
    .ready()
    .catch((err: unknown) => console.error("[backend] the function sandbox did not start:", err));
  try {
    if (opts.seed ?? !memory) await seedDemo({ db, workspaces, functions, invoker });
  } catch (err) {
    await close();
    throw err;
  }
  return { url: selfUrl, port, token, sandboxReady, close };
}
