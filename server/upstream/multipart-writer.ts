import "server-only";

const encoder = new TextEncoder();

/** Quotes a multipart parameter value (RFC 7578 §4.2: escape quotes and line breaks). */
function quote(value: string): string {
  return `"${value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"`;
}

/**
 * A multipart/form-data body written as a stream: text fields first, then one file whose bytes flow
 * through as they arrive, so an upload is never held whole in memory on its way to the backend.
 */
export function multipartStream(
  fields: Record<string, string>,
  file: { name: string; contentType: string; firstChunk: Uint8Array; rest: AsyncIterable<Uint8Array> },
): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `----eunha-${crypto.randomUUID()}`;
  const head =
    Object.entries(fields)
      .map(
        ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name=${quote(name)}\r\n\r\n${value}\r\n`,
      )
      .join("") +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=${quote(file.name)}\r\nContent-Type: ${file.contentType}\r\n\r\n`;
  const iterator = file.rest[Symbol.asyncIterator]();
  let stage: "head" | "body" | "done" = "head";
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === "head") {
        controller.enqueue(encoder.encode(head));
        if (file.firstChunk.byteLength > 0) controller.enqueue(file.firstChunk);
        stage = "body";
        return;
      }
      if (stage === "done") return;
      const next = await iterator.next();
      if (next.done) {
        controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
        controller.close();
        stage = "done";
      } else {
        controller.enqueue(next.value);
      }
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
