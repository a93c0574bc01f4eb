import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Bytes kept in memory from the start of the file, for checks such as the zip signature. */
const HEAD_BYTES = 16;

export type Spool = {
  bytes: number;
  /** The first bytes of the file (at most 16). */
  head: Uint8Array;
  /** The whole file, read back from disk chunk by chunk. */
  chunks(): AsyncIterable<Uint8Array>;
  /** Removes the file; safe to call more than once. */
  dispose(): Promise<void>;
};

/**
 * Writes an uploaded file to a private temporary directory as it arrives. An upload is forwarded only
 * once the whole form has arrived and passed every check (issue 11: a refused request never reaches
 * the backend), so the file has to wait somewhere: on disk, never whole in memory. Aborting `signal`
 * (the upload was refused meanwhile) stops the copy and removes the file.
 */
export async function spoolToDisk(source: Readable, signal: AbortSignal): Promise<Spool> {
  const dir = await mkdtemp(join(tmpdir(), "eunha-upload-"));
  const file = join(dir, "file");
  let disposed: Promise<void> | null = null;
  const dispose = () => (disposed ??= rm(dir, { recursive: true, force: true }));
  let bytes = 0;
  let head = new Uint8Array(0);
  source.on("data", (chunk: Buffer) => {
    if (head.byteLength < HEAD_BYTES)
      head = new Uint8Array(Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.byteLength)]));
    bytes += chunk.byteLength;
  });
  try {
    signal.throwIfAborted();
    await pipeline(source, createWriteStream(file, { mode: 0o600 }), { signal });
  } catch (err) {
    await dispose();
    throw err;
  }
  return {
    bytes,
    head,
    dispose,
    async *chunks() {
      for await (const chunk of createReadStream(file)) yield new Uint8Array(chunk as Buffer);
    },
  };
}
