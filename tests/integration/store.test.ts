import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFacets, insertAudit, queryAudit } from "@/server/store/audit-log";
import {
  claimDeployment,
  getDeployment,
  insertDeployment,
  listDeployments,
  liveDeployment,
  runningDeployment,
  updateDeployment,
  type DeploymentRow,
} from "@/server/store/deployments";
import { STORE_MIGRATIONS } from "@/server/store/migrations";
import { openStore, type Store, type StoreConfig } from "@/server/store/open";
import { getPreference, setPreference } from "@/server/store/preferences";
import {
  defaultTestEvent,
  deleteTestEvent,
  listTestEvents,
  saveTestEvent,
  setDefaultTestEvent,
} from "@/server/store/test-events";
import {
  POSTGRES_BIN_DIR,
  POSTGRES_MISSING_REASON,
  startPostgres,
  type PostgresServer,
} from "../support/postgres-server";

/**
 * The same store tests on both engines: SQLite in a temp data directory, and a real PostgreSQL
 * (Debian's) started for this file. Nothing is mocked; each engine runs the real migrations.
 */
type Engine = { name: string; config: () => StoreConfig; skip?: string };

let pgServer: PostgresServer | undefined;
const sqliteDir = mkdtempSync(join(tmpdir(), "eunha-store-"));
let sqliteCount = 0;

const engines: Engine[] = [
  { name: "SQLite", config: () => ({ kind: "sqlite", path: join(sqliteDir, `console-${++sqliteCount}.db`) }) },
  {
    name: "PostgreSQL",
    config: () => ({ kind: "postgres", url: pgServer!.url }),
    skip: POSTGRES_BIN_DIR ? undefined : POSTGRES_MISSING_REASON,
  },
];

beforeAll(async () => {
  if (POSTGRES_BIN_DIR) pgServer = await startPostgres();
});
afterAll(async () => {
  await pgServer?.close();
  rmSync(sqliteDir, { recursive: true, force: true });
});

function deployment(over: Partial<DeploymentRow> = {}): DeploymentRow {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    workspace_id: "ws-1",
    function_id: "fn-1",
    function_name: "hello",
    kind: "deploy",
    status: "running",
    stages: "[]",
    code_hash: "abc",
    code: "def handler(event):\n    return '안녕'\n",
    registry_url: "127.0.0.1:5000/eunha",
    image_ref: null,
    settings: "{}",
    endpoint: null,
    source_deployment_id: null,
    created_by: "dev@example.com",
    created_at: now,
    updated_at: now,
    finished_at: null,
    lease_until: null,
    ...over,
  };
}

for (const engine of engines) {
  describe.skipIf(engine.skip)(`console store on ${engine.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openStore(engine.config());
    });
    afterAll(async () => {
      await store?.close();
    });

    it("applies every versioned migration once, and a second open (a replica, a restart) applies none", async () => {
      const names = STORE_MIGRATIONS.map(([n]) => n);
      const recorded = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
      expect(recorded.rows.map((r) => r.name)).toEqual(names);
      const config = engine.name === "PostgreSQL" ? engine.config() : null;
      if (config) {
        // Two replicas starting at once: the migrator's lock lets exactly one of them apply anything.
        const [a, b] = await Promise.all([openStore(config), openStore(config)]);
        expect([...a.applied, ...b.applied]).toEqual([]);
        await Promise.all([a.close(), b.close()]);
      }
    });

    it("keeps remembered choices as JSON and replaces them in place", async () => {
      expect(await getPreference(store.db, "workspace:ws-1", "registry")).toBeNull();
      await setPreference(store.db, "workspace:ws-1", "registry", "127.0.0.1:5000/a", "dev@example.com");
      await setPreference(store.db, "workspace:ws-1", "registry", "127.0.0.1:5000/b", "admin@example.com");
      expect(await getPreference(store.db, "workspace:ws-1", "registry")).toBe("127.0.0.1:5000/b");
      await setPreference(
        store.db,
        "function:ws-1/fn-1",
        "deploy-settings",
        { replicas: 2, namespace: "default" },
        "dev@example.com",
      );
      expect(await getPreference(store.db, "function:ws-1/fn-1", "deploy-settings")).toEqual({
        replicas: 2,
        namespace: "default",
      });
    });

    it("keeps a function's test events with exactly one default, and scopes them to the function", async () => {
      const k = { workspaceId: "ws-1", functionId: `fn-${engine.name}` };
      const a = await saveTestEvent(
        store.db,
        k,
        { name: "greet", payload: '{"name":"하나"}', isDefault: true },
        "dev@example.com",
      );
      const b = await saveTestEvent(store.db, k, { name: "empty", payload: "{}", isDefault: true }, "dev@example.com");
      expect((await defaultTestEvent(store.db, k))?.id).toBe(b.id);
      expect((await listTestEvents(store.db, k)).filter((e) => e.isDefault)).toHaveLength(1);
      // Saving under an existing name replaces it (same id), not a duplicate.
      const a2 = await saveTestEvent(
        store.db,
        k,
        { name: "greet", payload: '{"name":"둘"}', isDefault: false },
        "admin@example.com",
      );
      expect(a2.id).toBe(a.id);
      expect((await listTestEvents(store.db, k)).map((e) => [e.name, e.payload])).toEqual([
        ["empty", "{}"],
        ["greet", '{"name":"둘"}'],
      ]);
      expect(await setDefaultTestEvent(store.db, k, a.id)).toBe(true);
      expect((await defaultTestEvent(store.db, k))?.name).toBe("greet");
      // Replaced without saying: the default stays the default, a new name is not one.
      await saveTestEvent(store.db, k, { name: "greet", payload: '{"name":"셋"}' }, "dev@example.com");
      const c = await saveTestEvent(store.db, k, { name: "third", payload: "[]" }, "dev@example.com");
      expect(c.isDefault).toBe(false);
      expect(await defaultTestEvent(store.db, k)).toMatchObject({ id: a.id, payload: '{"name":"셋"}' });
      // Another function's id cannot be made default here (the default is kept), nor deleted from here.
      expect(await setDefaultTestEvent(store.db, { ...k, functionId: "other" }, a.id)).toBe(false);
      expect(await setDefaultTestEvent(store.db, k, "00000000-0000-4000-8000-000000000000")).toBe(false);
      expect((await defaultTestEvent(store.db, k))?.id).toBe(a.id);
      expect(await deleteTestEvent(store.db, { ...k, functionId: "other" }, a.id)).toBe(false);
      expect(await deleteTestEvent(store.db, k, a.id)).toBe(true);
      expect(await listTestEvents(store.db, { ...k, functionId: "other" })).toEqual([]);
    });

    it("keeps deployment history newest first, the running run, and the live one", async () => {
      const k = { workspaceId: "ws-h", functionId: `fn-${engine.name}` };
      const first = deployment({
        ...{ workspace_id: k.workspaceId, function_id: k.functionId },
        status: "succeeded",
        created_at: "2026-01-01T00:00:00.000Z",
        finished_at: "2026-01-01T00:01:00.000Z",
        image_ref: "r/a:task-1",
      });
      const second = deployment({
        workspace_id: k.workspaceId,
        function_id: k.functionId,
        status: "failed",
        created_at: "2026-01-02T00:00:00.000Z",
        finished_at: "2026-01-02T00:01:00.000Z",
      });
      const third = deployment({
        workspace_id: k.workspaceId,
        function_id: k.functionId,
        status: "running",
        created_at: "2026-01-03T00:00:00.000Z",
      });
      for (const d of [first, second, third]) await insertDeployment(store.db, d);
      expect((await listDeployments(store.db, k)).map((d) => d.id)).toEqual([third.id, second.id, first.id]);
      expect((await runningDeployment(store.db, k))?.id).toBe(third.id);
      expect((await liveDeployment(store.db, k))?.image_ref).toBe("r/a:task-1");
      await updateDeployment(store.db, third.id, {
        status: "succeeded",
        finished_at: "2026-01-03T00:02:00.000Z",
        image_ref: "r/a:task-3",
      });
      expect(await runningDeployment(store.db, k)).toBeNull();
      expect((await liveDeployment(store.db, k))?.id).toBe(third.id);
      expect((await getDeployment(store.db, first.id))?.code).toBe(first.code);
    });

    it("lets one driver at a time hold a run's lease", async () => {
      const d = deployment({ workspace_id: "ws-lease", function_id: engine.name });
      await insertDeployment(store.db, d);
      const t0 = "2026-01-01T00:00:00.000Z";
      const results = await Promise.all([
        claimDeployment(store.db, d.id, t0, "2026-01-01T00:00:30.000Z"),
        claimDeployment(store.db, d.id, t0, "2026-01-01T00:00:30.000Z"),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      // Still held at t+10 s; free again once expired.
      expect(await claimDeployment(store.db, d.id, "2026-01-01T00:00:10.000Z", "2026-01-01T00:00:40.000Z")).toBe(false);
      expect(await claimDeployment(store.db, d.id, "2026-01-01T00:00:31.000Z", "2026-01-01T00:01:00.000Z")).toBe(true);
    });

    it("filters the audit log by user, action, workspace and time, newest first, with keyset paging", async () => {
      const base = Date.parse("2026-02-01T00:00:00.000Z");
      for (let i = 0; i < 6; i++) {
        await insertAudit(store.db, {
          at: new Date(base + i * 60_000).toISOString(),
          who: i % 2 ? "admin@example.com" : "dev@example.com",
          action: i < 3 ? "deploy.create" : "function.update",
          workspace_id: i < 4 ? "ws-a" : "ws-b",
          target: { functionId: `fn-${i}`, app: "hello" },
          result: i === 5 ? "failed" : "ok",
          code: i === 5 ? "UPSTREAM_ERROR" : null,
          request_id: `req-${i}`,
        });
      }
      const all = await queryAudit(store.db, {
        limit: 100,
        from: "2026-02-01T00:00:00.000Z",
        to: "2026-02-02T00:00:00.000Z",
      });
      expect(all.map((r) => r.request_id)).toEqual(["req-5", "req-4", "req-3", "req-2", "req-1", "req-0"]);
      expect(all[0]).toMatchObject({
        who: "admin@example.com",
        result: "failed",
        code: "UPSTREAM_ERROR",
        target: { functionId: "fn-5" },
      });
      expect(
        (await queryAudit(store.db, { limit: 100, who: "dev@example.com", action: "deploy.create" })).map(
          (r) => r.request_id,
        ),
      ).toEqual(["req-2", "req-0"]);
      expect((await queryAudit(store.db, { limit: 100, workspaceId: "ws-b" })).map((r) => r.request_id)).toEqual([
        "req-5",
        "req-4",
      ]);
      expect(
        (
          await queryAudit(store.db, { limit: 100, from: "2026-02-01T00:02:00.000Z", to: "2026-02-01T00:04:00.000Z" })
        ).map((r) => r.request_id),
      ).toEqual(["req-3", "req-2"]);
      expect(await queryAudit(store.db, { limit: 100, workspaceIn: [] })).toEqual([]);
      const page1 = await queryAudit(store.db, { limit: 4, from: "2026-02-01T00:00:00.000Z" });
      const last = page1.at(-1)!;
      const page2 = await queryAudit(store.db, {
        limit: 4,
        from: "2026-02-01T00:00:00.000Z",
        before: { at: last.at, id: last.id },
      });
      expect([...page1, ...page2].map((r) => r.request_id)).toEqual([
        "req-5",
        "req-4",
        "req-3",
        "req-2",
        "req-1",
        "req-0",
      ]);
      const facets = await auditFacets(store.db);
      expect(facets.who).toEqual(expect.arrayContaining(["admin@example.com", "dev@example.com"]));
      expect(facets.action).toEqual(expect.arrayContaining(["deploy.create", "function.update"]));
    });
  });
}

describe("console store configuration", () => {
  it("refuses to start on a database it cannot reach, naming the store and not the password", async () => {
    const err = await openStore({
      kind: "postgres",
      url: "postgres://console:hunter2-secret@127.0.0.1:1/console",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/console's store could not be migrated/);
    expect((err as Error).message).not.toContain("hunter2-secret");
  });
});
