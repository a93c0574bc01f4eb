import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * The S3 stand-in: objects are files under one root directory. Keys are content-addressed per
 * function, so a code update writes a new object before the database points at it and a failed
 * write never clobbers the object the database still references.
 */
export class ObjectStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    mkdirSync(this.root, { recursive: true });
  }

  static sourceKey(functionId: string, source: Buffer): string {
    const digest = createHash("sha256").update(source).digest("hex").slice(0, 16);
    return `functions/${functionId}/${digest}.py`;
  }

  pathOf(key: string): string {
    const full = resolve(this.root, key);
    if (!full.startsWith(this.root + sep)) throw new Error(`object key escapes the store: ${key}`);
    return full;
  }

  /** Atomic put: readers see the old object or the whole new one, never a partial file. */
  put(key: string, bytes: Buffer): void {
    const target = this.pathOf(key);
    mkdirSync(dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, target);
  }

  get(key: string): Buffer {
    return readFileSync(this.pathOf(key));
  }

  delete(key: string): void {
    rmSync(this.pathOf(key), { force: true });
  }

  /** Removes every object of one function (its current source and any older version). */
  deleteFunction(functionId: string): void {
    rmSync(this.pathOf(`functions/${functionId}`), { recursive: true, force: true });
  }

  /**
   * Deletes objects no database row references: leftovers of a crash between an object write and
   * its transaction, or of a delete whose file removal failed.
   */
  sweep(referenced: ReadonlySet<string>): number {
    let removed = 0;
    const walk = (dir: string): void => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (!referenced.has(relative(this.root, full).split(sep).join("/"))) {
          rmSync(full, { force: true });
          removed++;
        }
      }
    };
    walk(join(this.root, "functions"));
    return removed;
  }
}
