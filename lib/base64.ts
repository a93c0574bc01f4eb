/**
 * UTF-8-safe Base64 for function source code (`FunctionConfig.code`).
 *
 * Isomorphic on purpose: the editor encodes in the browser and the BFF may decode in Node, so only
 * TextEncoder/TextDecoder and btoa/atob are used (all present in Node 20 and every browser); no Buffer.
 */
import { BASE64 } from "@/lib/contract/rules";

export type Base64DecodeReason = "invalid-length" | "invalid-character" | "invalid-padding" | "invalid-utf8";

/** Thrown when a Base64 string is malformed or its bytes are not UTF-8 text. */
export class Base64DecodeError extends Error {
  override readonly name = "Base64DecodeError";
  constructor(
    readonly reason: Base64DecodeReason,
    message: string,
  ) {
    super(message);
  }
}

// String.fromCharCode(...bytes) spreads onto the call stack; 32 KiB per call stays far below engine limits.
const CHUNK = 0x8000;

/**
 * Encodes text as UTF-8 bytes in standard, padded Base64 (what the backend's Python `b64decode` expects).
 * Lone UTF-16 surrogates cannot exist in UTF-8; TextEncoder writes them as U+FFFD.
 */
export function encodeUtf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * Decodes standard, padded Base64 into UTF-8 text, byte for byte.
 * Stricter than atob (which tolerates whitespace and missing padding) so that what we accept is exactly
 * what the contract's `base64String` schema and the backend accept.
 */
export function decodeUtf8Base64(b64: string): string {
  if (!BASE64.test(b64)) throw describeInvalid(b64);
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    // ignoreBOM keeps a leading U+FEFF in the text, so re-encoding yields the same bytes.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Base64DecodeError("invalid-utf8", "The Base64 data decodes to bytes that are not valid UTF-8 text.");
  }
}

/** Names the first problem, so a user or a log says what is wrong rather than "invalid". */
function describeInvalid(b64: string): Base64DecodeError {
  const bad = b64.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) {
    const shown = JSON.stringify(b64.charAt(bad));
    return new Base64DecodeError(
      "invalid-character",
      `Invalid Base64: character ${shown} at position ${bad} is not in the Base64 alphabet.`,
    );
  }
  if (b64.length % 4 !== 0) {
    return new Base64DecodeError(
      "invalid-length",
      `Invalid Base64: length ${b64.length} is not a multiple of 4 (is padding missing?).`,
    );
  }
  return new Base64DecodeError(
    "invalid-padding",
    "Invalid Base64: '=' padding may only appear at the end, at most twice.",
  );
}
