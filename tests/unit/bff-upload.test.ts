import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isApiError } from "@/lib/api/api-error";
import { browserBuildAndPushForm, browserBuildForm } from "@/lib/dto/pipeline";
import { RequestValidationError } from "@/server/http/validation";
import { asMultipartRequest, streamUpload, type OutgoingUpload } from "@/server/upstream/multipart-upload";
import type { z } from "zod";

const MB = 1024 * 1024;
const LIMIT = 1 * MB;
const URL_ = "http://127.0.0.1:3000/api/v1/build";
const ZIP_HEAD = [0x50, 0x4b, 0x03, 0x04];

function bytes(size: number, head: number[] = []): Uint8Array {
  const b = new Uint8Array(size).fill(0x61);
  b.set(head);
  return b;
}

function form(file: { name: string; data: Uint8Array } | null, fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append("file", new File([file.data as BlobPart], file.name));
  return fd;
}

/** A real multipart request as a browser sends it: boundary from FormData, body streamed. */
async function multipart(fd: FormData, opts: { contentLength?: boolean; chunked?: boolean } = {}): Promise<Request> {
  const encoded = new Request(URL_, { method: "POST", body: fd });
  const type = encoded.headers.get("content-type")!;
  const body = new Uint8Array(await encoded.arrayBuffer());
  const headers: Record<string, string> = { "content-type": type };
  if (opts.contentLength) headers["content-length"] = String(body.byteLength);
  if (!opts.chunked) return new Request(URL_, { method: "POST", headers, body });
  // Delivered in 64 KiB chunks with no length, as a chunked upload arrives.
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < body.byteLength; i += 65536) c.enqueue(body.subarray(i, i + 65536));
      c.close();
    },
  });
  return new Request(URL_, { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
}

type Received = { fields: Record<string, string>; file: File };

/** What the backend receives: the outgoing stream parsed back into a form. */
async function receive(upload: OutgoingUpload): Promise<Received> {
  const form = await new Response(upload.body, { headers: { "content-type": upload.contentType } }).formData();
  const file = form.get("file") as File;
  const fields = Object.fromEntries([...form.entries()].filter(([k]) => k !== "file")) as Record<string, string>;
  return { fields, file };
}

async function outcome(
  req: Request,
  schema: z.ZodObject = browserBuildForm,
): Promise<{ status: number; field?: string; message?: string }> {
  try {
    await streamUpload(req, { schema, maxFileBytes: LIMIT, send: receive });
    return { status: 200 };
  } catch (err) {
    if (err instanceof RequestValidationError)
      return { status: 400, field: err.field, message: err.issues[0]?.message };
    if (isApiError(err)) return { status: err.status, field: err.details?.field as string | undefined };
    throw err;
  }
}

describe("upload validation", () => {
  it.each([
    [
      "over the limit, Content-Length declared",
      form({ name: "a.py", data: bytes(LIMIT + 1) }),
      { contentLength: true },
      413,
      "file",
    ],
    [
      "over the limit, chunked (counting stream)",
      form({ name: "a.zip", data: bytes(2 * LIMIT, ZIP_HEAD) }),
      { chunked: true },
      413,
      "file",
    ],
    [
      "just over the file limit inside the form overhead",
      form({ name: "a.py", data: bytes(LIMIT + 10) }),
      {},
      413,
      "file",
    ],
    [".zip that is not a zip", form({ name: "a.zip", data: bytes(100) }), {}, 400, "file"],
    [".txt", form({ name: "notes.txt", data: bytes(10) }), {}, 400, "file"],
    ["upper-case extension", form({ name: "MAIN.PY", data: bytes(10) }), {}, 400, "file"],
    ["a folder in the name", form({ name: "../../etc/x.py", data: bytes(10) }), {}, 400, "file"],
    ["empty file", form({ name: "a.py", data: new Uint8Array(0) }), {}, 400, "file"],
    ["no file", form(null, { app_name: "app" }), {}, 400, "file"],
    ["unknown field", form({ name: "a.py", data: bytes(10) }, { extra: "1" }), {}, 400, "extra"],
    ["bad app_name", form({ name: "a.py", data: bytes(10) }, { app_name: "Bad Name" }), {}, 400, "app_name"],
    ["good .py", form({ name: "main.py", data: bytes(LIMIT) }), { contentLength: true }, 200, undefined],
    [
      "good .zip, chunked",
      form({ name: "src.zip", data: bytes(1000, ZIP_HEAD) }, { app_name: "my-app" }),
      { chunked: true },
      200,
      undefined,
    ],
  ] as const)("%s → %i", async (_name, fd, opts, status, field) => {
    const result = await outcome(await multipart(fd, opts));
    expect(result.status).toBe(status);
    if (field) expect(result.field).toBe(field);
  });

  it("refuses a body that is not multipart", async () => {
    const req = new Request(URL_, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect((await outcome(req)).status).toBe(400);
  });

  it("refuses registry credentials from the browser by name, without echoing them", async () => {
    const fd = form(
      { name: "a.py", data: bytes(10) },
      { registry_url: "registry.example.com/app", username: "AWS", password: "browser-sent-pass" },
    );
    try {
      await streamUpload(await multipart(fd), { schema: browserBuildAndPushForm, maxFileBytes: LIMIT, send: receive });
      expect.unreachable();
    } catch (err) {
      const e = err as RequestValidationError;
      expect(e.issues.map((i) => i.field).sort()).toEqual(["password", "username"]);
      expect(JSON.stringify({ m: e.message, i: e.issues })).not.toContain("browser-sent-pass");
    }
  });

  it("passes a good upload on with the file intact, defaults applied and server-side fields added", async () => {
    const data = new Uint8Array(300_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + 7) & 0xff;
    data.set(ZIP_HEAD);
    const fd = form(
      { name: "src.zip", data },
      { registry_url: "registry.example.com/app", tag: "", app_name: "my-app" },
    );
    const got = await streamUpload(await multipart(fd, { chunked: true }), {
      schema: browserBuildAndPushForm,
      maxFileBytes: LIMIT,
      extraFields: () => ({ username: "ci", password: "server-side" }),
      send: receive,
    });
    expect(got.file.name).toBe("src.zip");
    expect(new Uint8Array(await got.file.arrayBuffer())).toEqual(data);
    expect(got.fields).toEqual({
      registry_url: "registry.example.com/app",
      tag: "sha256",
      app_name: "my-app",
      workspace_id: "ws-default",
      username: "ci",
      password: "server-side",
    });
  });

  it("accepts a server action's FormData through the same path", async () => {
    const got = await streamUpload(asMultipartRequest(form({ name: "main.py", data: bytes(2048) })), {
      schema: browserBuildForm,
      maxFileBytes: LIMIT,
      send: receive,
    });
    expect(got.file.size).toBe(2048);
  });

  it("refuses a field sent after the file (it could not be validated before the file moved)", async () => {
    const fd = new FormData();
    fd.append("file", new File([bytes(10) as BlobPart], "a.py"));
    fd.append("app_name", "late");
    expect(await outcome(await multipart(fd))).toMatchObject({ status: 400, field: "app_name" });
  });
});

describe("spooling", () => {
  let spoolDir: string;
  beforeEach(async () => {
    spoolDir = await mkdtemp(join(tmpdir(), "upload-test-"));
    vi.stubEnv("TMPDIR", spoolDir);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(spoolDir, { recursive: true, force: true });
  });

  /** A multipart body whose file is produced chunk by chunk as it is read, counting what was produced. */
  async function producedUpload(totalChunks: number, chunk: number) {
    const fd = form({ name: "big.py", data: new Uint8Array(0) });
    const encoded = new Request(URL_, { method: "POST", body: fd });
    const type = encoded.headers.get("content-type")!;
    const boundary = type.split("boundary=")[1]!;
    const raw = new TextDecoder().decode(await encoded.arrayBuffer());
    const [head, tail] = [raw.slice(0, raw.lastIndexOf(`\r\n--${boundary}--`)), `\r\n--${boundary}--\r\n`];
    const state = { produced: 0 };
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(head));
      },
      pull(c) {
        if (state.produced === totalChunks) {
          c.enqueue(new TextEncoder().encode(tail));
          c.close();
          return;
        }
        state.produced++;
        c.enqueue(new Uint8Array(chunk).fill(0x61));
      },
    });
    const req = new Request(URL_, {
      method: "POST",
      headers: { "content-type": type },
      body,
      duplex: "half",
    } as RequestInit);
    return { req, state };
  }

  it("forwards nothing before the whole form has arrived, then reads the file back in small chunks and removes it", async () => {
    const CHUNK = 256 * 1024;
    const TOTAL_CHUNKS = 32; // 8 MB
    const { req, state } = await producedUpload(TOTAL_CHUNKS, CHUNK);
    const result = await streamUpload(req, {
      schema: browserBuildForm,
      maxFileBytes: 64 * 1024 * 1024,
      send: async ({ body: out }) => {
        const producedAtSend = state.produced;
        let total = 0;
        let largest = 0;
        for await (const c of out as unknown as AsyncIterable<Uint8Array>) {
          total += c.byteLength;
          largest = Math.max(largest, c.byteLength);
        }
        return { producedAtSend, total, largest, spooled: await readdir(spoolDir) };
      },
    });
    expect(result.producedAtSend).toBe(TOTAL_CHUNKS);
    expect(result.total).toBeGreaterThan(TOTAL_CHUNKS * CHUNK);
    // Never the whole file at once: chunks of the read stream's size.
    expect(result.largest).toBeLessThanOrEqual(256 * 1024);
    expect(result.spooled).toHaveLength(1);
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it.each([
    [
      "a field after the file",
      () => {
        const fd = new FormData();
        fd.append("file", new File([bytes(5000) as BlobPart], "a.py"));
        fd.append("app_name", "late");
        return fd;
      },
      400,
    ],
    ["a field sent twice", () => form({ name: "a.py", data: bytes(10) }, { app_name: "one" }), 400],
    ["over the size limit", () => form({ name: "a.py", data: bytes(LIMIT + 5000) }), 413],
  ] as const)("%s: send never runs and nothing stays on disk", async (_name, make, status) => {
    let fd: FormData = make();
    if (_name === "a field sent twice") {
      fd.append("app_name", "two");
      fd = reorderFileLast(fd);
    }
    let sent = 0;
    const result = await streamUpload(await multipart(fd), {
      schema: browserBuildForm,
      maxFileBytes: LIMIT,
      send: async () => {
        sent++;
        return "sent";
      },
    }).then(
      () => ({ status: 200 }),
      (err: unknown) => ({ status: err instanceof RequestValidationError ? 400 : (err as { status: number }).status }),
    );
    expect(result.status).toBe(status);
    expect(sent).toBe(0);
    await expect.poll(() => readdir(spoolDir)).toEqual([]);
  });
});

/** The same entries with the file moved last, as a browser sends a form whose file input comes last. */
function reorderFileLast(fd: FormData): FormData {
  const out = new FormData();
  const entries = [...fd.entries()];
  for (const [k, v] of entries) if (k !== "file") out.append(k, v);
  for (const [k, v] of entries) if (k === "file") out.append(k, v);
  return out;
}
