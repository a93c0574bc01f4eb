import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import type { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { BUILD_FILE_EXTENSIONS } from "@/lib/contract";
import { env } from "@/server/env";
import { parseInput, RequestValidationError } from "@/server/http/validation";
import { multipartStream } from "./multipart-writer";

/*
 * Multipart uploads for /api/v1/build and /api/v1/build-and-push, streamed: busboy parses the browser's
 * body as it arrives, the text fields are validated before a byte of the file moves, and the file then
 * flows to the backend chunk by chunk with its size counted on the way. Memory stays at a few chunks
 * whatever the upload's size. The file must be the last part, as browsers send a form whose file input
 * comes last; a field after it is refused.
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
  return new ApiError({ status: 413, code: "PAYLOAD_TOO_LARGE", message: `The file is larger than ${mb} MB.`, details: { field: "file" } });
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
  if (Number.isFinite(declared) && declared > opts.maxFileBytes + FORM_OVERHEAD_BYTES) throw tooLarge(opts.maxFileBytes);
  if (!request.body) throw invalid("file", "is required");

  const parser = busboy({
    headers: { "content-type": type },
    // Keep the name as sent so a path is refused by name rather than silently cut to its last segment.
    preservePath: true,
    // busboy trips its limit on reaching it; a file of exactly the limit is allowed.
    limits: { files: 1, fields: 20, fieldSize: 4096, parts: 21, fileSize: opts.maxFileBytes + 1 },
  });
  const source = Readable.fromWeb(request.body as WebReadableStream);

  return new Promise<T>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let failure: unknown = null;
    let fileSeen = false;
    const fail = (err: unknown) => {
      if (failure) return;
      failure = err;
      source.unpipe(parser);
      source.destroy();
      reject(err);
    };

    parser.on("field", (name, value, info) => {
      if (fileSeen) return fail(invalid(name, "must come before the file"));
      if (info.valueTruncated) return fail(invalid(name, "is too long"));
      if (name in fields) return fail(invalid(name, "must be sent once"));
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file") return fail(invalid(name, "is not a known field"));
      fileSeen = true;
      handleFile(stream, info, fields, opts)
        .then((result) => (failure ? undefined : resolve(result)))
        .catch((err: unknown) => fail(failure ?? err));
      stream.on("limit", () => fail(tooLarge(opts.maxFileBytes)));
    });
    parser.on("filesLimit", () => fail(invalid("file", "must be a single file")));
    parser.on("fieldsLimit", () => fail(invalid("", "has too many fields")));
    parser.on("error", () => fail(invalid("", "is not a valid multipart/form-data body")));
    parser.on("close", () => {
      if (!fileSeen) fail(invalid("file", "is required"));
    });
    source.on("error", () => fail(invalid("", "was interrupted")));
    source.pipe(parser);
  });
}

/** Validates the fields and the file's name and first bytes, then streams it on. */
async function handleFile<S extends z.ZodObject, T>(
  stream: Readable,
  info: busboy.FileInfo,
  raw: Record<string, string>,
  opts: Options<S, T>,
): Promise<T> {
  const name = info.filename ?? "";
  if (!SAFE_FILE_NAME.test(name)) throw invalid("file", "needs a plain file name (no folders)");
  const ext = BUILD_FILE_EXTENSIONS.find((e) => name.endsWith(e));
  if (!ext) throw invalid("file", `must be a ${BUILD_FILE_EXTENSIONS.join(" or ")} file`);
  // An empty input of an HTML form means "not given".
  const given = Object.fromEntries(Object.entries(raw).filter(([k, v]) => !(v === "" && k in opts.schema.shape)));
  const fields = parseInput(opts.schema, given);

  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  const head = first.done ? new Uint8Array(0) : new Uint8Array(first.value);
  if (head.byteLength === 0) throw invalid("file", "is empty");
  if (ext === ".zip" && !ZIP_MAGIC.every((b, i) => head[i] === b)) throw invalid("file", "is not a zip archive");

  // busboy ends a file that passes the size limit early with `truncated` set: fail the outgoing body
  // then, so the backend never receives a cut file as if it were whole.
  const rest = (async function* () {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield new Uint8Array(next.value);
    if ((stream as Readable & { truncated?: boolean }).truncated) throw tooLarge(opts.maxFileBytes);
  })();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = String(v);
  Object.assign(out, opts.extraFields?.(fields));
  const upload = multipartStream(out, { name, contentType: info.mimeType || "application/octet-stream", firstChunk: head, rest });
  return opts.send(upload, fields);
}
