import { existsSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, resolve, sep } from "node:path";

/**
 * `--reset`: wipes the data directory (and a database kept outside it), after checking that the
 * directory really is a data directory and not, through a typo in PLATFORM_DATA_DIR, the
 * repository, a parent of it, or the home directory.
 */
export function resetData(dataDir: string, dbPath: string): void {
  const dir = resolve(dataDir);
  const cwd = resolve(process.cwd());
  const refuse =
    dir === dirname(dir) || // filesystem root
    dir === resolve(homedir()) ||
    cwd === dir ||
    cwd.startsWith(dir + sep) ||
    existsSync(resolve(dir, "package.json")) ||
    existsSync(resolve(dir, ".git"));
  if (refuse) throw new Error(`refusing to wipe ${dir}: it does not look like a data directory`);
  rmSync(dir, { recursive: true, force: true });

  if (dbPath !== ":memory:" && !resolve(dbPath).startsWith(dir + sep)) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(resolve(dbPath) + suffix, { force: true });
  }
}
