import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { ObjectStore } from "../storage/object-store";

/** The bucket name in the `s3://` paths this backend hands out (the objects live under PLATFORM_DATA_DIR/objects). */
export const BUCKET = "eunha-local";
const S3_PREFIX = `s3://${BUCKET}/`;

/**
 * Where builds live in the object store (the S3 stand-in): the upload under
 * `builds/{taskId}/source/{file}`, the Spin application package under `builds/{taskId}/app/`.
 */
export class BuildStore {
  constructor(private readonly objects: ObjectStore) {}

  static sourceKey(taskId: string, fileName: string): string {
    return `builds/${taskId}/source/${fileName}`;
  }

  static artifactKey(taskId: string): string {
    return `builds/${taskId}/app`;
  }

  static toUri(key: string): string {
    return S3_PREFIX + key;
  }

  /**
   * The object key behind a path a client sends back: our `s3://` URI (a file inside the package
   * counts as the package). Anything else is not ours: a bare key or a Builder-local path
   * (`/builds/<task>/app.wasm`) is refused, as a real Builder would fail to fetch it.
   */
  static keyFromPath(path: string): string | null {
    if (!path.trim().startsWith(S3_PREFIX)) return null;
    let key = path.trim().slice(S3_PREFIX.length);
    key = key.replace(/\/+$/, "");
    const m = /^builds\/([0-9a-f-]{36})\/(source\/[^/]+|app(\/.*)?)$/.exec(key);
    if (!m) return null;
    return m[2]!.startsWith("app") ? BuildStore.artifactKey(m[1]!) : key;
  }

  putSource(key: string, bytes: Buffer): void {
    this.objects.put(key, bytes);
  }

  pathOf(key: string): string {
    return this.objects.pathOf(key);
  }

  /** A fresh directory under the task's folder for a package being built (renamed into place when done). */
  stagingDir(taskId: string): string {
    const dir = this.objects.pathOf(`builds/${taskId}/.staging-${randomBytes(4).toString("hex")}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Moves a finished package into place in one rename: readers never see half a package. */
  commitArtifact(taskId: string, staging: string): string {
    const key = BuildStore.artifactKey(taskId);
    const target = this.objects.pathOf(key);
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    return key;
  }

  /** Every file of a package, relative paths with `/`, sorted (stable layer order, stable digests). */
  listFiles(key: string): { path: string; full: string }[] {
    const root = this.objects.pathOf(key);
    const out: { path: string; full: string }[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) out.push({ path: relative(root, full).split(sep).join("/"), full });
      }
    };
    walk(root);
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Removes everything stored for one task (its upload and package). */
  removeBuild(taskId: string): void {
    rmSync(this.objects.pathOf(`builds/${taskId}`), { recursive: true, force: true });
  }

  /** Removes build folders whose task row is gone (workspace deleted) and half-built packages. */
  sweep(taskIds: ReadonlySet<string>): void {
    let entries;
    try {
      entries = readdirSync(this.objects.pathOf("builds"), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const dir = this.objects.pathOf(`builds/${entry.name}`);
      if (!taskIds.has(entry.name)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      for (const inner of readdirSync(dir))
        if (inner.startsWith(".staging-")) rmSync(join(dir, inner), { recursive: true, force: true });
    }
  }
}
