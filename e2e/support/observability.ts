import { expect, type APIRequestContext } from "@playwright/test";
import { createFunction, uniqueName } from "./api";

/*
 * Helpers for the logs and metrics journeys: a function of our own that prints a marker, and the
 * embedded backend's fault switches (loopback admin route on E2E_PORT + 1).
 */

/** Fault switches exist only in the embedded backend; against staging those journeys skip. */
export const faultsAvailable = !process.env.E2E_BASE_URL;

const backendPort = () => Number(process.env.E2E_PORT ?? 3100) + 1;
const faultsUrl = () => `http://127.0.0.1:${backendPort()}/__admin/faults`;

export type FaultPatch = {
  loki?: "down" | "error" | null;
  prometheus?: "down" | "partial" | null;
  latencyMs?: number | null;
};

/** The backend demands its credential on /__admin too: playwright.config.ts hands the stack this token. */
const backendHeaders = () => ({ authorization: `Bearer ${process.env.E2E_BACKEND_TOKEN ?? ""}` });

export async function setFaults(request: APIRequestContext, patch: FaultPatch): Promise<void> {
  const res = await request.post(faultsUrl(), { data: patch, headers: backendHeaders() });
  expect(res.status(), await res.text()).toBe(200);
}

/**
 * Clears one source's switch only: the switches are global to the backend and the logs and metrics
 * suites run in parallel, so clearing everything would restore Loki in the middle of a Loki test.
 */
export async function resetFaults(request: APIRequestContext, source: "loki" | "prometheus"): Promise<void> {
  await setFaults(request, { [source]: null });
}

const SOURCE = `import json


def handler(event):
    marker = event.get("marker", "none") if isinstance(event, dict) else "none"
    print(f"e2e-line {marker}")
    print(json.dumps({"event": "done", "marker": marker}))
    return {"ok": True, "marker": marker}
`;

export type MarkedFunction = { workspaceId: string; functionId: string; name: string; basePath: string };

/** Creates a function that prints its marker, in `workspaceId` (as the signed-in user of `request`). */
export async function createMarkedFunction(
  request: APIRequestContext,
  workspaceId: string,
  prefix: string,
): Promise<MarkedFunction> {
  const fn = await createFunction(request, workspaceId, {
    name: uniqueName(prefix),
    code: SOURCE,
    memory: 128,
    timeout: 10,
  });
  return { workspaceId, functionId: fn.id, name: fn.name, basePath: `/workspaces/${workspaceId}/functions/${fn.id}` };
}

export async function invoke(request: APIRequestContext, fn: MarkedFunction, marker: string): Promise<void> {
  const res = await request.post(`/api/workspaces/${fn.workspaceId}/functions/${fn.functionId}/invoke`, {
    data: { marker },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** A readable KST time with milliseconds, as the Live tab shows Loki's nanosecond timestamps. */
export const KST_MS = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;
