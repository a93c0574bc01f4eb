"""Function host runner: executes one invocation of a function in a fresh interpreter.

Protocol with local/backend/runtime/python-runner.ts:
  stdin          one JSON request: source_path, function_id, run_id, memory_mb, timeout_s,
                 method, uri, headers, body_b64, and optionally module_dir (added to sys.path)
  stdout/stderr  whatever the function prints; the host turns every line into a log line
  fd 3           one JSON result written by this supervisor alone, so nothing the function
                 prints can corrupt the response

The supervisor forks a child that runs the code under RLIMIT_AS (the function's memory). It
enforces the timeout by killing the child, and measures the child's CPU time with wait4(),
which works for a killed child too. Both processes die with their parent (PR_SET_PDEATHSIG),
so a backend that is killed never leaves a runaway function behind.
"""
import base64
import json
import os
import resource
import select
import signal
import sys
import time
import traceback
import types

RESULT_FD = 3
SDK_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sdk")
NO_RESPONSE = None


def die_with_parent():
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def print_user_traceback():
    """The traceback as Spin would show it: from the function's own frames, without the runner's."""
    etype, value, tb = sys.exc_info()
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    traceback.print_exception(etype, value, tb)


def host_note(message):
    # Lines the host itself adds to the function's log stream, marked so nobody mistakes them.
    print(f"[function host] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- child: runs the user's code


def load_module(source_path):
    with open(source_path, "rb") as f:
        source = f.read()
    module = types.ModuleType("app")
    module.__file__ = "app.py"
    sys.modules["app"] = module
    # Tracebacks show the failing source line, as they would for a file on disk.
    import linecache

    text = source.decode("utf-8", errors="replace")
    linecache.cache["app.py"] = (len(text), None, text.splitlines(True), "app.py")
    exec(compile(source, "app.py", "exec"), module.__dict__)
    return module


def parse_event(body):
    if not body:
        return {}
    text = body.decode("utf-8", errors="replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


def call_plain_handler(fn, req, body, spin_http):
    import inspect

    event = parse_event(body)
    try:
        takes_context = len(inspect.signature(fn).parameters) >= 2
    except (TypeError, ValueError):
        takes_context = False
    if takes_context:
        context = types.SimpleNamespace(
            function_id=req["function_id"],
            request_id=req["run_id"],
            memory_limit_in_mb=req["memory_mb"],
            timeout_seconds=req["timeout_s"],
        )
        result = fn(event, context)
    else:
        result = fn(event)
    if isinstance(result, spin_http.Response):
        return result
    payload = json.dumps(result, ensure_ascii=False).encode("utf-8")
    return spin_http.Response(200, {"content-type": "application/json; charset=utf-8"}, payload)


def check_response(resp, spin_http):
    if not isinstance(resp, spin_http.Response):
        raise TypeError(f"handle_request must return spin_sdk.http.Response, got {type(resp).__name__}")
    if not isinstance(resp.status, int) or not 100 <= resp.status <= 599:
        raise TypeError(f"Response.status must be an int between 100 and 599, got {resp.status!r}")
    if resp.body is not None and not isinstance(resp.body, (bytes, bytearray)):
        raise TypeError(f"Response.body must be bytes or None, got {type(resp.body).__name__}")
    return resp


def run_function(req):
    """Returns (status, headers, body). Failures follow Spin: a bodyless 500, traceback on stderr."""
    sys.path.insert(0, SDK_DIR)
    if req.get("module_dir"):
        # A built package (a zip upload, run by the app host): the handler may import its siblings.
        sys.path.insert(1, req["module_dir"])
    from spin_sdk import http as spin_http

    body = base64.b64decode(req.get("body_b64") or "")
    try:
        module = load_module(req["source_path"])
        handler_cls = getattr(module, "IncomingHandler", None)
        plain = getattr(module, "handler", None)
        if isinstance(handler_cls, type):
            request = spin_http.Request(req["method"], req["uri"], dict(req["headers"]), body)
            resp = check_response(handler_cls().handle_request(request), spin_http)
        elif callable(plain):
            resp = check_response(call_plain_handler(plain, req, body, spin_http), spin_http)
        else:
            host_note("app.py defines neither `class IncomingHandler(http.IncomingHandler)` nor `def handler(event)`")
            return 500, {}, None
    except BaseException:
        print_user_traceback()
        return 500, {}, None
    headers = {str(k): str(v) for k, v in dict(resp.headers or {}).items()}
    return resp.status, headers, None if resp.body is None else bytes(resp.body)


def child_main(req, resp_w):
    os.close(RESULT_FD)
    die_with_parent()
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace", line_buffering=True)
    limit = int(req["memory_mb"]) * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError) as err:
        host_note(f"could not apply the {req['memory_mb']} MB memory limit: {err}")
    status, headers, body = run_function(req)
    payload = json.dumps(
        {"status": status, "headers": headers, "body_b64": None if body is None else base64.b64encode(body).decode("ascii")}
    ).encode("utf-8")
    view = memoryview(payload)
    while view:
        view = view[os.write(resp_w, view) :]
    os.close(resp_w)
    sys.stdout.flush()
    sys.stderr.flush()


# ---------------------------------------------------------------- supervisor


def read_until_eof_or_deadline(fd, deadline):
    """Collects the child's response; returns (bytes, reached_eof)."""
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return b"".join(chunks), False
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            data = os.read(fd, 65536)
            if not data:
                return b"".join(chunks), True
            chunks.append(data)


def reap(pid, deadline):
    """wait4() the child, killing it if it is still alive at the deadline; returns (status, rusage, killed)."""
    killed = False
    while True:
        waited, status, usage = os.wait4(pid, os.WNOHANG)
        if waited == pid:
            return status, usage, killed
        if time.monotonic() >= deadline and not killed:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            killed = True
            waited, status, usage = os.wait4(pid, 0)
            return status, usage, killed
        time.sleep(0.005)


def main():
    die_with_parent()
    req = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    started = time.monotonic()
    deadline = started + float(req["timeout_s"])
    resp_r, resp_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            os.close(resp_r)
            child_main(req, resp_w)
            code = 0
        finally:
            os._exit(code)
    os.close(resp_w)

    raw, eof = read_until_eof_or_deadline(resp_r, deadline)
    status, usage, killed = reap(pid, deadline if eof else time.monotonic())
    os.close(resp_r)
    own = resource.getrusage(resource.RUSAGE_SELF)

    response = None
    if eof and raw:
        try:
            response = json.loads(raw.decode("utf-8"))
        except ValueError:
            response = None
    if response is not None:
        outcome = "ok"
    elif not eof or killed:
        outcome = "timeout"
    else:
        outcome = "crash"
    exit_info = {
        "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
    }
    result = {
        "outcome": outcome,
        "response": response,
        "cpu_seconds": usage.ru_utime + usage.ru_stime + own.ru_utime + own.ru_stime,
        "max_rss_kb": usage.ru_maxrss,
        "duration_ms": (time.monotonic() - started) * 1000,
        "exit": exit_info,
    }
    data = memoryview(json.dumps(result).encode("utf-8"))
    while data:
        data = data[os.write(RESULT_FD, data) :]
    os.close(RESULT_FD)


if __name__ == "__main__":
    main()
