import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REGISTRY_BIN, registryConfig } from "../../tests/support/registry-config";
export const REGISTRY_MISSING_REASON =
  "no registry is configured for the e2e stack (docker-registry is not installed: apt-get install docker-registry)";

export type E2eRegistry = {
  /** A Playwright webServer entry that runs the registry. */
  server: {
    command: string;
    url: string;
    reuseExistingServer: boolean;
    timeout: number;
    stdout: "ignore";
    stderr: "ignore";
  };
  /** REGISTRY_CREDENTIALS for the console: the loopback registry has no auth, which `irsa` (empty credentials) matches. */
  credentials: string;
};

/**
 * A real OCI registry on 127.0.0.1:`port` with filesystem storage in a temp dir, or null when the
 * binary is missing. The config file is the same on every load of the Playwright config (workers load
 * it too); only the server's own start wipes the previous run's images.
 */
export function e2eRegistry(port: number): E2eRegistry | null {
  if (!REGISTRY_BIN) return null;
  const dir = join(tmpdir(), `eunha-e2e-registry-${port}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "config.yml"), registryConfig(dir, port, { secret: "eunha-e2e" }));
  return {
    server: {
      command: `rm -rf '${join(dir, "data")}' && exec '${REGISTRY_BIN}' serve '${join(dir, "config.yml")}'`,
      url: `http://127.0.0.1:${port}/v2/`,
      reuseExistingServer: false,
      timeout: 30_000,
      // It logs every routine "blob unknown" probe of a push as level=error; a registry that fails to
      // start still shows, as Playwright's wait for its URL timing out.
      stdout: "ignore",
      stderr: "ignore",
    },
    credentials: JSON.stringify([{ url: `127.0.0.1:${port}/eunha`, auth: "irsa" }]),
  };
}
