import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as Policy from "@/server/auth/policy";
import { fault, startFaultServer, type FaultServer } from "../support/fault-server";

/*
 * The Test tab's saved events through their server actions: the real policy, schemas, SQLite store and
 * redaction, with the function read from a real HTTP backend double. Only the session is stubbed (as
 * in bff-dal): each test says which role is asking.
 */
const session = vi.hoisted(() => ({ roles: ["developer"] as string[], email: "dev@example.com" }));
vi.mock("@/server/auth/session", async () => {
  const { can } = await vi.importActual<typeof Policy>("@/server/auth/policy");
  return {
    requireUser: async (action?: Parameters<typeof can>[1]) => {
      // From this test's module registry (reset per test), so the error sanitiser recognises it.
      const { AuthError } = await import("@/server/auth/errors");
      if (action && !can(session.roles, action)) throw new AuthError("FORBIDDEN");
      return {
        id: "u1",
        name: "Someone",
        email: session.email,
        roles: session.roles,
        expiresAt: new Date(Date.now() + 3600_000),
      };
    },
  };
});
vi.mock("@/server/auth/upstream-identity", () => ({
  upstreamIdentityHeaders: async () => ({ "x-eunha-user": session.email }),
}));

const SECRET = "backend-token-0123456789abcdef";
const fn = {
  id: "fn-1",
  workspaceId: "ws-1",
  name: "orders",
  description: null,
  runtime: "Python 3.12",
  memory: 128,
  timeout: 10,
  httpMethods: ["POST"],
  environmentVariables: {},
  code: "cHJpbnQoMSk=",
  invocationUrl: null,
  status: "active",
  lastModified: "2025-12-07T12:00:00+09:00",
  invocations24h: 0,
  errors24h: 0,
  avgDuration: 0,
};
const ref = { workspaceId: "ws-1", functionId: "fn-1" };

let server: FaultServer;
const dataRoot = mkdtempSync(join(tmpdir(), "eunha-test-events-"));
let dataDirs = 0;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  rmSync(dataRoot, { recursive: true, force: true });
});
beforeEach(() => {
  vi.resetModules();
  vi.stubEnv("BACKEND_URL", server.url);
  vi.stubEnv("BACKEND_TOKEN", SECRET);
  vi.stubEnv("BACKEND_TIMEOUT_MS", "2000");
  vi.stubEnv("LOG_LEVEL", "silent");
  vi.stubEnv("CONSOLE_DATA_DIR", join(dataRoot, `store-${++dataDirs}`));
  session.roles = ["developer"];
  session.email = "dev@example.com";
  server.reset();
  server.setRoute("GET", "/api/workspaces/ws-1/functions/fn-1", fault.json(200, fn));
  server.setRoute("GET", "/api/workspaces/ws-1/functions/gone", fault.json(404, { detail: "Function not found" }));
});
afterEach(() => vi.unstubAllEnvs());

const load = async () => ({
  actions: await import("@/server/actions/test-events"),
  service: await import("@/server/ship/test-events-service"),
  store: await import("@/server/store"),
  events: await import("@/server/store/test-events"),
});

describe("saved test events", () => {
  it("are saved by one developer and read by the team; the same name replaces; one default", async () => {
    const { actions, service, store, events } = await load();
    const first = await actions.saveTestEventAction({ ...ref, name: "  order 42 ", payload: '{"order": 42}' });
    expect(first).toEqual({
      ok: true,
      data: [{ id: expect.any(String), name: "order 42", payload: '{"order": 42}', isDefault: false }],
    });
    const id = first.ok ? first.data[0]!.id : "";

    // Another user, another browser: the same list, and the viewer may read it.
    session.roles = ["viewer"];
    session.email = "manager@example.com";
    expect(await service.testEventsOf(ref)).toEqual(first.ok ? first.data : []);
    expect(await service.testEventsOf({ ...ref, functionId: "fn-2" })).toEqual([]);

    session.roles = ["admin"];
    session.email = "admin@example.com";
    const marked = await actions.makeDefaultTestEventAction({ ...ref, eventId: id });
    expect(marked.ok && marked.data.map((e) => [e.name, e.isDefault])).toEqual([["order 42", true]]);
    // Saving over the default keeps it the default (the form asks nothing more); the smoke invoke sends it.
    const replaced = await actions.saveTestEventAction({ ...ref, name: "order 42", payload: '{"order": 43}' });
    const added = await actions.saveTestEventAction({ ...ref, name: "empty", payload: "{}", isDefault: true });
    expect(replaced.ok && replaced.data).toEqual([{ id, name: "order 42", payload: '{"order": 43}', isDefault: true }]);
    expect(added.ok && added.data.map((e) => [e.name, e.isDefault])).toEqual([
      ["empty", true],
      ["order 42", false],
    ]);
    expect((await events.defaultTestEvent(await store.db(), ref))?.payload).toBe("{}");
    const rows = await events.listTestEvents(await store.db(), ref);
    expect(rows.find((e) => e.name === "order 42")?.createdBy).toBe("admin@example.com");

    const removed = await actions.deleteTestEventAction({ ...ref, eventId: id });
    expect(removed.ok && removed.data.map((e) => e.name)).toEqual(["empty"]);
    const again = await actions.deleteTestEventAction({ ...ref, eventId: id });
    expect(again).toMatchObject({ ok: false, error: { status: 404, code: "NOT_FOUND" } });
  });

  it("refuses a viewer's save, delete and default, and changes nothing", async () => {
    const { actions, service } = await load();
    const saved = await actions.saveTestEventAction({ ...ref, name: "kept", payload: "{}" });
    const id = saved.ok ? saved.data[0]!.id : "";
    session.roles = ["viewer"];
    for (const answer of [
      await actions.saveTestEventAction({ ...ref, name: "kept", payload: '{"changed": true}' }),
      await actions.deleteTestEventAction({ ...ref, eventId: id }),
      await actions.makeDefaultTestEventAction({ ...ref, eventId: id }),
    ])
      expect(answer).toMatchObject({ ok: false, error: { status: 403, code: "FORBIDDEN" } });
    expect(await service.testEventsOf(ref)).toEqual([{ id, name: "kept", payload: "{}", isDefault: false }]);
  });

  it.each([
    ["an empty name", { name: "   ", payload: "{}" }, "name"],
    ["a name over 80 characters", { name: "n".repeat(81), payload: "{}" }, "name"],
    ["a payload that is not JSON", { name: "broken", payload: "{" }, "payload"],
    ["a payload over 64 KB", { name: "big", payload: JSON.stringify({ a: "x".repeat(64 * 1024) }) }, "payload"],
    ["an id that is not an id", { workspaceId: "../ws", name: "x", payload: "{}" }, "workspaceId"],
    ["a field the form does not have", { name: "x", payload: "{}", createdBy: "someone" }, "createdBy"],
  ])("refuses %s (VALIDATION_ERROR on that field) and stores nothing", async (_what, fields, field) => {
    const { actions, service } = await load();
    const answer = await actions.saveTestEventAction({ ...ref, ...fields } as never);
    expect(answer).toMatchObject({ ok: false, error: { status: 400, code: "VALIDATION_ERROR" } });
    expect(answer.ok ? {} : answer.error.fieldErrors).toHaveProperty(field);
    expect(await service.testEventsOf(ref)).toEqual([]);
  });

  it("takes a name of exactly 80 characters and a payload of exactly 64 KB", async () => {
    const { actions } = await load();
    const payload = `"${"x".repeat(64 * 1024 - 2)}"`;
    const answer = await actions.saveTestEventAction({ ...ref, name: "n".repeat(80), payload });
    expect(answer.ok && answer.data[0]?.payload.length).toBe(64 * 1024);
  });

  it("refuses an event for a function the backend does not have, and another function's event", async () => {
    const { actions } = await load();
    const answer = await actions.saveTestEventAction({ ...ref, functionId: "gone", name: "x", payload: "{}" });
    expect(answer).toMatchObject({ ok: false, error: { status: 404, code: "NOT_FOUND" } });
    const saved = await actions.saveTestEventAction({ ...ref, name: "mine", payload: "{}" });
    const id = saved.ok ? saved.data[0]!.id : "";
    const other = { ...ref, functionId: "fn-2", eventId: id };
    expect(await actions.makeDefaultTestEventAction(other)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await actions.deleteTestEventAction(other)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("blanks the console's secrets in what reaches a browser; the store keeps the payload as written", async () => {
    const { actions, service, store, events } = await load();
    const payload = JSON.stringify({ token: SECRET });
    const answer = await actions.saveTestEventAction({ ...ref, name: "pasted", payload });
    expect(JSON.stringify(answer)).not.toContain(SECRET);
    expect(JSON.stringify(await service.testEventsOf(ref))).not.toContain(SECRET);
    expect((await events.listTestEvents(await store.db(), ref))[0]?.payload).toBe(payload);
  });
});
