"""The Python side of a sandbox instance (local/backend/sandbox/worker.mjs runs this once).

It defines three entry points that take and return JSON text, never a JavaScript object:
  bind(bundle)   writes the function's files to /app, sets os.environ to exactly its variables and
                 imports its handler module (Python's own traceback on stderr when that fails)
  call(request)  runs one request through the handler: Spin `IncomingHandler` or `def handler(event)`
  build(request) extracts and compiles an uploaded .py/.zip with build_tools.py and returns the files
and then withholds from user code everything that reaches the host's JavaScript: the bridge
modules (`js`, `pyodide_js`, `pyodide`, `_pyodide*`), `ctypes`, process creation and `gc`'s
object walkers. The sandbox process (no env, fs-read limited to the runtime, no child processes,
code generation from strings disabled) is the layer under this one. Outbound HTTP goes through
urllib to the /dev/eunha-http device: the backend sends only what PLATFORM_FUNCTION_FETCH_ALLOW names.
"""
import base64
import http.client
import inspect
import io
import json
import linecache
import os
import shutil
import sys
import time
import traceback
import types
import urllib.error
import urllib.request
import urllib.response

APP_DIR = "/app"
SDK_DIR = "/lib/eunha"
MAX_RESPONSE_BYTES = 6 * 1024 * 1024
HTTP_DEVICE = "/dev/eunha-http"
_state = {"module": None, "function_id": "", "memory_mb": 0, "timeout_s": 0, "call_started": 0.0}


def _host_note(message):
    print(f"[function host] {message}", file=sys.stderr, flush=True)


def _print_user_traceback():
    etype, value, tb = sys.exc_info()
    while tb is not None and tb.tb_frame.f_code.co_filename == "<sandbox>":
        tb = tb.tb_next
    traceback.print_exception(etype, value, tb)
    sys.stderr.flush()


def _write_files(root, files):
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root, exist_ok=True)
    for rel, b64 in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(b64))


def _load_module(entry):
    path = os.path.join(APP_DIR, entry)
    with open(path, "rb") as f:
        source = f.read()
    name = entry[:-3].replace("/", ".")
    module = types.ModuleType(name)
    module.__file__ = entry
    sys.modules[name] = module
    text = source.decode("utf-8", errors="replace")
    linecache.cache[entry] = (len(text), None, text.splitlines(True), entry)
    exec(compile(source, entry, "exec"), module.__dict__)
    return module


def bind(bundle_json):
    bundle = json.loads(bundle_json)
    _state.update(function_id=bundle["functionId"], memory_mb=bundle["memoryMb"], timeout_s=bundle["timeoutS"])
    os.environ.clear()
    os.environ.update({"HOME": "/tmp", "LANG": "C.UTF-8", "FUNCTION_ID": bundle["functionId"]})
    os.environ.update({str(k): str(v) for k, v in bundle["env"].items()})
    _write_files(APP_DIR, bundle["files"])
    os.makedirs("/tmp", exist_ok=True)
    os.chdir("/tmp")
    for path in (APP_DIR, SDK_DIR):
        if path not in sys.path:
            sys.path.insert(0, path)
    try:
        _state["module"] = _load_module(bundle["entry"])
    except BaseException:
        _print_user_traceback()
        return json.dumps({"ok": False})
    return json.dumps({"ok": True})


def _parse_event(body):
    if not body:
        return {}
    text = body.decode("utf-8", errors="replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


def _plain(fn, req, body, spin_http):
    event = _parse_event(body)
    try:
        takes_context = len(inspect.signature(fn).parameters) >= 2
    except (TypeError, ValueError):
        takes_context = False
    if takes_context:
        context = types.SimpleNamespace(
            function_id=_state["function_id"],
            request_id=req["runId"],
            memory_limit_in_mb=_state["memory_mb"],
            timeout_seconds=_state["timeout_s"],
        )
        result = fn(event, context)
    else:
        result = fn(event)
    if isinstance(result, spin_http.Response):
        return result
    payload = json.dumps(result, ensure_ascii=False).encode("utf-8")
    return spin_http.Response(200, {"content-type": "application/json; charset=utf-8"}, payload)


def _check(resp, spin_http):
    if not isinstance(resp, spin_http.Response):
        raise TypeError(f"handle_request must return spin_sdk.http.Response, got {type(resp).__name__}")
    if not isinstance(resp.status, int) or not 100 <= resp.status <= 599:
        raise TypeError(f"Response.status must be an int between 100 and 599, got {resp.status!r}")
    if resp.body is not None and not isinstance(resp.body, (bytes, bytearray)):
        raise TypeError(f"Response.body must be bytes or None, got {type(resp.body).__name__}")
    if resp.body is not None and len(resp.body) > MAX_RESPONSE_BYTES:
        raise ValueError(f"the response body has {len(resp.body)} bytes; at most {MAX_RESPONSE_BYTES} are allowed")
    return resp


def _failed():
    return json.dumps({"status": 500, "headers": {}, "body_b64": None, "failed": True})


def call(request_json):
    _state["call_started"] = time.monotonic()
    req = json.loads(request_json)
    from spin_sdk import http as spin_http

    body = base64.b64decode(req.get("bodyB64") or "")
    module = _state["module"]
    try:
        handler_cls = getattr(module, "IncomingHandler", None)
        plain = getattr(module, "handler", None)
        if isinstance(handler_cls, type):
            request = spin_http.Request(req["method"], req["uri"], dict(req["headers"]), body)
            resp = _check(handler_cls().handle_request(request), spin_http)
        elif callable(plain):
            resp = _check(_plain(plain, req, body, spin_http), spin_http)
        else:
            _host_note("the module defines neither `class IncomingHandler(http.IncomingHandler)` nor `def handler(event)`")
            return _failed()
        headers = {str(k): str(v) for k, v in dict(resp.headers or {}).items()}
        out = None if resp.body is None else base64.b64encode(bytes(resp.body)).decode("ascii")
    except BaseException:
        _print_user_traceback()
        return _failed()
    finally:
        sys.stdout.flush()
    return json.dumps({"status": resp.status, "headers": headers, "body_b64": out})


def build(request_json):
    """Runs in the build instance only: it parses and compiles the upload, it never executes it."""
    req = json.loads(request_json)
    import build_tools

    shutil.rmtree("/build", ignore_errors=True)
    os.makedirs("/build/out")
    source = "/build/upload"
    with open(source, "wb") as f:
        f.write(base64.b64decode(req["uploadB64"]))
    try:
        answer = build_tools.build({"kind": req["kind"], "source": source, "name": req["name"], "out": "/build/out", "max_files": req["maxFiles"], "max_bytes": req["maxBytes"]})
    except build_tools.BuildError as err:
        return json.dumps({"ok": False, "error": str(err)})
    files = {}
    for folder, _dirs, names in os.walk("/build/out"):
        for name in names:
            full = os.path.join(folder, name)
            with open(full, "rb") as f:
                files[os.path.relpath(full, "/build/out")] = base64.b64encode(f.read()).decode("ascii")
    answer["files_content"] = files
    shutil.rmtree("/build", ignore_errors=True)
    return json.dumps(answer)


# ---------------------------------------------------------------- outbound HTTP


def _request_body(data):
    if data is None:
        return b""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if hasattr(data, "read"):
        return data.read()
    return b"".join(bytes(chunk) for chunk in data)


class _OutboundHandler(urllib.request.BaseHandler):
    """urllib's http and https through /dev/eunha-http: the backend sends what its allow-list names."""

    handler_order = 100  # before urllib's own HTTPHandler, whose sockets the sandbox does not have

    def http_open(self, req):
        # The caller's own timeout, or a little past the function's: the function's timeout is what
        # stops a call that waits too long (the instance is replaced), as it stops a busy loop.
        left_ms = _state["timeout_s"] * 1000 - (time.monotonic() - _state["call_started"]) * 1000 + 500
        if isinstance(req.timeout, (int, float)):
            left_ms = min(left_ms, req.timeout * 1000)
        outgoing = {
            "method": req.get_method(),
            "url": req.full_url,
            "headers": [[k, v] for k, v in req.header_items()],
            "bodyB64": base64.b64encode(_request_body(req.data)).decode("ascii"),
            "timeoutMs": max(1, int(left_ms)),
        }
        with open(HTTP_DEVICE, "r+b", buffering=0) as device:
            device.write(json.dumps(outgoing).encode("utf-8"))
            answer = json.loads(device.readall())
        if not answer["ok"]:
            raise urllib.error.URLError(answer["error"])
        headers = http.client.HTTPMessage()
        for name, value in answer["headers"]:
            headers[name] = value
        resp = urllib.response.addinfourl(io.BytesIO(base64.b64decode(answer["bodyB64"])), headers, req.full_url, answer["status"])
        resp.msg = answer["reason"]
        return resp

    https_open = http_open


# ---------------------------------------------------------------- withholding the bridge

_BLOCKED = ("js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "ctypes", "_ctypes", "micropip")


def _blocked(name):
    return any(name == b or name.startswith(b + ".") for b in _BLOCKED)


class _Withheld:
    """First on sys.meta_path: the bridge modules cannot be imported by user code."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if _blocked(name):
            raise ModuleNotFoundError(f"No module named {name!r}: it is not available in the Eunha function sandbox", name=name)
        return None


def _no_processes(*_args, **_kwargs):
    raise PermissionError("functions cannot start processes in the Eunha sandbox")


def _no_walk(*_args, **_kwargs):
    raise PermissionError("gc object walking is not available in the Eunha function sandbox")


def _withhold():
    import gc
    import posix

    # Import what the entry points use while the bridge is still loaded, then drop the bridge.
    import spin_sdk.http  # noqa: F401  (from SDK_DIR)
    import urllib.request  # noqa: F401

    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__module__.split(".")[0] not in ("_pyodide", "pyodide")]
    sys.meta_path.insert(0, _Withheld)
    for name in list(sys.modules):
        if _blocked(name):
            del sys.modules[name]
    for mod in (os, posix):
        for attr in ("system", "popen", "fork", "forkpty", "posix_spawn", "posix_spawnp", "execv", "execve", "execvp", "execvpe", "execl", "execle", "execlp", "execlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe", "spawnl", "spawnle", "spawnlp", "spawnlpe", "kill", "killpg"):
            if hasattr(mod, attr):
                setattr(mod, attr, _no_processes)
    for attr in ("get_objects", "get_referrers", "get_referents"):
        setattr(gc, attr, _no_walk)
    gc.collect()


sys.path.insert(0, SDK_DIR)
_withhold()
urllib.request.install_opener(urllib.request.build_opener(_OutboundHandler))
