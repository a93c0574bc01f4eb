import "server-only";
import { ENV_MASK } from "@/lib/dto/function";
import { RequestValidationError } from "@/server/http/validation";
import { env } from "@/server/env";
import { carriesConsoleSecret, redactForBrowser } from "./browser-safe";

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
  const body = globs
    .map((g) =>
      g
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, "."),
    )
    .join("|");
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

/*
 * Values that are secrets whatever their name: a PEM block, a JWT, an AWS access key id, or one of the
 * console's own secrets in any form. The password of a URL with userinfo (`postgres://u:pw@db/app`)
 * is masked alone, so the rest of the URL stays readable.
 */
const PEM = /-----BEGIN [A-Z0-9 ]+-----/;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/;
const AWS_ACCESS_KEY = /\b(?:AKIA|ASIA|AIDA|AROA|ANPA|AGPA)[A-Z0-9]{16}\b/;
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:@/?#]*:)([^\s@/?#]+)(@)/gi;

/** What a browser sees of one variable: the value, the value with a URL's password masked, or ENV_MASK. */
export function maskValue(name: string, value: string, isSecret: SecretNameMatcher): string {
  if (isSecret(name) || PEM.test(value) || JWT.test(value) || AWS_ACCESS_KEY.test(value) || carriesConsoleSecret(value))
    return ENV_MASK;
  return value.replace(URL_PASSWORD, (_m, head: string, _pw: string, at: string) => `${head}${ENV_MASK}${at}`);
}

/**
 * A copy with every secret-looking value masked, by name (SECRET_ENV_PATTERNS) and by value. Applied
 * for every role: a developer reveals one value at a time through the audited reveal endpoint, so
 * secrets never sit in page HTML, SWR caches or screenshots by default.
 */
export function maskEnvironment(
  vars: Readonly<Record<string, string>>,
  isSecret: SecretNameMatcher,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) out[name] = maskValue(name, value, isSecret);
  return out;
}

/** Whether a write carries a mask that must be swapped for the stored value before it reaches the backend. */
export function containsMask(vars: Readonly<Record<string, string>> | undefined): boolean {
  return vars !== undefined && Object.values(vars).some((v) => v.includes(ENV_MASK));
}

/**
 * The values to save: a variable still showing what the browser was sent (ENV_MASK, or a URL with its
 * password masked) keeps the value stored upstream, so saving a settings form the user only partly
 * edited never overwrites a secret with bullets. Any other value carrying the mask (a renamed or new
 * variable, a masked URL edited around its bullets) is refused rather than saved literally.
 */
export function unmaskEnvironment(
  incoming: Readonly<Record<string, string>>,
  stored: Readonly<Record<string, string>>,
  isSecret: SecretNameMatcher = secretEnvMatcher(),
): Record<string, string> {
  const out: Record<string, string> = {};
  const problems: { field: string; message: string }[] = [];
  for (const [name, value] of Object.entries(incoming)) {
    const kept = Object.hasOwn(stored, name) ? stored[name]! : undefined;
    // A revealed value quoting a console secret was shown blanked: sending it back keeps the real one.
    if (kept !== undefined && value !== kept && value === redactForBrowser(kept)) out[name] = kept;
    else if (!value.includes(ENV_MASK)) out[name] = value;
    else if (kept !== undefined && value === maskValue(name, kept, isSecret)) out[name] = kept;
    else if (kept !== undefined && value === ENV_MASK) out[name] = kept;
    else
      problems.push({ field: `environmentVariables.${name}`, message: "has no saved value to keep: enter the value" });
  }
  if (problems.length > 0) throw new RequestValidationError(problems);
  return out;
}
