import type { IncomingMessage } from "node:http";
import { ApiError, validationError } from "../http/errors";

/** The spec allows big uploads (a zipped app); beyond this the request is refused with 413. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export type UploadedFile = { name: string; bytes: Buffer };
export type MultipartForm = { fields: Record<string, string>; files: Record<string, UploadedFile> };

const tooLarge = (limit: number) =>
  new ApiError(413, "PAYLOAD_TOO_LARGE", `the upload exceeds ${limit} bytes`, { field: "file", limit });

/**
 * Parses a multipart/form-data request with undici's parser (Node's own `Response.formData()`),
 * fed through a counting stream: a body past `limit` is refused with 413 whatever the
 * Content-Length claimed, and one that announces more is refused before a byte is read.
 */
export async function readMultipart(req: IncomingMessage, limit = MAX_UPLOAD_BYTES): Promise<MultipartForm> {
  const type = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type) || !/boundary=/i.test(type)) {
    throw validationError("file", "the request must be multipart/form-data with a `file` part");
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // discard, so the 413 can be sent without a reset
    throw tooLarge(limit);
  }

  let exceeded = false;
  let size = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (exceeded) return;
        size += chunk.length;
        if (size > limit) {
          exceeded = true;
          controller.error(tooLarge(limit));
          return;
        }
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
      });
      req.on("end", () => {
        if (!exceeded) controller.close();
      });
      req.on("error", (err) => {
        if (!exceeded) controller.error(err);
      });
    },
  });

  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch (err) {
    if (exceeded) throw tooLarge(limit);
    throw validationError("file", `malformed multipart body: ${(err as Error).message}`);
  }

  const out: MultipartForm = { fields: {}, files: {} };
  for (const [name, value] of form.entries()) {
    // The first occurrence wins, as FastAPI's Form()/File() parameters take the first value.
    if (name in out.fields || name in out.files) continue;
    if (typeof value === "string") out.fields[name] = value;
    else out.files[name] = { name: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
  }
  return out;
}
