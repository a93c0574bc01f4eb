import { StringDecoder } from "node:string_decoder";
import type { OutputLine } from "../repos/run-repo";
import { nowNs } from "../util/time";

/** A function printing in a loop must not fill the disk: the host keeps this much per run. */
export const MAX_LINES_PER_RUN = 2_000;
export const MAX_LINE_CHARS = 8_192;

/**
 * Splits a process's stdout and stderr into lines, stamping each with the time it arrived, the way
 * Promtail tails a container's output. Partial lines wait for their newline (or the end of the run).
 */
export class LineCollector {
  readonly lines: OutputLine[] = [];
  private dropped = 0;
  private readonly pending = { stdout: "", stderr: "" };
  private readonly decoders = { stdout: new StringDecoder("utf8"), stderr: new StringDecoder("utf8") };

  push(stream: "stdout" | "stderr", chunk: Buffer): void {
    const text = this.pending[stream] + this.decoders[stream].write(chunk);
    const parts = text.split("\n");
    this.pending[stream] = parts.pop() ?? "";
    // Guard against one endless line without a newline.
    if (this.pending[stream].length > MAX_LINE_CHARS) {
      parts.push(this.pending[stream]);
      this.pending[stream] = "";
    }
    for (const part of parts) this.add(stream, part);
  }

  /** Adds a line the host itself writes (timeouts, crashes), on stderr like Spin's own messages. */
  note(text: string): void {
    this.add("stderr", `[function host] ${text}`);
  }

  finish(): OutputLine[] {
    for (const stream of ["stdout", "stderr"] as const) {
      const rest = this.pending[stream] + this.decoders[stream].end();
      if (rest.length > 0) this.add(stream, rest);
      this.pending[stream] = "";
    }
    if (this.dropped > 0) {
      const count = this.dropped;
      this.dropped = 0;
      this.lines.push({
        tsNs: nowNs(),
        stream: "stderr",
        text: `[function host] ${count} more output lines were dropped (limit ${MAX_LINES_PER_RUN} per run)`,
      });
    }
    return this.lines;
  }

  private add(stream: "stdout" | "stderr", raw: string): void {
    if (this.lines.length >= MAX_LINES_PER_RUN) {
      this.dropped++;
      return;
    }
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    this.lines.push({
      tsNs: nowNs(),
      stream,
      text: line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line,
    });
  }
}
