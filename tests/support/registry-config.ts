import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Debian's `docker-registry` (the CNCF distribution registry), shared by the contract suite's push
 * tests and the e2e stack. DOCKER_REGISTRY_BIN, when set, is the only candidate (set it to a missing
 * path to see the skip paths).
 */
const CANDIDATES = process.env.DOCKER_REGISTRY_BIN
  ? [process.env.DOCKER_REGISTRY_BIN]
  : ["/usr/bin/docker-registry", "/usr/local/bin/docker-registry"];
export const REGISTRY_BIN = CANDIDATES.find((p) => existsSync(p)) ?? null;

/** Its config: filesystem storage under `dir`, loopback only, quiet, with htpasswd auth when given. */
export function registryConfig(
  dir: string,
  port: number,
  opts: { secret: string; htpasswdRealm?: string; deletes?: boolean },
): string {
  return [
    "version: 0.1",
    "log:",
    "  level: error",
    "  accesslog:",
    "    disabled: true",
    "storage:",
    "  filesystem:",
    `    rootdirectory: ${join(dir, "data")}`,
    ...(opts.deletes ? ["  delete:", "    enabled: true"] : []),
    "http:",
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${opts.secret}`,
    ...(opts.htpasswdRealm
      ? ["auth:", "  htpasswd:", `    realm: ${opts.htpasswdRealm}`, `    path: ${join(dir, "htpasswd")}`]
      : []),
    "",
  ].join("\n");
}
