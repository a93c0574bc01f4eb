import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { once } from "node:events";
import { expect, test } from "@playwright/test";
import { freePort } from "../../tests/support/free-port";
import { STANDALONE_SERVER } from "../support/console-server";

/*
 * The README promises that a bad variable stops the console before it serves: instrumentation.ts
 * validates server/env.ts at start, so the process exits listing every problem and never listens.
 */
test.skip(!!process.env.E2E_BASE_URL || !existsSync(STANDALONE_SERVER), "needs the local standalone build");

test("a bad variable stops the console at start, listing every problem, before it serves", async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [STANDALONE_SERVER], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      BACKEND_TIMEOUT_MS: "-3",
      BACKEND_AUTH: "magic",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  expect(code, output).toBe(1);
  expect(output).toContain("Invalid configuration");
  for (const name of ["BACKEND_TIMEOUT_MS", "BACKEND_AUTH"]) expect(output).toContain(name);
  await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
});
