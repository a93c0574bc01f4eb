import { validationError } from "../http/errors";
import type { UploadedFile } from "./multipart";

export type SourceKind = "py" | "zip";

const utf8 = new TextDecoder("utf-8", { fatal: true });
/** Local file header, or the end-of-central-directory record of an empty archive. */
const ZIP_MAGIC = [Buffer.from("PK\x03\x04", "latin1"), Buffer.from("PK\x05\x06", "latin1")];
const EOCD = Buffer.from("PK\x05\x06", "latin1");

/** A safe object-key file name: the base name only, odd characters replaced. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "");
  return cleaned.length > 0 ? cleaned.slice(-100) : "upload";
}

/**
 * Checks an upload by name and by content before anything is stored: `.py` must be UTF-8 text
 * (Python's own source encoding), `.zip` must look like a zip archive at both ends. Python checks
 * the archive thoroughly later; this refuses the obvious mistakes with a 400 right away.
 */
export function checkUpload(file: UploadedFile | undefined): SourceKind {
  if (!file) throw validationError("file", "file is required: a .py or .zip upload");
  const lower = file.name.toLowerCase();
  const kind: SourceKind | null = lower.endsWith(".py") ? "py" : lower.endsWith(".zip") ? "zip" : null;
  if (!kind) throw validationError("file", `file must be a .py or .zip file, got "${file.name || "(no name)"}"`);
  if (file.bytes.length === 0) throw validationError("file", "file is empty");

  if (kind === "py") {
    if (file.bytes.includes(0)) throw validationError("file", "file is not Python source: it contains NUL bytes");
    try {
      utf8.decode(file.bytes);
    } catch {
      throw validationError("file", "file is not Python source: it is not UTF-8 text");
    }
    return kind;
  }

  const head = file.bytes.subarray(0, 4);
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment (≤ 64 KiB).
  const tail = file.bytes.subarray(Math.max(0, file.bytes.length - (22 + 0xffff)));
  if (!ZIP_MAGIC.some((m) => head.equals(m)) || tail.lastIndexOf(EOCD) < 0) {
    throw validationError("file", "file is not a zip archive (its content does not match the .zip name)");
  }
  return kind;
}
