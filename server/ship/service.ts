import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { decodeUtf8Base64 } from "@/lib/base64";
import type { DeploymentDto, DeployStatusDto, ShipRunDto } from "@/lib/ship/run";
import { defaultShipSettings, shipSettings, type ShipSettings, type ShipSettingsInput } from "@/lib/ship/settings";
import { can } from "@/server/auth/policy";
import { requireUser, type SessionUser } from "@/server/auth/session";
import { loadFunctionConfig } from "@/server/dal/functions";
import { redactForBrowser, redactStrings } from "@/server/secrets/browser-safe";
import { registryUrls } from "@/server/secrets/registries";
import { db } from "@/server/store";
import {
  getDeployment,
  insertDeployment,
  listDeployments,
  liveDeployment,
  runningDeployment,
  updateDeployment,
  type DeploymentRow,
} from "@/server/store/deployments";
import { getPreference, setPreference } from "@/server/store/preferences";
import { defaultTestEvent } from "@/server/store/test-events";
import { pythonSyntaxErrors } from "./python-syntax";
import { codeHash, initialStages, parseStages, reshapeRun } from "./reshape";
import { interruptedStages } from "./runner";

export type FunctionKey = { workspaceId: string; functionId: string };
export type StartInput = FunctionKey & {
  registryUrl?: string;
  settings?: ShipSettingsInput;
  expectedCodeHash?: string;
};
/** A run to drive after the response, with the event its smoke stage sends. */
export type Started = { run: ShipRunDto; smokeEvent: unknown };

const workspaceScope = (workspaceId: string) => `workspace:${workspaceId}`;
const functionScope = (k: FunctionKey) => `function:${k.workspaceId}/${k.functionId}`;
const who = (u: SessionUser) => u.email || u.id;

function refuse(status: number, code: string, message: string): ApiError {
  return new ApiError({ status, code, message });
}

/** The registry for this run: the one named, else the workspace's remembered one, else the only one. */
async function chooseRegistry(workspaceId: string, requested: string | undefined): Promise<string> {
  const configured = registryUrls();
  if (configured.length === 0)
    throw refuse(
      400,
      "NO_REGISTRY",
      "No registry is configured for the console (REGISTRY_CREDENTIALS), so nothing can be pushed.",
    );
  if (requested !== undefined) {
    if (!configured.includes(requested))
      throw refuse(400, "VALIDATION_ERROR", "That registry is not one the console is configured to push to.");
    return requested;
  }
  const remembered = await getPreference<string>(await db(), workspaceScope(workspaceId), "registry");
  if (remembered && configured.includes(remembered)) return remembered;
  if (configured.length === 1) return configured[0]!;
  throw refuse(400, "REGISTRY_REQUIRED", "Choose the registry to push this workspace's images to.");
}

/** The settings for this run: the ones given (and remembered), else the function's last ones. */
async function chooseSettings(k: FunctionKey, given: ShipSettingsInput | undefined): Promise<ShipSettings | null> {
  if (given) return shipSettings.parse(given);
  const remembered = await getPreference<unknown>(await db(), functionScope(k), "deploy-settings");
  const parsed = shipSettings.safeParse(remembered);
  return parsed.success ? parsed.data : null;
}

async function smokeEventFor(k: FunctionKey): Promise<unknown> {
  const event = await defaultTestEvent(await db(), k);
  if (!event) return {};
  try {
    return JSON.parse(event.payload);
  } catch {
    return {};
  }
}

/** Reads a run, settling one whose driver died (lease lapsed) as failed so it can be retried. */
async function readRun(id: string): Promise<DeploymentRow | null> {
  const store = await db();
  const row = await getDeployment(store, id);
  if (!row) return null;
  const interrupted = interruptedStages(row);
  if (!interrupted) return row;
  const now = new Date().toISOString();
  const patch = {
    status: "failed",
    stages: JSON.stringify(interrupted),
    finished_at: now,
    lease_until: null,
    updated_at: now,
  };
  await updateDeployment(store, id, patch);
  return { ...row, ...patch };
}

/** Settings the user must confirm once before a function's first deploy from the console. */
export async function shipDefaults(
  k: FunctionKey,
): Promise<{ settings: ShipSettings; confirmed: boolean; registries: string[]; registry: string | null }> {
  const user = await requireUser("function.read");
  // Registry URLs are for those who may push (as GET /api/v1/registries); viewers only read the history.
  const mayPush = can(user.roles, "push.create");
  const fn = await loadFunctionConfig(k.workspaceId, k.functionId);
  const remembered = await chooseSettings(k, undefined);
  const store = await db();
  const registry = await getPreference<string>(store, workspaceScope(k.workspaceId), "registry");
  return {
    // Shown to the browser: a default app name is a slug of the function's name, which a hostile
    // backend may have filled with a secret (lower-cased by the slug, so blank it before slugging).
    settings: redactStrings(remembered ?? defaultShipSettings(redactForBrowser(fn.name))),
    confirmed: remembered !== null,
    registries: mayPush ? registryUrls() : [],
    registry: mayPush ? registry : null,
  };
}

/**
 * Records a new run of the function's saved code. Nothing has started yet when this returns: the caller
 * drives it after the response. Refused (nothing recorded) when another run of the function is going,
 * when the saved code is not what the user looked at, or when a registry or settings are not chosen.
 */
export async function startShip(input: StartInput): Promise<Started> {
  const user = await requireUser("deploy.create");
  await requireUser("push.create");
  const k = { workspaceId: input.workspaceId, functionId: input.functionId };
  const fn = await loadFunctionConfig(k.workspaceId, k.functionId);
  const code = decodeUtf8Base64(fn.code);
  const hash = codeHash(code);
  if (input.expectedCodeHash && input.expectedCodeHash !== hash) {
    throw refuse(
      409,
      "CODE_CHANGED",
      "The saved code changed since you opened it. Reload to deploy the latest version.",
    );
  }
  if (code.trim() === "") throw refuse(400, "VALIDATION_ERROR", "The function has no code to deploy.");
  const [problem] = await pythonSyntaxErrors(code);
  if (problem) {
    throw new ApiError({
      status: 400,
      code: "VALIDATION_ERROR",
      message: `The saved code has a syntax error at line ${problem.line}, column ${problem.column}: ${problem.message}. Fix it in the Code tab; nothing was started.`,
      details: { field: "code", line: problem.line, column: problem.column },
    });
  }
  const store = await db();
  const running = await readRunning(k);
  if (running)
    throw refuse(409, "DEPLOY_IN_PROGRESS", "A deploy of this function is already running. Open it to follow it.");
  const registryUrl = await chooseRegistry(k.workspaceId, input.registryUrl);
  const settings = await chooseSettings(k, input.settings);
  if (!settings)
    throw refuse(400, "SETTINGS_REQUIRED", "Confirm the deployment settings for this function's first deploy.");

  const now = new Date().toISOString();
  const row: DeploymentRow = {
    id: crypto.randomUUID(),
    workspace_id: k.workspaceId,
    function_id: k.functionId,
    function_name: fn.name,
    kind: "deploy",
    status: "running",
    stages: JSON.stringify(initialStages("deploy")),
    code_hash: hash,
    code,
    registry_url: registryUrl,
    image_ref: null,
    settings: JSON.stringify(settings),
    endpoint: null,
    source_deployment_id: null,
    created_by: who(user),
    created_at: now,
    updated_at: now,
    finished_at: null,
    lease_until: null,
  };
  await insertDeployment(store, row);
  await setPreference(store, workspaceScope(k.workspaceId), "registry", registryUrl, who(user));
  await setPreference(store, functionScope(k), "deploy-settings", settings, who(user));
  return { run: reshapeRun(row), smokeEvent: await smokeEventFor(k) };
}

async function readRunning(k: FunctionKey): Promise<DeploymentRow | null> {
  const row = await runningDeployment(await db(), k);
  return row ? readRun(row.id).then((r) => (r?.status === "running" ? r : null)) : null;
}

/** Retries a failed run from its failed stage; the stages that finished are kept as they are. */
export async function retryShip(k: FunctionKey & { runId: string }): Promise<Started> {
  await requireUser("deploy.create");
  const row = await readRun(k.runId);
  if (!row || row.workspace_id !== k.workspaceId || row.function_id !== k.functionId)
    throw refuse(404, "NOT_FOUND", "That deployment does not exist.");
  if (row.status !== "failed") throw refuse(409, "NOT_RETRYABLE", "Only a failed deployment can be retried.");
  const other = await readRunning(k);
  if (other)
    throw refuse(409, "DEPLOY_IN_PROGRESS", "Another deploy of this function is running. Wait for it to finish.");
  const stages = parseStages(row.stages).map((s) =>
    s.state === "failed" ? { ...s, state: "pending" as const, error: null, taskId: null, output: null } : s,
  );
  // A build retried after a fix builds the code saved now; the code of a later stage's retry is the one already built.
  const buildFailed = parseStages(row.stages).some((s) => s.name === "build" && s.state === "failed");
  const patch: Partial<DeploymentRow> = {
    status: "running",
    stages: JSON.stringify(stages),
    finished_at: null,
    lease_until: null,
    updated_at: new Date().toISOString(),
  };
  if (buildFailed) {
    const fn = await loadFunctionConfig(k.workspaceId, k.functionId);
    patch.code = decodeUtf8Base64(fn.code);
    patch.code_hash = codeHash(patch.code);
  }
  await updateDeployment(await db(), row.id, patch);
  return { run: reshapeRun({ ...row, ...patch }), smokeEvent: await smokeEventFor(k) };
}

/** Deploys an earlier deployment's image again (no rebuild), recorded as a run of its own. */
export async function rollbackTo(k: FunctionKey & { deploymentId: string }): Promise<Started> {
  const user = await requireUser("deploy.create");
  const source = await readRun(k.deploymentId);
  if (!source || source.workspace_id !== k.workspaceId || source.function_id !== k.functionId)
    throw refuse(404, "NOT_FOUND", "That deployment does not exist.");
  if (source.status !== "succeeded" || !source.image_ref)
    throw refuse(409, "NOT_ROLLBACKABLE", "Only a deployment that completed can be deployed again.");
  if (await readRunning(k))
    throw refuse(409, "DEPLOY_IN_PROGRESS", "A deploy of this function is already running. Wait for it to finish.");
  const now = new Date().toISOString();
  const row: DeploymentRow = {
    ...source,
    id: crypto.randomUUID(),
    kind: "rollback",
    status: "running",
    stages: JSON.stringify(initialStages("rollback")),
    endpoint: null,
    source_deployment_id: source.id,
    created_by: who(user),
    created_at: now,
    updated_at: now,
    finished_at: null,
    lease_until: null,
  };
  await insertDeployment(await db(), row);
  return { run: reshapeRun(row), smokeEvent: await smokeEventFor(k) };
}

export async function getShipRun(k: FunctionKey & { runId: string }): Promise<ShipRunDto> {
  await requireUser("function.read");
  const row = await readRun(k.runId);
  if (!row || row.workspace_id !== k.workspaceId || row.function_id !== k.functionId)
    throw refuse(404, "NOT_FOUND", "That deployment does not exist.");
  return reshapeRun(row);
}

export async function deploymentHistory(k: FunctionKey): Promise<DeploymentDto[]> {
  await requireUser("function.read");
  const store = await db();
  const [rows, live] = await Promise.all([listDeployments(store, k), liveDeployment(store, k)]);
  const settled = await Promise.all(rows.map((r) => (r.status === "running" ? readRun(r.id).then((x) => x ?? r) : r)));
  return settled.map((r) => ({ ...reshapeRun(r), live: r.id === live?.id }));
}

/** The code of one deployment, to diff against the saved code. */
export async function deploymentCode(
  k: FunctionKey & { deploymentId: string },
): Promise<{ code: string; codeHash: string }> {
  await requireUser("function.read");
  const row = await getDeployment(await db(), k.deploymentId);
  if (!row || row.workspace_id !== k.workspaceId || row.function_id !== k.functionId)
    throw refuse(404, "NOT_FOUND", "That deployment does not exist.");
  return { code: row.code, codeHash: row.code_hash };
}

/** Whether the saved code is what runs: for the function header's "changes not deployed". */
export async function deployStatus(k: FunctionKey, savedCodeBase64: string): Promise<DeployStatusDto> {
  await requireUser("function.read");
  const store = await db();
  const [live, running] = await Promise.all([liveDeployment(store, k), readRunning(k)]);
  return {
    live: live
      ? { id: live.id, codeHash: live.code_hash, imageRef: live.image_ref, finishedAt: live.finished_at }
      : null,
    running: running ? { id: running.id } : null,
    savedCodeHash: codeHash(decodeUtf8Base64(savedCodeBase64)),
  };
}
