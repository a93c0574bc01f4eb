import "server-only";
import { ApiError } from "@/lib/api/api-error";
import type { FunctionConfig, FunctionUpdate } from "@/lib/contract";
import type { FunctionCodeVersion, FunctionDto } from "@/lib/dto/function";
import { requireUser } from "@/server/auth/session";
import { secretEnvMatcher, unmaskEnvironment } from "@/server/secrets/env-mask";
import { redactForBrowser } from "@/server/secrets/browser-safe";
import { loadFunctionConfig, updateFunction } from "./functions";
import { reshapeCode, reshapeFunction } from "./reshape-function";

/** What the settings form edits; code and status have their own saves. */
export type FunctionSettings = Omit<FunctionUpdate, "code" | "status" | "lastDeployed">;

/**
 * The fields of `settings` that differ from what is stored, masks already swapped for stored values.
 * Sending only these keeps a settings save from undoing someone else's concurrent change to another field.
 */
export function changedSettings(settings: FunctionSettings, stored: FunctionConfig): FunctionUpdate {
  const out: FunctionUpdate = {};
  if (settings.name !== undefined && !sameText(settings.name, stored.name)) out.name = settings.name;
  if (settings.description !== undefined && !sameText(settings.description, stored.description ?? "")) out.description = settings.description;
  if (settings.runtime !== undefined && settings.runtime !== stored.runtime) out.runtime = settings.runtime;
  if (settings.memory !== undefined && settings.memory !== stored.memory) out.memory = settings.memory;
  if (settings.timeout !== undefined && settings.timeout !== stored.timeout) out.timeout = settings.timeout;
  if (settings.httpMethods !== undefined && !sameList(settings.httpMethods, stored.httpMethods)) out.httpMethods = settings.httpMethods;
  if (settings.invocationUrl !== undefined && !sameText(settings.invocationUrl, stored.invocationUrl ?? null)) out.invocationUrl = settings.invocationUrl;
  if (settings.environmentVariables !== undefined) {
    const env = unmaskEnvironment(settings.environmentVariables, stored.environmentVariables);
    if (!sameRecord(env, stored.environmentVariables)) out.environmentVariables = env;
  }
  return out;
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
 * Unchanged, or unchanged as the browser was shown it: a stored value quoting one of the console's
 * secrets reached the form blanked, and sending the form back must not write the blanks over it.
 */
/**
 * The stored code quotes one of the console's secrets, so every browser saw it blanked: a save from
 * the console would replace the real code with the blanked copy. It is changed where it was written.
 */
function redactedCodeRefusal(): ApiError {
  return new ApiError({
    status: 409,
    code: "REDACTED_FIELD",
    message: "This code contains one of the console's secrets and is shown redacted, so it cannot be saved from the console.",
    details: { field: "code" },
  });
}

function sameText(incoming: string | null, stored: string | null): boolean {
  return incoming === stored || (stored !== null && incoming === redactForBrowser(stored));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
