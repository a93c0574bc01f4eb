import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { jsonTooDeep, MAX_JSON_DEPTH } from "./json-depth";
import { RequestValidationError } from "./validation";

/** Function code travels Base64 in JSON: 1 MB of source is ~1.4 MB; leave room for the rest. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;

/** Reads a JSON body with a size cap; an empty body is `undefined` so schemas can say it is required. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_JSON_BYTES) throw tooLarge();
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) throw tooLarge();
  if (text.trim() === "") return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new RequestValidationError(
      [{ field: "", message: "must be sent as application/json" }],
      "The request body must be JSON.",
    );
  }
  if (jsonTooDeep(text)) {
    throw new RequestValidationError(
      [{ field: "", message: `nests deeper than ${MAX_JSON_DEPTH} levels` }],
      "The request body is nested too deeply.",
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestValidationError(
      [{ field: "", message: "is not valid JSON" }],
      "The request body is not valid JSON.",
    );
  }
}

function tooLarge(): ApiError {
  return new ApiError({ status: 413, code: "PAYLOAD_TOO_LARGE", message: "The request body is too large." });
}
