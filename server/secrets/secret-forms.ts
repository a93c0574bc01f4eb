import "server-only";

/*
 * A configured secret can reach a string in many shapes: as it is, in another case, URL-encoded, in
 * Base64 (of itself or of `user:password`, as in `Authorization: Basic …`, also as a piece of a longer
 * Base64 text such as a function's code), JSON-escaped, or broken up by whitespace, escaped newlines
 * or string concatenation. One regular expression per set of secrets finds them all.
 */

/** Shorter values are too common to mean anything. */
export const MIN_SECRET_LENGTH = 4;
/** A piece of a longer Base64 text must be at least this long to be told apart from chance. */
const MIN_BASE64_CORE = 6;
/** What may sit between two characters of a secret that was split up: whitespace, `\n`, `" + "`. */
const SPLIT = String.raw`(?:\s|\\[nrt]|["'\x60]\s*\+\s*["'\x60])*`;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function base64Forms(bytes: Buffer): string[] {
  // The whole encoding first (padding included), so a match takes its last characters too.
  const whole = bytes.toString("base64");
  const out: string[] = [whole, whole.replace(/=+$/, ""), whole.replace(/\+/g, "-").replace(/\//g, "_")];
  for (let offset = 0; offset < 3; offset++) {
    const b64 = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    // Characters that also carry bits of the neighbouring bytes are left out at both ends.
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = b64.slice(start, end);
    if (core.length >= MIN_BASE64_CORE) out.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return out;
}

/** Every literal shape of one secret that is searched for as it is (not split). */
export function literalForms(secret: string): string[] {
  const forms = new Set<string>([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, "+"),
    JSON.stringify(secret).slice(1, -1),
  ]);
  for (const form of base64Forms(Buffer.from(secret, "utf8"))) forms.add(form);
  forms.delete("");
  return [...forms];
}

/** A pattern that finds the secret in any case, also when split up, and each of its encoded shapes. */
function patternFor(secret: string): string {
  const split = Array.from(secret, escapeRegex).join(SPLIT);
  return [split, ...literalForms(secret).map(escapeRegex)].join("|");
}

export type SecretFinder = { pattern: RegExp | null };

let cache: { key: string; finder: SecretFinder } | undefined;

/** One case-insensitive expression for every form of every secret; compiled once per set of secrets. */
export function secretFinder(secrets: readonly string[]): SecretFinder {
  const usable = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  const key = usable.join("\u0000");
  if (cache?.key === key) return cache.finder;
  const finder = { pattern: usable.length === 0 ? null : new RegExp(usable.map(patternFor).join("|"), "gi") };
  cache = { key, finder };
  return finder;
}

export function replaceSecrets(text: string, secrets: readonly string[], replacement: string): string {
  const { pattern } = secretFinder(secrets);
  if (!pattern || text.length < MIN_SECRET_LENGTH) return text;
  pattern.lastIndex = 0;
  return text.replace(pattern, replacement);
}

export function containsSecret(text: string, secrets: readonly string[]): boolean {
  const { pattern } = secretFinder(secrets);
  if (!pattern || text.length < MIN_SECRET_LENGTH) return false;
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}
