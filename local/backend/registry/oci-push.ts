import { createHash } from "node:crypto";
import { TaskError } from "../tasks/task-error";
import { describeFailure, type RegistryClient } from "./oci-client";

/** Spin's OCI media types (what `spin registry push` writes). */
export const SPIN_CONFIG_MEDIA_TYPE = "application/vnd.fermyon.spin.application.v1+config";
export const WASM_LAYER_MEDIA_TYPE = "application/vnd.wasm.content.layer.v1+wasm";
export const DATA_LAYER_MEDIA_TYPE = "application/vnd.wasm.content.layer.v1+data";
export const OCI_MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";

export type Blob = { mediaType: string; bytes: Buffer; title?: string };
type Descriptor = { mediaType: string; digest: string; size: number; annotations?: Record<string, string> };

export const digestOf = (bytes: Buffer) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

/** One layer per file: a component's .wasm as a wasm layer, everything else as data. */
export function layerFor(path: string, bytes: Buffer): Blob {
  return { mediaType: path.endsWith(".wasm") ? WASM_LAYER_MEDIA_TYPE : DATA_LAYER_MEDIA_TYPE, bytes, title: path };
}

function descriptor(blob: Blob): Descriptor {
  const d: Descriptor = { mediaType: blob.mediaType, digest: digestOf(blob.bytes), size: blob.bytes.length };
  if (blob.title) d.annotations = { "org.opencontainers.image.title": blob.title };
  return d;
}

export function buildManifest(config: Blob, layers: readonly Blob[], annotations: Record<string, string>): Buffer {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: descriptor(config),
    layers: layers.map(descriptor),
    annotations,
  };
  return Buffer.from(JSON.stringify(manifest), "utf8");
}

const repoPath = (client: RegistryClient, rest: string) => `/v2/${client.repository}/${rest}`;

/** Uploads a blob unless the registry has it: POST an upload session, then PUT the bytes with their digest. */
async function pushBlob(client: RegistryClient, blob: Blob): Promise<void> {
  const digest = digestOf(blob.bytes);
  const head = await client.send("HEAD", repoPath(client, `blobs/${digest}`));
  await head.body?.cancel();
  if (head.ok) return;

  const start = await client.send("POST", repoPath(client, "blobs/uploads/"), { headers: { "content-length": "0" } });
  if (start.status !== 202)
    throw new TaskError(
      `the registry refused to start a blob upload to ${client.repository}: ${await describeFailure(start)}`,
    );
  await start.body?.cancel();
  const location = start.headers.get("location");
  if (!location) throw new TaskError("the registry started a blob upload without a Location header");

  const url = new URL(location, client.origin);
  url.searchParams.set("digest", digest);
  const put = await client.send("PUT", url.toString(), {
    body: blob.bytes,
    headers: { "content-type": "application/octet-stream", "content-length": String(blob.bytes.length) },
  });
  if (put.status !== 201)
    throw new TaskError(
      `the registry refused blob ${digest.slice(0, 19)}… (${blob.title ?? blob.mediaType}): ${await describeFailure(put)}`,
    );
  await put.body?.cancel();
}

/**
 * Pushes an OCI artifact over the distribution API: every blob, then the manifest under `tag`.
 * Returns the manifest digest (the registry's Docker-Content-Digest, else our own).
 */
export async function pushArtifact(
  client: RegistryClient,
  config: Blob,
  layers: readonly Blob[],
  tag: string,
  annotations: Record<string, string>,
): Promise<string> {
  for (const blob of [config, ...layers]) await pushBlob(client, blob);
  const manifest = buildManifest(config, layers, annotations);
  const res = await client.send("PUT", repoPath(client, `manifests/${tag}`), {
    body: manifest,
    headers: { "content-type": OCI_MANIFEST_MEDIA_TYPE },
  });
  if (res.status !== 201 && res.status !== 200)
    throw new TaskError(
      `the registry refused the manifest for ${client.repository}:${tag}: ${await describeFailure(res)}`,
    );
  await res.body?.cancel();
  return res.headers.get("docker-content-digest") ?? digestOf(manifest);
}
