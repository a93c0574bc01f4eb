/**
 * The sandbox process: started by runtime/sandbox-process.ts as
 *   node --experimental-permission --allow-fs-read=<pyodide>,<this folder> --allow-worker
 *        --disallow-code-generation-from-strings host.mjs
 * with an empty environment, no write access, no child processes and no access to the data
 * directory. Each sandbox instance is a worker thread of this process (worker.mjs); this file only
 * relays messages between the backend (IPC) and the workers, hands a worker blocked on outbound HTTP
 * the backend's answer (`fetch` → `fetched`), and enforces timeouts by terminating a worker that does
 * not answer in time (a busy loop or a wait on the network included).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const here = dirname(fileURLToPath(import.meta.url));
const indexURL = process.argv[2];
const sdkDir = join(here, "..", "python");
const workerData = {
  indexURL,
  sandboxPy: readFileSync(join(here, "python", "sandbox.py"), "utf8"),
  sdkFiles: Object.fromEntries(
    [
      ["/lib/eunha/spin_sdk/__init__.py", "sdk/spin_sdk/__init__.py"],
      ["/lib/eunha/spin_sdk/http.py", "sdk/spin_sdk/http.py"],
      ["/lib/eunha/spin_sdk/variables.py", "sdk/spin_sdk/variables.py"],
      ["/lib/eunha/build_tools.py", "build_tools.py"],
    ].map(([to, from]) => [to, readFileSync(join(sdkDir, from), "utf8")]),
  ),
};

/** @type {Map<string, {worker: Worker, timer: NodeJS.Timeout | null, pending: string | null, fetches: Map<number, SharedArrayBuffer>}>} */
const workers = new Map();
const send = (msg) => process.send?.(msg);

/** Instances discarded while still waiting for the snapshot: they must not start afterwards. */
const cancelled = new Set();

function stop(wid, reason) {
  const entry = workers.get(wid);
  if (!entry) {
    if (reason === "discarded") cancelled.add(wid);
    return;
  }
  workers.delete(wid);
  if (entry.timer) clearTimeout(entry.timer);
  void entry.worker.terminate();
  send({ op: "exit", wid, reason, pending: entry.pending });
}

/** The interpreter's memory right after start-up, made once by a first worker; every instance starts from it. */
let snapshot = null;
function bootSnapshot() {
  snapshot ??= new Promise((resolve, reject) => {
    const boot = new Worker(join(here, "worker.mjs"), {
      workerData: { ...workerData, snapshot: null },
      env: {},
      stdout: false,
      stderr: false,
    });
    boot.on("message", (msg) => {
      if (msg.op !== "snapshot") return;
      // Shared, so that each instance reads it without a copy of its own.
      const shared = new Uint8Array(new SharedArrayBuffer(msg.bytes.byteLength));
      shared.set(msg.bytes);
      resolve(shared);
      void boot.terminate();
      // The backend keeps it on disk for the next start (this process cannot write).
      send({ op: "snapshot-made", wid: "", bytes: msg.bytes });
    });
    boot.on("error", (err) => reject(err));
    boot.on("exit", () => reject(new Error("the interpreter did not start")));
  });
  snapshot.catch(() => (snapshot = null));
  return snapshot;
}

async function spawn(wid) {
  let image;
  try {
    image = await bootSnapshot();
  } catch (err) {
    return send({ op: "exit", wid, reason: `the interpreter did not start: ${err?.message ?? err}`, pending: "spawn" });
  }
  if (cancelled.delete(wid)) return;
  // The JS heap of an instance stays small: Python's memory is WebAssembly memory, capped in worker.mjs.
  const worker = new Worker(join(here, "worker.mjs"), {
    workerData: { ...workerData, snapshot: image },
    env: {},
    resourceLimits: { maxOldGenerationSizeMb: 256 },
    stdout: false,
    stderr: false,
  });
  const entry = { worker, timer: null, pending: null, fetches: new Map() };
  workers.set(wid, entry);
  worker.on("message", (msg) => {
    if (msg.op === "fetch") {
      // Outbound HTTP: the backend decides and sends; the worker waits on `sab` for the answer.
      entry.fetches.set(msg.fetchId, msg.sab);
      return send({ op: "fetch", wid, fetchId: msg.fetchId, request: msg.request });
    }
    if (msg.op !== "out" && entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = null;
      entry.pending = null;
    }
    send({ ...msg, wid });
  });
  worker.on("error", (err) => stop(wid, `the instance failed: ${err?.message ?? err}`));
  worker.on("exit", (code) => stop(wid, `the instance exited (code ${code})`));
}

/** Hands the backend's answer to a worker blocked in Atomics.wait: [state, length] then the JSON bytes. */
function answerFetch({ wid, fetchId, answer }) {
  const sab = workers.get(wid)?.fetches.get(fetchId);
  if (!sab) return; // the instance was stopped (timeout) meanwhile
  workers.get(wid).fetches.delete(fetchId);
  const head = new Int32Array(sab, 0, 2);
  const room = new Uint8Array(sab, 8);
  let bytes = new TextEncoder().encode(JSON.stringify(answer));
  if (bytes.byteLength > room.byteLength)
    bytes = new TextEncoder().encode(JSON.stringify({ ok: false, error: "the answer is too large for the sandbox" }));
  room.set(bytes);
  Atomics.store(head, 1, bytes.byteLength);
  Atomics.store(head, 0, 1);
  Atomics.notify(head, 0);
}

process.on("message", (msg) => {
  if (msg.op === "snapshot") {
    const shared = new Uint8Array(new SharedArrayBuffer(msg.bytes.byteLength));
    shared.set(msg.bytes);
    snapshot = Promise.resolve(shared);
    return;
  }
  if (msg.op === "fetched") return answerFetch(msg);
  if (msg.op === "spawn") return void spawn(msg.wid);
  if (msg.op === "kill") return stop(msg.wid, "discarded");
  const entry = workers.get(msg.wid);
  if (!entry) return send({ op: "exit", wid: msg.wid, reason: "no such instance", pending: msg.op });
  if (msg.timeoutMs) {
    entry.pending = msg.op;
    entry.timer = setTimeout(() => {
      const op = entry.pending;
      entry.timer = null;
      workers.delete(msg.wid);
      void entry.worker.terminate();
      send({ op: "timeout", wid: msg.wid, pending: op });
    }, msg.timeoutMs);
  }
  entry.worker.postMessage(msg);
});
process.on("disconnect", () => process.exit(0));
send({ op: "started" });
