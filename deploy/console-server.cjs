// The console's production entry point: Next's standalone server.js, with its build-hashed static
// assets (/_next/static/) answered from files brotli-compressed at build time (`npm run build` writes a
// .br beside each) when the browser accepts br. Next itself only gzips, and on every request; brotli
// at quality 11 is 15-20 % smaller than gzip and costs nothing per request when done once.
// Plain CommonJS because it runs as is from .next/standalone/ (and in the container).
"use strict";
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const v8 = require("node:v8");
const vm = require("node:vm");

const STATIC_PREFIX = "/_next/static/";
const staticDir = path.join(__dirname, ".next", "static");
const TYPES = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".map": "application/json",
  ".txt": "text/plain; charset=UTF-8",
};

/** Every precompressed asset, by URL path, read once at start: no file system lookup per request. */
function precompressed() {
  const found = new Map();
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".br")) {
        const original = full.slice(0, -3);
        const type = TYPES[path.extname(original)];
        if (!type) continue;
        const url = STATIC_PREFIX + path.relative(staticDir, original).split(path.sep).join("/");
        found.set(url, { file: full, type, size: fs.statSync(full).size });
      }
    }
  };
  walk(staticDir);
  return found;
}
const assets = precompressed();

function acceptsBrotli(req) {
  const accept = req.headers["accept-encoding"];
  return (
    typeof accept === "string" && /(?:^|,)\s*br\s*(?:;\s*q=(?!0(?:\.0*)?\s*(?:,|$))[\d.]+)?\s*(?:,|$)/i.test(accept)
  );
}

/** Answers a request for a precompressed asset and returns true, or returns false to let Next answer. */
function serveBrotli(req, res) {
  if ((req.method !== "GET" && req.method !== "HEAD") || !req.url || !req.url.startsWith(STATIC_PREFIX)) return false;
  const asset = assets.get(req.url.split("?")[0]);
  if (!asset || !acceptsBrotli(req)) return false;
  res.writeHead(200, {
    "content-type": asset.type,
    "content-encoding": "br",
    "content-length": asset.size,
    vary: "Accept-Encoding",
    // File names carry a content hash: cached for good, as Next does for these.
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
  });
  if (req.method === "HEAD") res.end();
  else
    fs.createReadStream(asset.file)
      .on("error", () => res.destroy())
      .pipe(res);
  return true;
}

/**
 * An API path with a broken percent-escape (`/api/workspaces/%ZZ`) makes Next's router throw while it
 * decodes the route's params, before any handler or the proxy (which covers pages only) runs: Next
 * answers a plain-text 500. Answered here instead: 400 in the contract's envelope.
 */
function refuseMalformedApiPath(req, res) {
  const url = req.url || "";
  if (!url.startsWith("/api/") || !url.includes("%")) return false;
  try {
    decodeURIComponent(url.split("?")[0]);
    return false;
  } catch {
    const body = JSON.stringify({
      error: { code: "VALIDATION_ERROR", message: "The request path has an invalid percent-escape.", details: {} },
    });
    res.writeHead(400, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    res.end(body);
    return true;
  }
}

/**
 * One full garbage collection when the server goes quiet after serving. V8 collects on allocation, so
 * a server that stops receiving requests keeps the garbage of its last burst: its memory reducer only
 * sometimes runs in an idle Node process (in 2 of 4 runs here the heap stayed at 155-176 % of its start
 * for the whole idle period). After IDLE_GC_SECONDS (default 10; 0 turns it off) with no request,
 * following a period with requests, the heap is collected once, which costs a pause of tens of
 * milliseconds when nobody is waiting. `--expose-gc` is set here, not on the command line, so every
 * way of starting the console (npm start, the Dockerfile, the manifest) gets the same behaviour.
 */
function collectWhenIdle() {
  const seconds = Number(process.env.IDLE_GC_SECONDS ?? 10);
  if (!(seconds > 0)) return () => undefined;
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  let served = 0;
  let collected = true;
  setInterval(() => {
    if (served > 0) {
      served = 0;
      collected = false;
    } else if (!collected) {
      collected = true;
      gc();
    }
  }, seconds * 1000).unref();
  return () => {
    served++;
  };
}
const noteRequest = collectWhenIdle();

const createServer = http.createServer;
http.createServer = function (...args) {
  const index = args.findIndex((a) => typeof a === "function");
  if (index >= 0) {
    const next = args[index];
    args[index] = (req, res) => {
      noteRequest();
      if (!refuseMalformedApiPath(req, res) && !serveBrotli(req, res)) next(req, res);
    };
  }
  return createServer.apply(this, args);
};

require("./server.js");
