/**
 * A real OCI registry for the push tests: Debian's `docker-registry` (the CNCF distribution
 * registry) on a free loopback port, with a temporary storage directory and config. Basic auth
 * uses an htpasswd file whose bcrypt hash comes from Python's `crypt` module (libxcrypt's bcrypt;
 * `htpasswd` itself is not installed here).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port";
import { REGISTRY_BIN, registryConfig } from "./registry-config";

export { REGISTRY_BIN };

export const REGISTRY_MISSING_REASON =
  "docker-registry is not installed (apt-get install docker-registry), so no real OCI push can be tested";

const BCRYPT_SCRIPT =
  "import crypt, sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))";

/** A bcrypt hash for htpasswd, or null when no Python with a bcrypt-capable `crypt` is at hand. */
export function bcryptHash(password: string): string | null {
  for (const python of ["/usr/bin/python3", "python3"]) {
    const r = spawnSync(python, ["-W", "ignore", "-c", BCRYPT_SCRIPT, password], { encoding: "utf8" });
    const hash = r.status === 0 ? r.stdout.trim() : "";
    if (/^\$2[aby]\$/.test(hash)) return hash;
  }
  return null;
}
export const BCRYPT_AVAILABLE = REGISTRY_BIN !== null && bcryptHash("probe") !== null;
export const BCRYPT_MISSING_REASON =
  "no Python with bcrypt support in its crypt module, so no htpasswd file for docker-registry's basic auth";

export type RegistryAuth = { username: string; password: string };
export type Registry = { url: string; origin: string; close(): Promise<void> };

async function waitUntilUp(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${origin}/v2/`);
      await res.body?.cancel();
      if (res.status === 200 || res.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer within 15 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Starts docker-registry on loopback; `url` is `127.0.0.1:port` (what registry_url takes), `origin` its http:// form. */
export async function startRegistry(opts: { auth?: RegistryAuth } = {}): Promise<Registry> {
  if (!REGISTRY_BIN) throw new Error(REGISTRY_MISSING_REASON);
  const dir = mkdtempSync(join(tmpdir(), "eunha-registry-"));
  if (opts.auth) {
    const hash = bcryptHash(opts.auth.password);
    if (!hash) throw new Error(BCRYPT_MISSING_REASON);
    writeFileSync(join(dir, "htpasswd"), `${opts.auth.username}:${hash}\n`);
  }
  // The port is free when probed; another process could take it before the registry binds, so retry.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    writeFileSync(
      join(dir, "config.yml"),
      registryConfig(dir, port, {
        secret: "contract-suite",
        deletes: true,
        htpasswdRealm: opts.auth ? "contract-registry" : undefined,
      }),
    );
    let out = "";
    const child = spawn(REGISTRY_BIN, ["serve", join(dir, "config.yml")], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
    const origin = `http://127.0.0.1:${port}`;
    try {
      await waitUntilUp(origin, child, () => out);
    } catch (err) {
      await stop(child);
      if (attempt < 3 && /address already in use/.test(out)) continue;
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    return {
      url: `127.0.0.1:${port}`,
      origin,
      close: async () => {
        await stop(child);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}

/** GETs a manifest back with the OCI accept header (Basic credentials when the registry has auth). */
export async function readManifest(
  registry: Registry,
  repository: string,
  reference: string,
  auth?: RegistryAuth,
): Promise<{ status: number; body: unknown; contentType: string | null }> {
  const headers: Record<string, string> = { accept: "application/vnd.oci.image.manifest.v1+json" };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
  const res = await fetch(`${registry.origin}/v2/${repository}/manifests/${reference}`, { headers });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    contentType: res.headers.get("content-type"),
  };
}

/** A blob's bytes (to check a layer really holds the file it is titled with). */
export async function readBlob(
  registry: Registry,
  repository: string,
  digest: string,
  auth?: RegistryAuth,
): Promise<Buffer> {
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
  const res = await fetch(`${registry.origin}/v2/${repository}/blobs/${digest}`, { headers });
  if (!res.ok) throw new Error(`blob ${digest}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
