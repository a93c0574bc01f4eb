import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Asks a `python3` on PATH where its real interpreter is: pyenv-style shims cost ~0.6 s per start. */
function askRealExecutable(command: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, ["-c", "import sys; print(sys.executable)"], { timeout: 10_000 }, (err, stdout) => {
      const path = stdout?.trim();
      resolve(!err && path && executable(path) ? path : null);
    });
  });
}

/**
 * Finds the Python 3 interpreter the function host spawns: an explicit path first, then the real
 * interpreter behind `python3` on PATH, then Debian's /usr/bin/python3. A hit is cached; a miss
 * is retried on the next call, so installing Python does not need a backend restart.
 */
export function pythonLocator(explicit?: string): () => Promise<string | null> {
  let found: string | null = null;
  let pending: Promise<string | null> | null = null;

  const probe = async (): Promise<string | null> => {
    if (explicit) return executable(explicit) ? explicit : null;
    for (const command of ["python3", "python"]) {
      const real = await askRealExecutable(command);
      if (real) return real;
    }
    return executable("/usr/bin/python3") ? "/usr/bin/python3" : null;
  };

  return async () => {
    if (found) return found;
    pending ??= probe().finally(() => (pending = null));
    found = await pending;
    return found;
  };
}
