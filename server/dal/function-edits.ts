import "server-only";
import { ApiError } from "@/lib/api/api-error";
import type { FunctionConfig, FunctionUpdate } from "@/lib/contract";
import type { FunctionCodeVersion, FunctionDto } from "@/lib/dto/function";
import { changedFields, type SettingsFields } from "@/lib/forms/changed-fields";
import { requireUser } from "@/server/auth/session";
import { secretEnvMatcher, unmaskEnvironment } from "@/server/secrets/env-mask";
import { redactForBrowser } from "@/server/secrets/browser-safe";
import { loadFunctionConfig, updateFunction } from "./functions";
import { reshapeCode, reshapeFunction } from "./reshape-function";

/** What the settings form edits; code and status have their own saves. */
export type FunctionSettings = SettingsFields;

/**
 * The fields of `settings` that differ from what is stored, masks already swapped for stored values.
 * Sending only these keeps a settings save from undoing someone else's concurrent change to another field.
 */
export function changedSettings(settings: FunctionSettings, stored: FunctionConfig): FunctionUpdate {
  const env =
    settings.environmentVariables && unmaskEnvironment(settings.environmentVariables, stored.environmentVariables);
  return changedFields({ ...settings, ...(env ? { environmentVariables: env } : {}) }, stored, sameText);
}

/** Saves only what changed; with nothing changed, answers the stored function without a write. */
export async function saveFunctionSettings(
  workspaceId: string,
  functionId: string,
  settings: FunctionSettings,
): Promise<FunctionDto> {
  await requireUser("function.update");
  const stored = await loadFunctionConfig(workspaceId, functionId);
  const patch = changedSettings(settings, stored);
  if (Object.keys(patch).length === 0) return reshapeFunction(stored, secretEnvMatcher());
  return updateFunction(workspaceId, functionId, patch);
}

/** 409 CONFLICT carrying the stored version in `details.current`, so the editor can show a diff instead of overwriting. */
export function codeConflict(current: FunctionCodeVersion): ApiError {
  return new ApiError({
    status: 409,
    code: "CONFLICT",
    message: "The code was changed since you opened it. Review the newer version before saving.",
    details: { current },
  });
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
): Promise<FunctionDto> {
  await requireUser("function.update");
  const stored = await loadFunctionConfig(workspaceId, functionId);
  if (stored.lastModified !== expectedLastModified) {
    const current = reshapeCode({ code: stored.code, lastModified: stored.lastModified });
    throw codeConflict({ code: current.code, lastModified: current.lastModified });
  }
  if (stored.code === code) return reshapeFunction(stored, secretEnvMatcher());
  if (reshapeCode(stored).codeRedacted) throw redactedCodeRefusal();
  return updateFunction(workspaceId, functionId, { code });
}

/**
 * The stored code quotes one of the console's secrets, so every browser saw it blanked: a save from
 * the console would replace the real code with the blanked copy. It is changed where it was written.
 */
function redactedCodeRefusal(): ApiError {
  return new ApiError({
    status: 409,
    code: "REDACTED_FIELD",
    message:
      "This code contains one of the console's secrets and is shown redacted, so it cannot be saved from the console.",
    details: { field: "code" },
  });
}

/**
 * Unchanged, or unchanged as the browser was shown it: a stored value quoting one of the console's
 * secrets reached the form blanked, and sending the form back must not write the blanks over it.
 */
function sameText(incoming: string | null, stored: string | null): boolean {
  return incoming === stored || (stored !== null && incoming === redactForBrowser(stored));
}
