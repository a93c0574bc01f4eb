import { functionUpdate, type FunctionUpdate } from "@/lib/contract/function";
import { HTTP_METHODS } from "@/lib/contract/rules";
import { ENV_MASK, type FunctionDto } from "@/lib/dto/function";
import { changedFields } from "@/lib/forms/changed-fields";
import { newEnvRow, type EnvRow } from "@/lib/forms/env-rows";

/*
 * The settings form as plain data: what the inputs hold, the contract check, and the patch of changed
 * fields. Pure, so the rules are unit-tested apart from React.
 */

export type SettingsForm = {
  description: string;
  /** Inputs hold text so a half-typed number can be shown and reported, not silently coerced. */
  memory: string;
  timeout: string;
  httpMethods: string[];
  invocationUrl: string;
  env: EnvRow[];
};

export type SettingsField =
  "description" | "memory" | "timeout" | "httpMethods" | "invocationUrl" | "environmentVariables";
/** Field errors by field; env rows by row id under `env:<id>`. The values are message keys. */
export type SettingsErrors = Partial<Record<SettingsField | `env:${string}`, string[]>>;
export type SettingsPatch = Pick<
  FunctionUpdate,
  "description" | "memory" | "timeout" | "httpMethods" | "invocationUrl" | "environmentVariables"
>;

const KNOWN_METHODS: readonly string[] = HTTP_METHODS;

export function formFromFunction(fn: FunctionDto): SettingsForm {
  return {
    description: fn.description ?? "",
    memory: String(fn.memory),
    timeout: String(fn.timeout),
    // Contract order, so toggling a method off and on again is no change.
    httpMethods: [
      ...KNOWN_METHODS.filter((m) => fn.httpMethods.includes(m)),
      ...fn.httpMethods.filter((m) => !KNOWN_METHODS.includes(m)),
    ],
    invocationUrl: fn.invocationUrl ?? "",
    env: Object.entries(fn.environmentVariables).map(([name, value]) =>
      newEnvRow(name, value, { masked: value === ENV_MASK }),
    ),
  };
}

/** The URL the backend will store: it prepends http:// to a URL without a scheme. */
export function effectiveInvocationUrl(input: string): string | null {
  const url = input.trim();
  if (url === "") return null;
  return /^https?:\/\//i.test(url) ? url : `http://${url}`;
}

/** What a row sends: the mask while its secret is untouched (the BFF keeps the stored value), else its text. */
function sentValue(row: EnvRow): string {
  const untouchedSecret =
    row.masked || (row.revealed !== undefined && row.value === row.revealed && row.name.trim() === row.loadedName);
  return untouchedSecret ? ENV_MASK : row.value;
}

function envRecord(rows: EnvRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.name.trim(), sentValue(r)]));
}

function numberOrNaN(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/**
 * Checks the form with the contract's own schema and answers either the patch of fields that differ
 * from `loaded` or the errors (message keys), by field.
 */
export function buildPatch(
  form: SettingsForm,
  loaded: FunctionDto,
): { ok: true; patch: SettingsPatch } | { ok: false; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const add = (field: keyof SettingsErrors, key: string) =>
    (errors[field] ??= []).includes(key) || errors[field]!.push(key);

  const seen = new Map<string, string>();
  for (const row of form.env) {
    const name = row.name.trim();
    if (name === "") add(`env:${row.id}`, "envNameRequired");
    else if (seen.has(name)) add(`env:${row.id}`, "envNameDuplicate");
    else seen.set(name, row.id);
    // The BFF can keep a hidden value only under the name it was stored with.
    if (row.masked && name !== row.loadedName) add(`env:${row.id}`, "envMaskedRenamed");
  }

  const candidate = {
    description: form.description,
    memory: numberOrNaN(form.memory),
    timeout: numberOrNaN(form.timeout),
    httpMethods: form.httpMethods,
    invocationUrl: form.invocationUrl.trim() === "" ? null : form.invocationUrl.trim(),
    environmentVariables: envRecord(form.env),
  };
  const parsed = functionUpdate.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, name] = issue.path.map(String);
      if (field === "environmentVariables" && name !== undefined) {
        const id = seen.get(name);
        if (id) add(`env:${id}`, "envNameInvalid");
      } else if (field) add(field as SettingsField, field);
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };

  const { description, memory, timeout, httpMethods, invocationUrl, environmentVariables } = parsed.data;
  const patch: SettingsPatch = changedFields(
    { description, memory, timeout, httpMethods, invocationUrl, environmentVariables },
    loaded,
  );
  return { ok: true, patch };
}

/** Server field errors (`settings.memory`, `environmentVariables.NAME`) placed on the form's fields, as text. */
export function placeServerErrors(
  fieldErrors: Record<string, string[]> | undefined,
  form: SettingsForm,
): { placed: Record<string, string[]>; rest: string[] } {
  const placed: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const [field, name] = path.replace(/^settings\./, "").split(".");
    const row = field === "environmentVariables" && name ? form.env.find((r) => r.name.trim() === name) : undefined;
    const target = row
      ? `env:${row.id}`
      : field && field !== "_form" && field !== "environmentVariables"
        ? field
        : null;
    if (target) (placed[target] ??= []).push(...messages);
    else rest.push(...messages);
  }
  return { placed, rest };
}

export function isDirty(form: SettingsForm, loaded: FunctionDto): boolean {
  const result = buildPatch(form, loaded);
  return !result.ok || Object.keys(result.patch).length > 0;
}
