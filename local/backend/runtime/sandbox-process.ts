import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sendOutbound, type OutboundRule } from "./outbound-http";

const SANDBOX_DIR = fileURLToPath(new URL("../sandbox/", import.meta.url));
const PYODIDE_DIR = dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));

/**
 * Where the interpreter's start-up snapshot is kept between backend starts: per user, named by the
 * Pyodide version and the worker that made it, so a change to either makes a new one.
 */
const SNAPSHOT_FILE = (() => {
  const version = (JSON.parse(readFileSync(join(PYODIDE_DIR, "package.json"), "utf8")) as { version: string }).version;
  const worker = createHash("sha256")
    .update(readFileSync(join(SANDBOX_DIR, "worker.mjs")))
    .digest("hex")
    .slice(0, 16);
  return join(tmpdir(), `eunha-sandbox-${userInfo().uid}`, `pyodide-${version}-${worker}.snapshot`);
})();

function readSnapshot(): Buffer | null {
  try {
    return readFileSync(SNAPSHOT_FILE);
  } catch {
    return null;
  }
}

function writeSnapshot(bytes: Uint8Array): void {
  try {
    mkdirSync(dirname(SNAPSHOT_FILE), { recursive: true, mode: 0o700 });
    const temp = `${SNAPSHOT_FILE}.${process.pid}.tmp`;
    writeFileSync(temp, bytes, { mode: 0o600 });
    renameSync(temp, SNAPSHOT_FILE);
  } catch {
    // only a cache: the next start makes it again
  }
}

/** A message from the sandbox process: always tagged with the instance (`wid`) it concerns. */
export type SandboxMessage = { op: string; wid: string; [key: string]: unknown };

/**
 * The one Node process all sandbox instances live in, run under Node's permission model: it may
 * read the Pyodide runtime and its own files and nothing else, write nothing, start no process,
 * and compile no code from strings; its environment is empty. Restarted on the next use if it dies.
 */
export class SandboxProcess {
  private child: ChildProcess | null = null;
  private readonly listeners = new Map<string, (msg: SandboxMessage) => void>();

  /** `outbound`: where functions may send HTTP (none by default); the backend sends it for them. */
  constructor(private readonly outbound: readonly OutboundRule[] = []) {}

  /** The node flags, exported for the tests that prove each one holds. */
  static readonly execArgv = [
    "--experimental-permission",
    `--allow-fs-read=${PYODIDE_DIR}`,
    `--allow-fs-read=${SANDBOX_DIR}`,
    `--allow-fs-read=${join(SANDBOX_DIR, "..", "python")}`,
    "--allow-worker",
    "--disallow-code-generation-from-strings",
    "--no-warnings",
  ];

  /** Routes messages of instance `wid` to `listener` until `unlisten`. */
  listen(wid: string, listener: (msg: SandboxMessage) => void): void {
    this.listeners.set(wid, listener);
  }

  unlisten(wid: string): void {
    this.listeners.delete(wid);
  }

  send(msg: { op: string; wid: string; [key: string]: unknown }): void {
    const child = this.ensure();
    child.send(msg);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  stop(): void {
    this.child?.kill("SIGKILL");
    this.child = null;
  }

  private ensure(): ChildProcess {
    if (this.child && this.child.connected) return this.child;
    const child = fork(join(SANDBOX_DIR, "host.mjs"), [`${PYODIDE_DIR}/`], {
      execPath: process.execPath,
      execArgv: SandboxProcess.execArgv,
      // A cast, not an annotation: Next's types make NODE_ENV a required key of ProcessEnv.
      env: {} as NodeJS.ProcessEnv,
      cwd: SANDBOX_DIR,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      serialization: "advanced",
    });
    child.on("message", (msg: SandboxMessage) => {
      if (msg.op === "snapshot-made") return writeSnapshot(msg.bytes as Uint8Array);
      if (msg.op === "fetch") {
        void sendOutbound(msg.request, this.outbound).then((answer) => {
          if (child.connected) child.send({ op: "fetched", wid: msg.wid, fetchId: msg.fetchId, answer });
        });
        return;
      }
      this.listeners.get(msg.wid)?.(msg);
    });
    const cached = readSnapshot();
    if (cached) child.send({ op: "snapshot", wid: "", bytes: cached });
    child.on("exit", () => {
      if (this.child === child) this.child = null;
      // Every instance died with it.
      for (const [wid, listener] of [...this.listeners])
        listener({ op: "exit", wid, reason: "the sandbox process exited", pending: "any" });
    });
    child.on("error", () => undefined);
    this.child = child;
    return child;
  }
}
