import "server-only";
import { ApiError } from "@/lib/api/api-error";
import type { FunctionConfig, FunctionUpdate } from "@/lib/contract";
import type { FunctionCodeVersion, FunctionDto } from "@/lib/dto/function";
import { changedFields, type SettingsFields } from "@/lib/forms/changed-fields";
import { requireUser } from "@/server/auth/session";
import { secretEnvMatcher, unmaskEnvironment } from "@/server/secrets/env-mask";
import type { CallOptions } from "./call-options";
import { loadFunctionConfig, updateFunction } from "./functions";
import { reshapeFunction } from "./reshape-function";

/** What the settings form edits; code and status have their own saves. */
export type FunctionSettings = SettingsFields;

/**
 * The fields of `settings` that differ from what is stored, masks already swapped for stored values.
 * Sending only these keeps a settings save from undoing someone else's concurrent change to another field.
 */
export function changedSettings(settings: FunctionSettings, stored: FunctionConfig): FunctionUpdate {
  const env = settings.environmentVariables && unmaskEnvironment(settings.environmentVariables, stored.environmentVariables);
  return changedFields({ ...settings, ...(env ? { environmentVariables: env } : {}) }, stored);
}

/** Saves only what changed; with nothing changed, answers the stored function without a write. */
export async function saveFunctionSettings(
  workspaceId: string,
  functionId: string,
  settings: FunctionSettings,
  opts: CallOptions = {},
): Promise<FunctionDto> {
  await requireUser("function.update");
  const stored = await loadFunctionConfig(workspaceId, functionId, opts);
  const patch = changedSettings(settings, stored);
  if (Object.keys(patch).length === 0) return reshapeFunction(stored, secretEnvMatcher());
  return updateFunction(workspaceId, functionId, patch, opts);
}

/** 409 CONFLICT carrying the stored version, so the editor can show a diff instead of overwriting. */
export class CodeConflictError extends ApiError {
  constructor(readonly current: FunctionCodeVersion) {
    super({
      status: 409,
      code: "CONFLICT",
      message: "The code was changed since you opened it. Review the newer version before saving.",
    });
  }
}

export function isCodeConflict(err: unknown): err is CodeConflictError {
  return err instanceof CodeConflictError;
}

/**
 * Saves code only when the stored version is the one the editor loaded. The backend has no
 * conditional write, so a save racing another within the same instant can still win; this catches
 * the common case of two tabs or two people editing for minutes.
 */
export async function saveFunctionCode(
  workspaceId: string,
  functionId: string,
  code: string,
  expectedLastModified: string,
  opts: CallOptions = {},
): Promise<FunctionDto> {
  await requireUser("function.update");
  const stored = await loadFunctionConfig(workspaceId, functionId, opts);
  if (stored.lastModified !== expectedLastModified) {
    throw new CodeConflictError({ code: stored.code, lastModified: stored.lastModified });
  }
  if (stored.code === code) return reshapeFunction(stored, secretEnvMatcher());
  return updateFunction(workspaceId, functionId, { code }, opts);
}
