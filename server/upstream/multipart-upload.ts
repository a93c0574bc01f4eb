import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import type { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { BUILD_FILE_EXTENSIONS } from "@/lib/contract";
import { env } from "@/server/env";
import { parseInput, RequestValidationError } from "@/server/http/validation";
import { spoolToDisk, type Spool } from "@/server/uploads/spool";
import { multipartStream } from "./multipart-writer";

/*
 * Multipart uploads for /api/v1/build and /api/v1/build-and-push. busboy parses the browser's body as
 * it arrives and the file is spooled to a temporary file (server/uploads/spool.ts); only when the whole
 * form has arrived and passed every check (fields once each and before the file, no browser-sent
 * credential, size, name, signature) does anything go to the backend: a refused upload is never
 * forwarded, not even in part. Memory stays at a few chunks whatever the upload's size.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04": the start of every non-empty zip
// A name only: no folders, no control characters (it ends up in an S3 key and in logs).
// eslint-disable-next-line no-control-regex
const SAFE_FILE_NAME = /^[^/\\\u0000-\u001f\u007f]{1,255}$/;
const FORM_OVERHEAD_BYTES = 64 * 1024;

export function uploadLimitBytes(): number {
  return env().UPLOAD_MAX_MB * 1024 * 1024;
}

export function tooLarge(maxFileBytes: number): ApiError {
  const mb = Math.round((maxFileBytes / (1024 * 1024)) * 10) / 10;
  return new ApiError({
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
    message: `The file is larger than ${mb} MB.`,
    details: { field: "file" },
  });
}

const invalid = (field: string, message: string) => new RequestValidationError([{ field, message }]);

export type OutgoingUpload = { body: ReadableStream<Uint8Array>; contentType: string };
type Options<S extends z.ZodObject, T> = {
  schema: S;
  maxFileBytes: number;
  /** Server-side fields added to what the browser sent (registry credentials). */
  extraFields?: (fields: z.output<S>) => Record<string, string>;
  /** Sends the re-encoded form on; it resolves with the backend's answer. */
  send: (upload: OutgoingUpload, fields: z.output<S>) => Promise<T>;
};

/** Accepts a route handler's request, or a server action's FormData (re-encoded, then the same path). */
export function asMultipartRequest(input: Request | FormData): Request {
  return input instanceof FormData ? new Request("http://upload.invalid/", { method: "POST", body: input }) : input;
}

export async function streamUpload<S extends z.ZodObject, T>(request: Request, opts: Options<S, T>): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;.*\bboundary=/i.test(type)) throw invalid("", "must be sent as multipart/form-data");
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > opts.maxFileBytes + FORM_OVERHEAD_BYTES)
    throw tooLarge(opts.maxFileBytes);
  if (!request.body) throw invalid("file", "is required");

  const parser = busboy({
    headers: { "content-type": type },
    // Keep the name as sent so a path is refused by name rather than silently cut to its last segment.
    preservePath: true,
    // busboy trips its limit on reaching it; a file of exactly the limit is allowed.
    limits: { files: 1, fields: 20, fieldSize: 4096, parts: 21, fileSize: opts.maxFileBytes + 1 },
  });
  const source = Readable.fromWeb(request.body as WebReadableStream);

  const received = await new Promise<Received>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let failure: unknown = null;
    let file: { info: busboy.FileInfo; spool: Promise<Spool> } | null = null;
    const refused = new AbortController();
    const fail = (err: unknown) => {
      if (failure) return;
      failure = err;
      source.unpipe(parser);
      source.destroy();
      // Stops a spool under way (it then removes its file); one already done is removed here.
      refused.abort();
      void file?.spool.then(
        (s) => s.dispose(),
        () => undefined,
      );
      reject(err);
    };

    parser.on("field", (name, value, info) => {
      if (file) return fail(invalid(name, "must come before the file"));
      if (info.valueTruncated) return fail(invalid(name, "is too long"));
      if (name in fields) return fail(invalid(name, "must be sent once"));
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (failure) return void stream.resume();
      if (name !== "file") return fail(invalid(name, "is not a known field"));
      const problem = fileNameProblem(info.filename ?? "");
      if (problem) return fail(problem);
      stream.on("limit", () => fail(tooLarge(opts.maxFileBytes)));
      file = { info, spool: spoolToDisk(stream, refused.signal) };
      file.spool.catch((err: unknown) => fail(failure ?? err));
    });
    parser.on("filesLimit", () => fail(invalid("file", "must be a single file")));
    parser.on("fieldsLimit", () => fail(invalid("", "has too many fields")));
    parser.on("error", () => fail(invalid("", "is not a valid multipart/form-data body")));
    parser.on("close", () => {
      if (failure) return;
      if (!file) return fail(invalid("file", "is required"));
      const { info } = file;
      file.spool.then((spool) => (failure ? void spool.dispose() : resolve({ fields, info, spool })), fail);
    });
    source.on("error", () => fail(invalid("", "was interrupted")));
    source.pipe(parser);
  });
  try {
    return await forward(received, opts);
  } finally {
    await received.spool.dispose();
  }
}

type Received = { fields: Record<string, string>; info: busboy.FileInfo; spool: Spool };

function fileNameProblem(name: string): RequestValidationError | null {
  if (!SAFE_FILE_NAME.test(name)) return invalid("file", "needs a plain file name (no folders)");
  if (!BUILD_FILE_EXTENSIONS.some((e) => name.endsWith(e)))
    return invalid("file", `must be a ${BUILD_FILE_EXTENSIONS.join(" or ")} file`);
  return null;
}

/** The whole form is here and on disk: validate the fields and the file's first bytes, then send it on. */
async function forward<S extends z.ZodObject, T>(
  { fields: raw, info, spool }: Received,
  opts: Options<S, T>,
): Promise<T> {
  const name = info.filename ?? "";
  // An empty input of an HTML form means "not given".
  const given = Object.fromEntries(Object.entries(raw).filter(([k, v]) => !(v === "" && k in opts.schema.shape)));
  const fields = parseInput(opts.schema, given);
  if (spool.bytes === 0) throw invalid("file", "is empty");
  if (spool.bytes > opts.maxFileBytes) throw tooLarge(opts.maxFileBytes);
  if (name.endsWith(".zip") && !ZIP_MAGIC.every((b, i) => spool.head[i] === b))
    throw invalid("file", "is not a zip archive");

  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = String(v);
  Object.assign(out, opts.extraFields?.(fields));
  const upload = multipartStream(out, {
    name,
    contentType: info.mimeType || "application/octet-stream",
    firstChunk: new Uint8Array(0),
    rest: spool.chunks(),
  });
  return opts.send(upload, fields);
}
