import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { BuildStore } from "../build/build-store";
import type { PackageMeta } from "../registry/push-step";
import type { TaskRepo } from "../repos/task-repo";

/** A built Spin package ready for the sandbox: its files by relative path, and the handler module. */
export type RunnablePackage = { files: Record<string, Buffer>; entry: string };

/**
 * What SpinKube would pull for `imageRef`: the package this backend built and pushed under it, or
 * null when the image came from anywhere else (there is no .wasm here to run).
 */
export function pushedPackage(tasks: TaskRepo, store: BuildStore, imageRef: string): RunnablePackage | null {
  const pushed = tasks.pushedImage(imageRef);
  const meta = pushed?.payload.package as PackageMeta | undefined;
  if (!pushed?.artifactKey || !meta) return null;
  return { files: packageFiles(store.pathOf(pushed.artifactKey)), entry: meta.handler };
}

/** Every file of a built package, by path relative to it (the package was size-checked at build time). */
function packageFiles(dir: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files[relative(dir, full)] = readFileSync(full);
  }
  return files;
}
