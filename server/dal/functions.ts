import "server-only";
import type { z } from "zod";
import {
  functionConfig,
  functionList,
  type functionCreate,
  type FunctionConfig,
  type FunctionStatus,
  type FunctionUpdate,
} from "@/lib/contract";
import type { FunctionDto, RevealedEnvVarDto } from "@/lib/dto/function";
import { ApiError } from "@/lib/api/api-error";
import { audit, auditResultOf } from "@/server/audit";
import { requireUser } from "@/server/auth/session";
import { currentRequestId } from "@/server/context/request-context";
import { redactForBrowser } from "@/server/secrets/browser-safe";
import { assertInvocationUrl } from "@/server/invocation/invocation-url";
import { containsMask, secretEnvMatcher, unmaskEnvironment } from "@/server/secrets/env-mask";
import { path } from "@/server/upstream";
import { backend } from "@/server/upstream/as-user";
import { reshapeFunction } from "./reshape-function";

export type FunctionCreateInput = z.output<typeof functionCreate>;

const fnPath = (workspaceId: string, functionId: string) =>
  path`/api/workspaces/${workspaceId}/functions/${functionId}`;
const toDto = (f: FunctionConfig) => reshapeFunction(f, secretEnvMatcher());

/**
 * The upstream object with real secret values, for server-side decisions only (unmasking, conflict
 * checks, the invoke timeout). Never return it to a client: reshape it first.
 */
export async function loadFunctionConfig(workspaceId: string, functionId: string): Promise<FunctionConfig> {
  await requireUser("function.read");
  return backend({ method: "GET", path: fnPath(workspaceId, functionId), schema: functionConfig });
}

export async function listFunctions(workspaceId: string): Promise<FunctionDto[]> {
  await requireUser("function.read");
  const list = await backend({
    method: "GET",
    path: path`/api/workspaces/${workspaceId}/functions`,
    schema: functionList,
  });
  return list.map(toDto);
}

export async function getFunction(workspaceId: string, functionId: string): Promise<FunctionDto> {
  return toDto(await loadFunctionConfig(workspaceId, functionId));
}

export async function createFunction(workspaceId: string, input: FunctionCreateInput): Promise<FunctionDto> {
  await requireUser("function.create");
  assertInvocationUrl(input.invocationUrl);
  // A mask here can only be a copied form (e.g. a duplicated function): there is no value to keep.
  if (containsMask(input.environmentVariables)) unmaskEnvironment(input.environmentVariables, {});
  const f = await backend({
    method: "POST",
    path: path`/api/workspaces/${workspaceId}/functions`,
    json: input,
    schema: functionConfig,
  });
  return toDto(f);
}

/**
 * Patches the fields sent. A masked environment value is replaced by the stored one first (read just
 * before), so a form saved without touching a secret keeps it instead of writing bullets over it.
 */
export async function updateFunction(
  workspaceId: string,
  functionId: string,
  patch: FunctionUpdate,
): Promise<FunctionDto> {
  await requireUser("function.update");
  assertInvocationUrl(patch.invocationUrl);
  let body = patch;
  if (patch.environmentVariables && containsMask(patch.environmentVariables)) {
    const current = await loadFunctionConfig(workspaceId, functionId);
    body = {
      ...patch,
      environmentVariables: unmaskEnvironment(patch.environmentVariables, current.environmentVariables),
    };
  }
  const f = await backend({
    method: "PATCH",
    path: fnPath(workspaceId, functionId),
    json: body,
    schema: functionConfig,
  });
  return toDto(f);
}

export async function setFunctionStatus(
  workspaceId: string,
  functionId: string,
  status: FunctionStatus,
): Promise<FunctionDto> {
  return updateFunction(workspaceId, functionId, { status });
}

export async function deleteFunction(workspaceId: string, functionId: string): Promise<void> {
  await requireUser("function.delete");
  await backend({ method: "DELETE", path: fnPath(workspaceId, functionId), schema: null });
}

/**
 * One environment value in clear, for a developer who asked for it. Reads are not audited by the
 * route wrapper, so this one audits itself: who saw which secret, and when.
 */
export async function revealEnvVar(workspaceId: string, functionId: string, name: string): Promise<RevealedEnvVarDto> {
  const user = await requireUser("function.revealSecret");
  const entry = {
    who: user.email || user.id,
    action: "function.revealSecret" as const,
    target: { workspaceId, functionId, name },
    requestId: await currentRequestId(),
  };
  try {
    const f = await loadFunctionConfig(workspaceId, functionId);
    if (!Object.hasOwn(f.environmentVariables, name)) {
      throw new ApiError({
        status: 404,
        code: "NOT_FOUND",
        message: `The function has no environment variable named ${name}.`,
      });
    }
    audit({ ...entry, result: "ok" });
    // The console's own secrets stay on the server even inside a function's variable.
    return { name, value: redactForBrowser(f.environmentVariables[name]!) };
  } catch (err) {
    audit({
      ...entry,
      result: auditResultOf(err instanceof ApiError ? err.status : 500),
      code: err instanceof ApiError ? err.code : undefined,
    });
    throw err;
  }
}
