import { ENV_VAR_NAME } from "@/lib/contract/rules";

/** One editable row of the environment variables editor (the create form's and the Settings tab's). */
export type EnvRow = {
  /** Stable React key; rows can be renamed, so the name cannot be the key. */
  id: string;
  name: string;
  value: string;
  /** The value arrived as ENV_MASK and was neither revealed nor replaced: it is sent as the mask. */
  masked: boolean;
  /** The name it had when loaded (null for a new row); a masked value belongs to that name only. */
  loadedName: string | null;
  /** The real value fetched by "Reveal": left as it is, the row is still unchanged and is sent masked. */
  revealed?: string;
};

let counter = 0;
/** A row; ids only need to be unique within this page. `loaded` marks a row read from a stored function. */
export function newEnvRow(name = "", value = "", loaded?: { masked: boolean }): EnvRow {
  counter += 1;
  return { id: `env-${counter}`, name, value, masked: loaded?.masked ?? false, loadedName: loaded ? name : null };
}

export type EnvRowProblem = "required" | "envName" | "duplicate";

export type EnvRowsResult = {
  variables: Record<string, string>;
  /** Problems by row id, for messages next to the row's key input. */
  problems: Record<string, EnvRowProblem>;
};

/**
 * Turns the editor's rows into the contract's `environmentVariables`. Rows left completely empty are
 * ignored (an "Add" clicked by mistake is not an error); a value without a name, a name the contract
 * refuses and a repeated name are. The first occurrence of a name is kept, later ones are flagged.
 */
export function envRowsToVariables(rows: readonly EnvRow[]): EnvRowsResult {
  const variables: Record<string, string> = {};
  const problems: Record<string, EnvRowProblem> = {};
  for (const row of rows) {
    const key = row.name.trim();
    if (key === "" && row.value === "") continue;
    if (key === "") problems[row.id] = "required";
    else if (!ENV_VAR_NAME.test(key)) problems[row.id] = "envName";
    else if (Object.hasOwn(variables, key)) problems[row.id] = "duplicate";
    else variables[key] = row.value;
  }
  return { variables, problems };
}

/** Server field errors name variables (`environmentVariables.KEY`); this finds the row each one belongs to. */
export function rowErrorsFromServer(
  rows: readonly EnvRow[],
  fieldErrors: Record<string, string[]>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const prefix = "environmentVariables.";
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (!field.startsWith(prefix)) continue;
    const row = rows.find((r) => r.name.trim() === field.slice(prefix.length));
    if (row) out[row.id] = messages;
  }
  return out;
}
