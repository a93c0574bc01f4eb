import { readFileSync } from "node:fs";
import type { BuildStore } from "../build/build-store";
import { TaskError } from "../tasks/task-error";
import { RegistryClient, registryOrigin, type Credentials } from "./oci-client";
import { layerFor, pushArtifact, SPIN_CONFIG_MEDIA_TYPE } from "./oci-push";

/** What a build records about its package (task payload `package`), enough to describe it to a registry. */
export type PackageMeta = {
  appName: string;
  component: string;
  module: string;
  handler: string;
  shape: "spin" | "plain";
  outboundHosts: string[];
};

export type PushTarget = { registryUrl: string; tag: string; creds: Credentials; timeoutMs: number };

/** `host[:port]/repo/path` → origin and repository; a bare host takes the app name as repository. */
export function splitRegistryUrl(
  registryUrl: string,
  appName: string,
): { host: string; repository: string; imageBase: string } {
  const trimmed = registryUrl.trim().replace(/\/+$/, "");
  const slash = trimmed.indexOf("/");
  const host = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const repository = slash < 0 ? appName : trimmed.slice(slash + 1);
  return { host, repository, imageBase: `${host}/${repository}` };
}

/**
 * The config blob: a summary of the app in the spirit of Spin's locked app (spin.lock), which
 * `spin registry push` stores as the config. It names the component and its files; it cannot
 * carry a .wasm digest because no .wasm is built here.
 */
function configBlob(meta: PackageMeta, files: string[]): Buffer {
  const config = {
    spin_lock_version: 1,
    metadata: { name: meta.appName, version: "0.1.0", origin: "eunha-embedded-backend", trigger: { type: "http" } },
    triggers: [
      {
        id: `trigger--${meta.component}`,
        trigger_type: "http",
        trigger_config: { route: "/...", component: meta.component },
      },
    ],
    components: [
      {
        id: meta.component,
        metadata: { allowed_outbound_hosts: meta.outboundHosts },
        source: {
          content_type: "application/wasm",
          status: "not built: the layers carry the Python source and spin.toml",
        },
        handler: { module: meta.module, file: meta.handler, shape: meta.shape },
        files,
      },
    ],
  };
  return Buffer.from(JSON.stringify(config), "utf8");
}

/** Pushes a built Spin package (one layer per file) as `registry_url:tag`; returns the image reference and digest. */
export async function pushPackage(
  store: BuildStore,
  artifactKey: string,
  meta: PackageMeta,
  target: PushTarget,
  signal: AbortSignal,
): Promise<{ imageUri: string; digest: string }> {
  const { host, repository, imageBase } = splitRegistryUrl(target.registryUrl, meta.appName);
  let files;
  try {
    files = store.listFiles(artifactKey);
  } catch {
    throw new TaskError(`the built package ${artifactKey} is missing from the object store`);
  }
  if (files.length === 0) throw new TaskError(`the built package ${artifactKey} is empty`);
  const layers = files.map((f) => layerFor(f.path, readFileSync(f.full)));
  const config = {
    mediaType: SPIN_CONFIG_MEDIA_TYPE,
    bytes: configBlob(
      meta,
      files.map((f) => f.path),
    ),
  };
  const client = new RegistryClient(registryOrigin(host), repository, target.creds, signal, target.timeoutMs);
  const digest = await pushArtifact(client, config, layers, target.tag, {
    "org.opencontainers.image.title": meta.appName,
    "org.opencontainers.image.created": new Date().toISOString(),
  });
  return { imageUri: `${imageBase}:${target.tag}`, digest };
}
