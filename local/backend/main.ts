/**
 * `npm run backend [-- --reset]`: the embedded platform backend on 127.0.0.1:$PORT (default 8000).
 * Configuration comes from the environment only; see README.md.
 */
import { join } from "node:path";
import { localAuthSecret } from "../stack/secret";
import { configFromEnv } from "./config";
import { resetData } from "./reset";
import { startBackend } from "./server";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(
      "usage: tsx local/backend/main.ts [--reset]\n  --reset  wipe the data directory first (fresh database and Demo data)",
    );
    return;
  }
  const unknown = args.filter((a) => a !== "--reset");
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(" ")} (try --help)`);

  const config = configFromEnv(process.env);
  if (args.includes("--reset")) {
    resetData(config.dataDir, config.dbPath);
    console.log(`reset: wiped ${config.dataDir}`);
  }

  // Every /api and /__admin request needs this token: BACKEND_TOKEN, or one kept in the data directory.
  const tokenFile = join(config.dataDir, "backend-token");
  const token = config.options.token ?? localAuthSecret(tokenFile);
  const backend = await startBackend({ ...config.options, token });
  // Ready means ready to run functions too: the console's first invoke should not wait for a boot.
  await backend.sandboxReady;
  console.log(`embedded backend listening on ${backend.url}`);
  console.log(
    config.tokenFromEnv
      ? "API credential: BACKEND_TOKEN from the environment"
      : `API credential: Authorization: Bearer $(cat ${tokenFile})`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the embedded backend`);
    backend.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error("error while stopping:", err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
