"""Build steps the embedded backend delegates to Python (local/backend/build/python-tools.ts).

stdin   one JSON request: {"kind": "py"|"zip", "source": path, "name": upload name, "out": dir,
        "max_files": n, "max_bytes": n}
stdout  one JSON answer: {"ok": true, "handler": "app.py", "module": "app", "shape": "spin"|"plain",
        "files": n, "bytes": n} or {"ok": false, "error": "message for the user"}

`out` is an empty directory that receives the application's files: the uploaded .py as app.py, or
the zip's contents, extracted safely (no absolute paths, no `..`, no symlinks or special files, no
encrypted entries, a file count and a byte budget counted while writing). Every .py file is then
compiled, so a syntax error fails the build with Python's own message and line.
"""
import ast
import json
import os
import shutil
import stat
import sys
import zipfile
import zlib

HANDLER_CANDIDATES = ("app.py", "main.py", "handler.py", "lambda_function.py")
IGNORED_PREFIXES = ("__MACOSX/",)
CHUNK = 64 * 1024


class BuildError(Exception):
    pass


def check_member_name(name):
    if "\x00" in name or "\\" in name:
        raise BuildError(f"zip entry {name!r} has an unsupported path (NUL or backslash)")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise BuildError(f"zip entry {name!r} has an absolute path")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise BuildError(f"zip entry {name!r} escapes the archive (path traversal with '..')")
    return parts


def check_member_type(info):
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFLNK:
        raise BuildError(f"zip entry {info.filename!r} is a symbolic link; links are not allowed")
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise BuildError(f"zip entry {info.filename!r} is a special file; only files and folders are allowed")
    if info.flag_bits & 0x1:
        raise BuildError(f"zip entry {info.filename!r} is encrypted")


def extract_zip(source, out, max_files, max_bytes):
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise BuildError(f"not a valid zip archive: {err}")
    with zf:
        infos = [i for i in zf.infolist() if not i.filename.startswith(IGNORED_PREFIXES)]
        if len(infos) > max_files:
            raise BuildError(f"the zip has {len(infos)} entries; at most {max_files} are allowed")
        declared = sum(i.file_size for i in infos)
        if declared > max_bytes:
            raise BuildError(f"the zip expands to {declared} bytes; at most {max_bytes} are allowed (zip bomb?)")
        root = os.path.realpath(out)
        written = 0
        for info in infos:
            parts = check_member_name(info.filename)
            check_member_type(info)
            if not parts:
                continue
            target = os.path.join(root, *parts)
            if os.path.commonpath([root, os.path.realpath(os.path.dirname(target))]) != root:
                raise BuildError(f"zip entry {info.filename!r} escapes the archive")
            if info.is_dir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            try:
                # "xb": a duplicate entry can never overwrite a file written earlier.
                with zf.open(info) as src, open(target, "xb") as dst:
                    while True:
                        chunk = src.read(CHUNK)
                        if not chunk:
                            break
                        written += len(chunk)
                        if written > max_bytes:
                            raise BuildError(f"the zip expands to more than {max_bytes} bytes (zip bomb?)")
                        dst.write(chunk)
            except FileExistsError:
                raise BuildError(f"zip entry {info.filename!r} appears twice")
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, zlib.error) as err:
                raise BuildError(f"zip entry {info.filename!r} cannot be read: {err}")
    hoist_single_folder(root)
    return written


def hoist_single_folder(root):
    """Archives made with "compress folder" wrap everything in one folder: the app is inside it."""
    entries = os.listdir(root)
    if len(entries) != 1 or not os.path.isdir(os.path.join(root, entries[0])):
        return
    inner = os.path.join(root, entries[0])
    temp = os.path.join(root, ".hoist")
    os.rename(inner, temp)
    for name in os.listdir(temp):
        os.rename(os.path.join(temp, name), os.path.join(root, name))
    os.rmdir(temp)


def compile_all(root, display_names):
    """Compiles every .py file; returns {relative path: parsed module}. Errors name files as the user knows them."""
    modules = {}
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            shown = display_names.get(rel, rel)
            with open(full, "rb") as f:
                data = f.read()
            try:
                compile(data, shown, "exec", dont_inherit=True)
                modules[rel] = ast.parse(data, shown)
            except SyntaxError as err:
                where = f"{shown}, line {err.lineno}" + (f", column {err.offset}" if err.offset else "")
                text = (err.text or "").strip()
                raise BuildError(f"{where}: {type(err).__name__}: {err.msg}" + (f" (in: {text})" if text else ""))
            except ValueError as err:
                raise BuildError(f"{shown}: cannot be compiled: {err}")
    return modules


def handler_shape(tree):
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name) for a in node.names)
    if "IncomingHandler" in names:
        return "spin"
    if "handler" in names:
        return "plain"
    return None


def find_handler(modules):
    top = [m for m in modules if "/" not in m]
    ordered = [c for c in HANDLER_CANDIDATES if c in modules] + sorted(m for m in top if m not in HANDLER_CANDIDATES)
    for rel in ordered:
        shape = handler_shape(modules[rel])
        if shape:
            return rel, shape
    wanted = "`class IncomingHandler(http.IncomingHandler)` or `def handler(event)`"
    if not top:
        raise BuildError(f"no handler module: the archive has no .py file at its top level (expected app.py defining {wanted})")
    raise BuildError(f"no handler module: none of {', '.join(ordered)} defines {wanted}")


def build(req):
    out = req["out"]
    display_names = {}
    if req["kind"] == "py":
        # The handler module is always app.py in the package; messages keep the uploaded name.
        shutil.copyfile(req["source"], os.path.join(out, "app.py"))
        display_names["app.py"] = req.get("name") or "app.py"
        total = os.path.getsize(req["source"])
    else:
        total = extract_zip(req["source"], out, int(req["max_files"]), int(req["max_bytes"]))
    modules = compile_all(out, display_names)
    handler, shape = find_handler(modules)
    count = sum(len(files) for _, _, files in os.walk(out))
    return {"ok": True, "handler": handler, "module": handler[:-3].replace("/", "."), "shape": shape, "files": count, "bytes": total}


def main():
    req = json.loads(sys.stdin.read())
    try:
        answer = build(req)
    except BuildError as err:
        answer = {"ok": False, "error": str(err)}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()
