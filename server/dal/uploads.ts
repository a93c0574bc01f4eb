import "server-only";
import type { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { BUILD_FILE_EXTENSIONS } from "@/lib/contract";
import { env } from "@/server/env";
import { parseInput, RequestValidationError } from "@/server/http/validation";

/*
 * Multipart uploads for /api/v1/build and /api/v1/build-and-push. The body is counted as it arrives
 * and cut off past the limit, so an oversized upload costs at most the limit in memory. It is then
 * parsed with the platform's Request.formData(), which holds the (bounded) file in memory: a streaming
 * parser (busboy) would let the file flow to the backend unbuffered, but it is not a dependency yet.
 */

/** Room for the form's text fields and part headers on top of the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04": a local file header, the start of every non-empty zip
// A name only: no folders, no control characters (it ends up in an S3 key and in logs).
// eslint-disable-next-line no-control-regex
const SAFE_FILE_NAME = /^[^/\\\u0000-\u001f\u007f]{1,255}$/;

export type Upload<T> = { file: File; fields: T };

export function uploadLimitBytes(): number {
  return env().UPLOAD_MAX_MB * 1024 * 1024;
}

function tooLarge(maxFileBytes: number): ApiError {
  const mb = Math.round((maxFileBytes / (1024 * 1024)) * 10) / 10;
  return new ApiError({ status: 413, code: "PAYLOAD_TOO_LARGE", message: `The file is larger than ${mb} MB.`, details: { field: "file" } });
}

function invalid(field: string, message: string): RequestValidationError {
  return new RequestValidationError([{ field, message }]);
}

/** Passes chunks through, erroring once more than `limit` bytes went by (Content-Length can lie or be absent). */
export function byteLimit(limit: number): { stream: TransformStream<Uint8Array, Uint8Array>; exceeded: () => boolean } {
  let received = 0;
  let over = false;
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      received += chunk.byteLength;
      if (received > limit) {
        over = true;
        controller.error(new Error("upload exceeds the size limit"));
        return;
      }
      controller.enqueue(chunk);
    },
  });
  return { stream, exceeded: () => over };
}

/** Reads a multipart request with the size enforced before and while reading. */
export async function readMultipart(request: Request, maxFileBytes: number): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;.*\bboundary=/i.test(type)) throw invalid("", "must be sent as multipart/form-data");
  const maxBody = maxFileBytes + FORM_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBody) throw tooLarge(maxFileBytes);
  if (!request.body) throw invalid("file", "is required");

  const limit = byteLimit(maxBody);
  try {
    return await new Response(request.body.pipeThrough(limit.stream), { headers: { "content-type": type } }).formData();
  } catch {
    if (limit.exceeded()) throw tooLarge(maxFileBytes);
    throw invalid("", "is not a valid multipart/form-data body");
  }
}

/**
 * Checks the one `file` part (name, size, zip signature) and validates the text fields with `schema`
 * (strict: an unknown field, such as a registry password, is refused by name, never echoed).
 */
export async function validateUploadForm<S extends z.ZodObject>(form: FormData, schema: S, maxFileBytes: number): Promise<Upload<z.output<S>>> {
  const files = form.getAll("file");
  const file = files[0];
  if (files.length !== 1 || file === undefined) throw invalid("file", files.length === 0 ? "is required" : "must be a single file");
  if (typeof file === "string") throw invalid("file", "must be a file, not text");
  await checkFile(file, maxFileBytes);

  const fields: Record<string, string> = {};
  for (const key of new Set(form.keys())) {
    if (key === "file") continue;
    const values = form.getAll(key);
    const value = values[0];
    if (values.length !== 1 || typeof value !== "string") throw invalid(key, values.length !== 1 ? "must be sent once" : "must be text");
    // An empty input of an HTML form means "not given"; unknown names still reach the strict schema.
    if (value === "" && key in schema.shape) continue;
    fields[key] = value;
  }
  return { file, fields: parseInput(schema, fields) };
}

async function checkFile(file: File, maxFileBytes: number): Promise<void> {
  if (!SAFE_FILE_NAME.test(file.name)) throw invalid("file", "needs a plain file name (no folders)");
  const ext = BUILD_FILE_EXTENSIONS.find((e) => file.name.endsWith(e));
  if (!ext) throw invalid("file", `must be a ${BUILD_FILE_EXTENSIONS.join(" or ")} file`);
  if (file.size > maxFileBytes) throw tooLarge(maxFileBytes);
  if (file.size === 0) throw invalid("file", "is empty");
  if (ext === ".zip") {
    const head = new Uint8Array(await file.slice(0, ZIP_MAGIC.length).arrayBuffer());
    if (!ZIP_MAGIC.every((b, i) => head[i] === b)) throw invalid("file", "is not a zip archive");
  }
}

/** The form sent to the backend: validated fields (defaults applied), server-side extras, then the file. */
export function outgoingForm(upload: Upload<Record<string, unknown>>, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(upload.fields)) if (value !== undefined) form.append(key, String(value));
  for (const [key, value] of Object.entries(extra)) form.append(key, value);
  form.append("file", upload.file, upload.file.name);
  return form;
}
