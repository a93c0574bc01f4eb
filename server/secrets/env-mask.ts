import "server-only";
import { ENV_MASK } from "@/lib/dto/function";
import { RequestValidationError } from "@/server/http/validation";
import { env } from "@/server/env";

export { ENV_MASK };

export type SecretNameMatcher = (name: string) => boolean;

/**
 * Compiles SECRET_ENV_PATTERNS ("*SECRET*,*TOKEN*,db_pass?") into one case-insensitive matcher.
 * Globs, not regexes, because operators write them: `*` is any run of characters, `?` one character,
 * everything else literal, and a pattern matches the whole name.
 */
export function compileSecretPatterns(list: string): SecretNameMatcher {
  const globs = list
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (globs.length === 0) return () => false;
  const body = globs.map((g) => g.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")).join("|");
  const re = new RegExp(`^(?:${body})$`, "i");
  return (name) => re.test(name);
}

let cached: { source: string; matcher: SecretNameMatcher } | undefined;
/** The configured matcher, compiled once per pattern list. */
export function secretEnvMatcher(): SecretNameMatcher {
  const source = env().SECRET_ENV_PATTERNS;
  if (cached?.source !== source) cached = { source, matcher: compileSecretPatterns(source) };
  return cached.matcher;
}

/**
 * A copy with every secret-looking value replaced by ENV_MASK. Applied for every role: a developer
 * reveals one value at a time through the audited reveal endpoint, so secrets never sit in page HTML,
 * SWR caches or screenshots by default.
 */
export function maskEnvironment(vars: Readonly<Record<string, string>>, isSecret: SecretNameMatcher): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) out[name] = isSecret(name) ? ENV_MASK : value;
  return out;
}

/** Whether a write carries a mask that must be swapped for the stored value before it reaches the backend. */
export function containsMask(vars: Readonly<Record<string, string>> | undefined): boolean {
  return vars !== undefined && Object.values(vars).includes(ENV_MASK);
}

/**
 * The values to save: a variable still holding ENV_MASK keeps the value stored upstream, so saving a
 * settings form the user only partly edited never overwrites a secret with bullets. A mask for a name
 * that has no stored value (a renamed or new variable) is refused rather than saved literally.
 */
export function unmaskEnvironment(
  incoming: Readonly<Record<string, string>>,
  stored: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const problems: { field: string; message: string }[] = [];
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== ENV_MASK) out[name] = value;
    else if (Object.hasOwn(stored, name)) out[name] = stored[name]!;
    else problems.push({ field: `environmentVariables.${name}`, message: "has no saved value to keep: enter the value" });
  }
  if (problems.length > 0) throw new RequestValidationError(problems);
  return out;
}
