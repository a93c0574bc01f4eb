import "server-only";
import { readFileSync } from "node:fs";
import * as React from "react";
import { z } from "zod";
import { isRegistryRef, parseRegistryUrl, registryCovers, registryUrl } from "@/lib/contract";
import { env } from "@/server/env";

const irsaEntry = z.strictObject({ url: registryUrl, auth: z.literal("irsa") });
const basicEntry = z.strictObject({ url: registryUrl, username: z.string().min(1), password: z.string().min(1) });
const registryList = z.array(z.union([irsaEntry, basicEntry]));
export type RegistryEntry = z.infer<typeof irsaEntry> | z.infer<typeof basicEntry>;
export type RegistryCredentials = { username: string; password: string };

/** React's taint API (experimental.taint): a credential handed to a client component fails the render. */
function taint(value: string): void {
  const taintUniqueValue = (
    React as unknown as { experimental_taintUniqueValue?: (msg: string, owner: object, value: string) => void }
  ).experimental_taintUniqueValue;
  taintUniqueValue?.("A registry credential must never reach the browser.", globalThis, value);
}

let cached: RegistryEntry[] | undefined;

/**
 * The registries the console may push to: REGISTRY_CREDENTIALS (JSON) or REGISTRY_CREDENTIALS_FILE
 * (the same JSON, e.g. a mounted Kubernetes Secret). Parse errors name the entry, never a value.
 */
export function registries(): RegistryEntry[] {
  if (cached) return cached;
  const { REGISTRY_CREDENTIALS, REGISTRY_CREDENTIALS_FILE } = env();
  const raw =
    REGISTRY_CREDENTIALS ?? (REGISTRY_CREDENTIALS_FILE ? readFileSync(REGISTRY_CREDENTIALS_FILE, "utf8") : "[]");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error("REGISTRY_CREDENTIALS is not valid JSON");
  }
  const parsed = registryList.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`REGISTRY_CREDENTIALS has invalid entries at: ${where}`);
  }
  for (const entry of parsed.data) if ("password" in entry) taint(entry.password);
  cached = parsed.data;
  return cached;
}

/** The URLs the UI may offer; nothing else about an entry leaves the server. */
export function registryUrls(): string[] {
  return registries().map((r) => r.url);
}

/**
 * Credentials for a push target: the configured URL with the most path segments that is the target
 * itself or a repository below it, compared as parsed host and whole segments (registry-url.ts), so
 * `host/team` never lends its password to `host/teamx` or `host/team/../other`. `irsa` entries give
 * the empty strings the backend expects. null: not an allowed registry, or not a well-formed URL.
 */
export function credentialsFor(target: string): RegistryCredentials | null {
  const ref = parseRegistryUrl(target);
  if (!isRegistryRef(ref)) return null;
  let best: { entry: RegistryEntry; depth: number } | null = null;
  for (const entry of registries()) {
    const base = parseRegistryUrl(entry.url);
    if (!isRegistryRef(base) || !registryCovers(base, ref)) continue;
    if (!best || base.segments.length > best.depth) best = { entry, depth: base.segments.length };
  }
  if (!best) return null;
  const e = best.entry;
  return "password" in e ? { username: e.username, password: e.password } : { username: "", password: "" };
}

/** Every secret value the console holds, for redaction of strings that reach a browser or a log. */
export function secretValues(): string[] {
  const e = env();
  // `user:password` too: its Base64 is what an `Authorization: Basic …` header or a docker config carries.
  const fromRegistries = registries().flatMap((r) =>
    "password" in r ? [r.password, `${r.username}:${r.password}`] : [],
  );
  return [...fromRegistries, e.BACKEND_TOKEN, e.OIDC_CLIENT_SECRET, e.NEXTAUTH_SECRET].filter((v): v is string => !!v);
}
