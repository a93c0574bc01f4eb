/**
 * A real PostgreSQL for the store's tests: Debian's `postgresql` binaries, a fresh cluster in a temp
 * dir on a free loopback port, trust auth for one database user. PostgreSQL refuses to run as root, so
 * as root it runs as the `postgres` user the package creates, with the temp dir handed to that user.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port";

function findBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, "bin", "postgres"))) return join(root, v, "bin");
  return null;
}

export const POSTGRES_BIN_DIR = findBinDir();
export const POSTGRES_MISSING_REASON =
  "Debian's postgresql is not installed (apt-get install postgresql), so the store cannot be tested on PostgreSQL";

export type PostgresServer = { url: string; close(): Promise<void> };

function asOwner(): { uid?: number; gid?: number; user: string } {
  if (userInfo().uid !== 0) return { user: userInfo().username };
  const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (id.status !== 0) throw new Error("running as root and there is no `postgres` user to run PostgreSQL as");
  return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()), user: "postgres" };
}

/** Starts a throwaway cluster; `url` connects as the `console` user to the `console` database. */
export async function startPostgres(): Promise<PostgresServer> {
  if (!POSTGRES_BIN_DIR) throw new Error(POSTGRES_MISSING_REASON);
  const owner = asOwner();
  const dir = mkdtempSync(join(tmpdir(), "eunha-pg-"));
  chmodSync(dir, 0o700);
  if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid!);
  const dataDir = join(dir, "data");
  const spawnOpts = { uid: owner.uid, gid: owner.gid, encoding: "utf8" as const };

  const init = spawnSync(
    join(POSTGRES_BIN_DIR, "initdb"),
    ["-D", dataDir, "-U", "console", "--auth=trust", "-E", "UTF8", "--no-sync"],
    spawnOpts,
  );
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);

  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(
    join(POSTGRES_BIN_DIR, "postgres"),
    [
      "-D",
      dataDir,
      "-k",
      dir,
      "-h",
      "127.0.0.1",
      "-p",
      String(port),
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
    ],
    { uid: owner.uid, gid: owner.gid, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}):\n${output}`);
    const ready = spawnSync(join(POSTGRES_BIN_DIR, "pg_isready"), ["-h", "127.0.0.1", "-p", String(port)], {
      encoding: "utf8",
    });
    if (ready.status === 0) break;
    if (Date.now() > deadline) throw new Error(`postgres did not start within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const created = spawnSync(
    join(POSTGRES_BIN_DIR, "createdb"),
    ["-h", "127.0.0.1", "-p", String(port), "-U", "console", "console"],
    { encoding: "utf8" },
  );
  if (created.status !== 0) throw new Error(`createdb failed:\n${created.stderr}`);

  return {
    url: `postgres://console@127.0.0.1:${port}/console`,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGINT"); // fast shutdown
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000)).then(() => child.kill("SIGKILL"))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
