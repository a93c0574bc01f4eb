import "server-only";
import { isApiError } from "@/lib/api/api-error";
import { env } from "@/server/env";
import { upstreamPassthrough } from "@/server/upstream";

export type CheckResult = { status: "ok" | "fail"; latencyMs: number; code?: string };
export type Readiness = { status: "ok" | "fail"; checks: Record<"backend" | "idp", CheckResult> };

const CHECK_TIMEOUT_MS = 3_000;

async function timed(check: () => Promise<string | null>): Promise<CheckResult> {
  const started = performance.now();
  let code: string | null;
  try {
    code = await check();
  } catch (err) {
    code = isApiError(err) ? err.code : "UNREACHABLE";
  }
  const latencyMs = Math.round(performance.now() - started);
  return code ? { status: "fail", latencyMs, code } : { status: "ok", latencyMs };
}

/**
 * The backend is ready when it answers a contract route below 500 (a 401 still proves it is up);
 * no route outside the contract is assumed, so this works against any implementation.
 */
function backendCheck(): Promise<string | null> {
  const token = env().BACKEND_TOKEN;
  return upstreamPassthrough({
    method: "GET",
    path: "/api/workspaces",
    timeoutMs: CHECK_TIMEOUT_MS,
    maxBytes: 1024,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  }).then((res) => (res.status < 500 ? null : `BACKEND_${res.status}`));
}

/** The IdP is ready when its discovery document names the configured issuer. */
async function idpCheck(): Promise<string | null> {
  const issuer = env().OIDC_ISSUER;
  if (!issuer) return "NOT_CONFIGURED";
  const res = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    cache: "no-store",
  });
  if (!res.ok) return `IDP_${res.status}`;
  const doc = (await res.json().catch(() => null)) as { issuer?: unknown } | null;
  return doc && typeof doc.issuer === "string" ? null : "IDP_BAD_DISCOVERY";
}

/** Names which dependency fails, never where it lives or how it is reached. */
export async function readiness(): Promise<Readiness> {
  const [backend, idp] = await Promise.all([timed(backendCheck), timed(idpCheck)]);
  return { status: backend.status === "ok" && idp.status === "ok" ? "ok" : "fail", checks: { backend, idp } };
}
