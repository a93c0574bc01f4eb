import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { createLogger, logger } from "@/server/log/logger";

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger(stream) };
}

describe("logger", () => {
  it("writes JSON with the service name and the configured level", () => {
    const { lines, log } = capture();
    log.info({ requestId: "r1" }, "hello");
    expect(lines[0]).toMatchObject({ service: "eunha-console", requestId: "r1", msg: "hello", level: 30 });
    expect(typeof lines[0]?.time).toBe("string");
    expect(logger.level).toBe(env().LOG_LEVEL);
  });

  it("redacts secrets at the top level and one level down", () => {
    const { lines, log } = capture();
    log.info(
      {
        password: "p1",
        token: "t1",
        secret: "s1",
        authorization: "Bearer a1",
        cookie: "session=c1",
        credentials: { user: "u", pass: "c2" },
        headers: { authorization: "Bearer a2", cookie: "session=c3", "set-cookie": "x=c4", accept: "application/json" },
        body: { password: "p2", name: "kept" },
        push: { secret: "s2", token: "t2" },
        fn: { environmentVariables: { JWT_SECRET: "e1" } },
      },
      "with secrets",
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ["p1", "p2", "t1", "t2", "s1", "s2", "a1", "a2", "c1", "c2", "c3", "c4", "e1"]) {
      expect(text).not.toContain(`${secret}"`);
    }
    expect(lines[0]).toMatchObject({
      body: { name: "kept", password: "[redacted]" },
      headers: { accept: "application/json" },
    });
  });
});
