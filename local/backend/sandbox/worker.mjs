/**
 * One sandbox instance: a worker thread of the sandbox process (host.mjs) running CPython as
 * WebAssembly (Pyodide). Python gets strings and bytes only, never a JavaScript object: requests
 * arrive as JSON text, output leaves through the stdout/stderr callbacks, and the bridge modules
 * (`js`, `pyodide_js`, `pyodide`, `_pyodide*`) are withheld from user code by python/sandbox.py.
 *
 * Messages in:  {op:"bind", memoryMb, bundle}  {op:"call", callId, request}  {op:"build", request}
 * Messages out: {op:"ready", heapMb} {op:"out", stream, text} {op:"bound"|"result"|"built", ...}
 *               {op:"fetch", fetchId, request, sab}: outbound HTTP, answered by the backend into `sab`
 */
import childProcess from "node:child_process";
import { constants as fsConstants } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const MB = 1024 * 1024;

// Emscripten's NODEFS reads fs constants through process.binding, which the permission model refuses.
process.binding = (name) => {
  if (name === "constants") return { fs: fsConstants };
  throw new Error("process.binding is not available in the sandbox");
};
// Emscripten's system() spawns host commands: the permission model refuses (and that would abort the
// interpreter), so the sandbox answers "command not runnable" (exit 126) instead.
for (const name of ["spawnSync", "execSync", "execFileSync", "spawn", "exec", "execFile", "fork"]) {
  childProcess[name] = () => ({
    status: 126,
    signal: null,
    output: [null, null, null],
    pid: 0,
    stdout: null,
    stderr: null,
  });
}

const { indexURL, sandboxPy, sdkFiles, snapshot } = workerData;
const { loadPyodide } = await import("pyodide");

const post = (msg, transfer) => parentPort.postMessage(msg, transfer);
const emit = (stream) => (text) => post({ op: "out", stream, text });
/** Standard modules the entry points use, imported before the snapshot so every instance starts with them. */
const PRELOAD = "import base64, inspect, json, linecache, shutil, traceback, types, ast, zipfile, urllib.request";

const options = {
  indexURL,
  // The `js` module is this empty object without a prototype: nothing to walk from.
  jsglobals: Object.create(null),
  env: { HOME: "/tmp" },
  stdout: emit("stdout"),
  stderr: emit("stderr"),
  checkAPIVersion: true,
};

if (!snapshot) {
  // The first worker of the sandbox process only boots the interpreter and hands over a memory
  // snapshot: restoring it takes ~1 s where a full start takes 5-15 s on a busy machine.
  const boot = await loadPyodide({ ...options, _makeSnapshot: true });
  boot.runPython(PRELOAD);
  const bytes = boot.makeMemorySnapshot();
  post({ op: "snapshot", bytes }, [bytes.buffer]);
} else {
  await serve(await loadPyodide({ ...options, _loadSnapshot: snapshot }));
}

async function serve(pyodide) {
  pyodide.setStdout({ batched: emit("stdout") });
  pyodide.setStderr({ batched: emit("stderr") });

  // Memory cap: the interpreter's heap grows through WebAssembly.Memory#grow; past the function's
  // memory setting the growth is refused, malloc fails and Python raises MemoryError.
  const memory = pyodide._module.wasmMemory ?? pyodide._module.memory;
  let capBytes = Infinity;
  let refusedGrowth = false;
  const realGrow = WebAssembly.Memory.prototype.grow;
  memory.grow = function grow(pages) {
    if (this.buffer.byteLength + pages * 65536 > capBytes) {
      refusedGrowth = true;
      throw new RangeError("memory limit reached");
    }
    return realGrow.call(this, pages);
  };

  // No socket emulation: its Node backend would open real TCP connections.
  const refuse = () => {
    throw new pyodide._module.FS.ErrnoError(2 /* EACCES */);
  };
  pyodide._module._nodeSock = { connect: refuse, recv: refuse, send: refuse, close: refuse, poll: refuse };

  installHttpDevice(pyodide);

  for (const [path, text] of Object.entries(sdkFiles)) {
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, text);
  }
  for (const name of ["js", "pyodide_js"]) pyodide.unregisterJsModule(name);
  // sandbox.py defines the entry points and then withholds everything that reaches JavaScript.
  const namespace = pyodide.globals.get("dict")();
  pyodide.runPython(sandboxPy, { globals: namespace, filename: "<sandbox>" });
  const bindPy = namespace.get("bind");
  const callPy = namespace.get("call");
  const buildPy = namespace.get("build");
  namespace.destroy();

  // Nothing else in this realm should reach the network or other modules once Python is up.
  for (const name of ["fetch", "WebSocket", "XMLHttpRequest", "EventSource", "require"]) delete globalThis[name];

  const heapMb = () => Math.round(memory.buffer.byteLength / MB);

  parentPort.on("message", (msg) => {
    if (msg.op === "bind") {
      capBytes = Math.max(msg.memoryMb * MB, memory.buffer.byteLength);
      const answer = JSON.parse(bindPy(JSON.stringify(msg.bundle)));
      post({ op: "bound", ...answer, memoryExceeded: refusedGrowth });
    } else if (msg.op === "call") {
      refusedGrowth = false;
      const answer = JSON.parse(callPy(JSON.stringify(msg.request)));
      post({ op: "result", callId: msg.callId, ...answer, memoryExceeded: refusedGrowth, heapMb: heapMb() });
    } else if (msg.op === "build") {
      capBytes = Math.max(msg.memoryMb * MB, memory.buffer.byteLength);
      const answer = JSON.parse(buildPy(JSON.stringify(msg.request)));
      post({ op: "built", ...answer, memoryExceeded: refusedGrowth });
    }
  });
  post({ op: "ready", heapMb: heapMb() });
}

/** The JSON a function may write to the HTTP device: a 6 MB body in base64 and its headers. */
const MAX_HTTP_REQUEST = 9 * MB;
/** The JSON answer's room: a 6 MB body (the backend's cap) in base64 and its headers. */
const HTTP_ANSWER_ROOM = 9 * MB;

/**
 * /dev/eunha-http: Python's only way out (python/sandbox.py builds urllib on it). A function writes
 * one request as JSON and reads the answer; the read blocks this worker until the backend, which
 * alone decides whether the destination is allowed, has answered. Bytes in, bytes out: no
 * JavaScript object reaches Python.
 */
function installHttpDevice(pyodide) {
  const { FS } = pyodide;
  let channel = null;
  let fetchId = 0;
  const exchange = (request) => {
    channel ??= (() => {
      const sab = new SharedArrayBuffer(8 + HTTP_ANSWER_ROOM);
      return { sab, head: new Int32Array(sab, 0, 2), room: new Uint8Array(sab, 8) };
    })();
    Atomics.store(channel.head, 0, 0);
    post({ op: "fetch", fetchId: ++fetchId, request: new TextDecoder().decode(request), sab: channel.sab });
    Atomics.wait(channel.head, 0, 0);
    return channel.room.slice(0, Atomics.load(channel.head, 1));
  };
  const device = FS.makedev(64, 0);
  FS.registerDevice(device, {
    open(stream) {
      stream.exchange = { written: [], size: 0, answer: null, at: 0 };
    },
    close() {},
    write(stream, buffer, offset, length) {
      const x = stream.exchange;
      if (x.answer || x.size + length > MAX_HTTP_REQUEST) throw new FS.ErrnoError(22 /* EFBIG */);
      x.written.push(buffer.slice(offset, offset + length));
      x.size += length;
      return length;
    },
    read(stream, buffer, offset, length) {
      const x = stream.exchange;
      if (!x.answer) {
        const request = new Uint8Array(x.size);
        let at = 0;
        for (const part of x.written) {
          request.set(part, at);
          at += part.byteLength;
        }
        x.answer = exchange(request);
      }
      const n = Math.min(length, x.answer.byteLength - x.at);
      buffer.set(x.answer.subarray(x.at, x.at + n), offset);
      x.at += n;
      return n;
    },
  });
  FS.mkdev("/dev/eunha-http", device);
}
