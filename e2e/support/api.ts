import { expect, request, type APIRequestContext } from "@playwright/test";
import { storageStateFor, type DemoRole } from "./users";

/*
 * Arranging a journey's data through the console's own BFF, signed in as a demo role. Specs get these
 * through the fixtures in support/fixtures.ts (an API client per role, the spec's workspace, newFunction);
 * the helpers live here once.
 */

export type Workspace = { id: string; name: string };

/** What the BFF answers for a function (the fields the journeys look at). */
export type FunctionJson = {
  id: string;
  workspaceId: string;
  name: string;
  code: string;
  memory: number;
  timeout: number;
  status: "active" | "disabled";
  lastModified: string;
  environmentVariables: Record<string, string>;
};

/** What a journey may choose of a new function; the rest are the create form's usual values. */
export type FunctionFields = {
  name: string;
  code?: string;
  description?: string;
  memory?: number;
  timeout?: number;
  environmentVariables?: Record<string, string>;
};

export const ECHO_HANDLER = 'def handler(event):\n    return {"echo": event}\n';

export const utf8Base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
export const fromBase64 = (b64: string) => Buffer.from(b64, "base64").toString("utf8");

/**
 * An API client signed in as `role`.
 * One connection per request: this client idles while a page works, and a kept-alive socket that the
 * server closed meanwhile fails the next call with ECONNRESET.
 */
export async function apiAs(role: DemoRole, baseURL: string | undefined): Promise<APIRequestContext> {
  return request.newContext({
    baseURL,
    storageState: storageStateFor(role),
    extraHTTPHeaders: { connection: "close" },
  });
}

/** Unique per run and per call, so journeys never meet each other's data. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Creates a workspace (workspaces are admin-made: pass an admin's client). */
export async function createWorkspace(api: APIRequestContext, name: string, description?: string): Promise<Workspace> {
  const res = await api.post("/api/workspaces", { data: { name, description } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Workspace;
}

/** Deletes a workspace with everything in it, as an admin; already gone (the journey deleted it) is fine. */
export async function removeWorkspace(admin: APIRequestContext, workspaceId: string): Promise<void> {
  const res = await admin.delete(`/api/workspaces/${encodeURIComponent(workspaceId)}`);
  expect([204, 404], `DELETE workspace ${workspaceId}: ${res.status()} ${await res.text()}`).toContain(res.status());
}

/** Creates a function through the BFF, as the signed-in user of `api`. */
export async function createFunction(
  api: APIRequestContext,
  workspaceId: string,
  fields: FunctionFields,
): Promise<FunctionJson> {
  const res = await api.post(`/api/workspaces/${workspaceId}/functions`, {
    data: {
      name: fields.name,
      ...(fields.description === undefined ? {} : { description: fields.description }),
      runtime: "Python 3.12",
      memory: fields.memory ?? 256,
      timeout: fields.timeout ?? 30,
      httpMethods: ["POST"],
      environmentVariables: fields.environmentVariables ?? {},
      code: utf8Base64(fields.code ?? ECHO_HANDLER),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as FunctionJson;
}

export async function getFunctionJson(
  api: APIRequestContext,
  fn: Pick<FunctionJson, "workspaceId" | "id">,
): Promise<FunctionJson> {
  const res = await api.get(`/api/workspaces/${fn.workspaceId}/functions/${fn.id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as FunctionJson;
}

export const functionPath = (fn: Pick<FunctionJson, "workspaceId" | "id">, tab: string) =>
  `/workspaces/${fn.workspaceId}/functions/${fn.id}/${tab}`;
