import type { Db } from "../db/open";

export type DeploymentRecord = {
  namespace: string;
  appName: string;
  imageRef: string;
  functionId: string | null;
  spec: Record<string, unknown>;
  endpoint: string | null;
  asks: number;
  createdAt: number;
  updatedAt: number;
};

type Row = {
  namespace: string;
  app_name: string;
  image_ref: string;
  function_id: string | null;
  spec: string;
  endpoint: string | null;
  asks: number;
  created_at: number;
  updated_at: number;
};

const toRecord = (r: Row): DeploymentRecord => ({
  namespace: r.namespace,
  appName: r.app_name,
  imageRef: r.image_ref,
  functionId: r.function_id,
  spec: JSON.parse(r.spec) as Record<string, unknown>,
  endpoint: r.endpoint,
  asks: r.asks,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The SpinApps the embedded controller knows, one per namespace and name (a re-deploy replaces it). */
export class DeploymentRepo {
  constructor(private readonly db: Db) {}

  /** Applies a SpinApp: a new spec starts without an endpoint, like a pod that is still starting. */
  apply(d: {
    namespace: string;
    appName: string;
    imageRef: string;
    functionId: string | null;
    spec: Record<string, unknown>;
  }): void {
    const now = Date.now();
    this.db
      .prepare(
        `INSERT INTO deployments (namespace, app_name, image_ref, function_id, spec, endpoint, asks, created_at, updated_at)
         VALUES (@namespace, @appName, @imageRef, @functionId, @spec, NULL, 0, @now, @now)
         ON CONFLICT(namespace, app_name) DO UPDATE SET image_ref = excluded.image_ref, function_id = excluded.function_id,
           spec = excluded.spec, endpoint = NULL, asks = 0, updated_at = excluded.updated_at`,
      )
      .run({ ...d, spec: JSON.stringify(d.spec), now });
  }

  get(namespace: string, appName: string): DeploymentRecord | undefined {
    const row = this.db
      .prepare("SELECT * FROM deployments WHERE namespace = ? AND app_name = ?")
      .get(namespace, appName) as Row | undefined;
    return row && toRecord(row);
  }

  /** The function's newest SpinApp (a function deployed under two app names runs the later one). */
  latestForFunction(functionId: string): DeploymentRecord | undefined {
    const row = this.db
      .prepare("SELECT * FROM deployments WHERE function_id = ? ORDER BY updated_at DESC, rowid DESC LIMIT 1")
      .get(functionId) as Row | undefined;
    return row && toRecord(row);
  }

  /** Counts a status query; returns the deployment after it. */
  ask(namespace: string, appName: string): DeploymentRecord | undefined {
    this.db
      .prepare("UPDATE deployments SET asks = asks + 1 WHERE namespace = ? AND app_name = ?")
      .run(namespace, appName);
    return this.get(namespace, appName);
  }

  setEndpoint(namespace: string, appName: string, endpoint: string): void {
    this.db
      .prepare("UPDATE deployments SET endpoint = ?, updated_at = ? WHERE namespace = ? AND app_name = ?")
      .run(endpoint, Date.now(), namespace, appName);
  }
}
