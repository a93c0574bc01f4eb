import type { FunctionUpdate } from "@/lib/contract/function";

/** The stored side of a comparison: a function as the backend or the BFF answers it. */
export type StoredFunctionFields = {
  name: string;
  description?: string | null;
  runtime: string;
  memory: number;
  timeout: number;
  httpMethods: readonly string[];
  invocationUrl?: string | null;
  environmentVariables: Readonly<Record<string, string>>;
};

/** The settings a save may change; code, status and lastDeployed have their own saves. */
export type SettingsFields = Omit<FunctionUpdate, "code" | "status" | "lastDeployed">;

/**
 * The fields of `next` that differ from `stored`: one rule for the settings form (is it dirty, what
 * would it send) and for the BFF (what it writes), so the two never disagree. Methods are a set (the
 * order they were ticked in is no change); a missing description or URL equals an empty one.
 * `sameText` compares the free-text fields; the BFF's also counts a value as unchanged when it comes
 * back exactly as the browser was shown it (blanked where it quoted a console secret).
 */
export function changedFields(
  next: SettingsFields,
  stored: StoredFunctionFields,
  sameText: SameText = strictlyEqual,
): SettingsFields {
  const out: SettingsFields = {};
  if (next.name !== undefined && !sameText(next.name, stored.name)) out.name = next.name;
  if (next.description !== undefined && !sameText(next.description, stored.description ?? ""))
    out.description = next.description;
  if (next.runtime !== undefined && next.runtime !== stored.runtime) out.runtime = next.runtime;
  if (next.memory !== undefined && next.memory !== stored.memory) out.memory = next.memory;
  if (next.timeout !== undefined && next.timeout !== stored.timeout) out.timeout = next.timeout;
  if (next.httpMethods !== undefined && !sameSet(next.httpMethods, stored.httpMethods))
    out.httpMethods = next.httpMethods;
  if (next.invocationUrl !== undefined && !sameText(next.invocationUrl ?? null, stored.invocationUrl ?? null))
    out.invocationUrl = next.invocationUrl;
  if (next.environmentVariables !== undefined && !sameRecord(next.environmentVariables, stored.environmentVariables)) {
    out.environmentVariables = next.environmentVariables;
  }
  return out;
}

export type SameText = (incoming: string | null, stored: string | null) => boolean;

const strictlyEqual: SameText = (incoming, stored) => incoming === stored;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((v) => right.has(v));
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
