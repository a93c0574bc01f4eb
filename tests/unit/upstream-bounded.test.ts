import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { apiFailure, loadUpstream, type LoadedUpstream } from "../support/fault-upstream";

/*
 * Issue 11, point 6: every upstream read is capped (UPSTREAM_MAX_MB) and JSON nested past a sane
 * depth is refused, so a hostile backend can neither balloon the console's memory nor overflow its stack.
 */

const MB = 1024 * 1024;
let server: Server;
let url: string;
let mod: LoadedUpstream;
/** Bytes the endless route had written when the client hung up. */
const produced = { endless: 0 };

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/endless") {
      // A JSON array that never ends, written as fast as the client reads it.
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      const chunk = `${'"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",'.repeat(1024)}`;
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) produced.endless += chunk.length;
        if (!res.destroyed) res.once("drain", pump);
      };
      res.on("close", () => res.removeAllListeners("drain"));
      pump();
      return;
    }
    if (req.url === "/declared") {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(300 * MB) });
      res.write("[");
      return; // never sends the rest: the declared length alone must be refused
    }
    if (req.url === "/deep") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, pad: "y".repeat(MB / 2) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.stubEnv("UPSTREAM_MAX_MB", "1");
  mod = await loadUpstream(url, 10_000);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("bounded upstream reads", () => {
  it("an endless answer fails with 502 UPSTREAM_TOO_LARGE after about UPSTREAM_MAX_MB, not when memory runs out", async () => {
    const err = await apiFailure(mod.upstream({ method: "GET", path: "/endless", schema: z.array(z.string()) }));
    expect(err).toMatchObject({ status: 502, code: "UPSTREAM_TOO_LARGE" });
    expect(err.message).toMatch(/1 MB/);
    // The read stopped near the cap (socket buffers allow a few MB more), not hundreds of MB later.
    expect(produced.endless).toBeLessThan(16 * MB);
  });

  it("a declared Content-Length over the cap is refused before reading", async () => {
    expect(await apiFailure(mod.upstream({ method: "GET", path: "/declared", schema: z.unknown() }))).toMatchObject({
      status: 502,
      code: "UPSTREAM_TOO_LARGE",
    });
  });

  it("an answer under the cap is read whole", async () => {
    expect(await mod.upstream({ method: "GET", path: "/small", schema: z.object({ ok: z.boolean() }) })).toEqual({
      ok: true,
    });
  });

  it("JSON nested 100 000 deep is a 502 contract error, not a stack overflow", async () => {
    expect(await apiFailure(mod.upstream({ method: "GET", path: "/deep", schema: z.json() }))).toMatchObject({
      status: 502,
      code: "UPSTREAM_CONTRACT_ERROR",
    });
  });
});

describe("deeply nested request bodies", () => {
  // The Test tab's invoke goes through its route handler, whose JSON body is read by readJsonBody too.
  it("readJsonBody answers 400 VALIDATION_ERROR", async () => {
    const { readJsonBody } = await import("@/server/http/body");
    const { errorResponse } = await import("@/server/errors/sanitise");
    const body = `{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const request = new Request("http://127.0.0.1/api/x", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const err = await readJsonBody(request).then(
      () => null,
      (e: unknown) => e,
    );
    const res = errorResponse(err, "req-deep-1");
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
  });

  it("strings full of brackets are not nesting", async () => {
    const { jsonTooDeep } = await import("@/server/http/json-depth");
    expect(jsonTooDeep(JSON.stringify({ s: "[".repeat(1000), t: 'a\\"[[[' }))).toBe(false);
    expect(jsonTooDeep("[".repeat(65) + "]".repeat(65))).toBe(true);
    expect(jsonTooDeep("[".repeat(64) + "]".repeat(64))).toBe(false);
  });
});
