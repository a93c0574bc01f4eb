/**
 * Removes secrets from text that leaves the task (its `error`, log lines). The password itself,
 * its Base64 `user:password` form (a Basic header a library might echo) and its URL encoding are
 * all replaced, whatever produced the text.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret, "utf8").toString("base64")]);
    for (const form of forms) out = out.split(form).join("***");
  }
  return out;
}

/** The forms of a credential pair worth scrubbing: the password and the whole Basic token. */
export function credentialSecrets(username: string | undefined, password: string | undefined): string[] {
  if (!password) return [];
  return [password, `${username ?? ""}:${password}`];
}
