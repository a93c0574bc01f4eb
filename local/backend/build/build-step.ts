import { rmSync } from "node:fs";
import type { BuildTaskResult } from "../../../lib/contract";
import type { PackageMeta } from "../registry/push-step";
import type { WasmRunner } from "../runtime/wasm-runner";
import { BuildStore } from "./build-store";
import { prepareSource, type BuildLimits } from "./python-tools";
import { componentId, writeSpinManifest } from "./spin-package";
import type { SourceKind } from "./upload-check";

export type BuildDeps = {
  store: BuildStore;
  sandbox: WasmRunner;
  limits: BuildLimits;
  /** `allowed_outbound_hosts` of every generated component. */
  outboundHosts: readonly string[];
};

export type BuildInput = { taskId: string; appName: string; kind: SourceKind; sourceKey: string; fileName: string };
export type BuildOutput = { artifactKey: string; meta: PackageMeta; result: BuildTaskResult };

/**
 * The build itself: the stored upload becomes a Spin application package (the source plus a
 * spin.toml) under `builds/{taskId}/app/`. The package is assembled in a staging folder and
 * renamed into place, so a failed or interrupted build leaves no half package behind.
 */
export async function runBuild(deps: BuildDeps, input: BuildInput, signal: AbortSignal): Promise<BuildOutput> {
  const staging = deps.store.stagingDir(input.taskId);
  try {
    const source = { kind: input.kind, source: deps.store.pathOf(input.sourceKey), name: input.fileName, out: staging };
    const prepared = await prepareSource(deps.sandbox, source, deps.limits, signal);
    signal.throwIfAborted();
    writeSpinManifest(staging, {
      appName: input.appName,
      source: prepared,
      outboundHosts: deps.outboundHosts,
      origin: input.fileName,
    });
    const artifactKey = deps.store.commitArtifact(input.taskId, staging);
    const packageUri = `${BuildStore.toUri(artifactKey)}/`;
    const meta: PackageMeta = {
      appName: input.appName,
      component: componentId(input.appName),
      module: prepared.module,
      handler: prepared.handler,
      shape: prepared.shape,
      outboundHosts: [...deps.outboundHosts],
    };
    // No .wasm exists (componentize-py is not run here): both paths name the Spin package.
    return { artifactKey, meta, result: { wasm_path: packageUri, file_path: packageUri } };
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}
