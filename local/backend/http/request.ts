import type { IncomingMessage } from "node:http";
import { ApiError, validationError } from "./errors";

/** Invocation payloads and source uploads stay well under this; anything bigger is refused early. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ApiError(413, "PAYLOAD_TOO_LARGE", `request body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body; an empty body is `undefined`, malformed JSON is a 400 like FastAPI's. */
export function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch (err) {
    throw validationError("body", `request body is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * Only the named query parameters reach the (strict) contract schemas: FastAPI ignores unknown
 * parameters, so a cache-buster added by a proxy must not turn into a 400 here either.
 */
export function pickQuery(query: URLSearchParams, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = query.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}
