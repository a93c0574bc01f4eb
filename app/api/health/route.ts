import { readiness } from "@/server/health/readiness";

export const dynamic = "force-dynamic";

/** Liveness by default; `?ready=1` also checks that the backend and the IdP answer. */
export async function GET(request: Request): Promise<Response> {
  const ready = new URL(request.url).searchParams.get("ready");
  if (ready !== "1" && ready !== "true")
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  const result = await readiness();
  return Response.json(result, {
    status: result.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
