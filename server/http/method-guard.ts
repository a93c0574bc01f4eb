import "server-only";
import { Server, type IncomingMessage, type ServerResponse } from "node:http";

/** Methods a route of this console can serve; Next builds a web Request from every other one and fails. */
export const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const PATCHED = Symbol.for("eunha.console.method-guard");

/**
 * `TRACE`, `CONNECT` and made-up methods never reach the proxy: Next cannot build a web Request for
 * them (undici refuses TRACE and CONNECT) and answers a plain-text 500. This answers them first, on the
 * Node server itself, with 405 and the error envelope. Installed once from instrumentation.ts.
 */
export function installMethodGuard(): void {
  const proto = Server.prototype as Server & { [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      if (!SERVED_METHODS.has(req.method ?? "")) {
        res.writeHead(405, {
          "content-type": "application/json",
          allow: [...SERVED_METHODS].join(", "),
          "cache-control": "no-store",
        });
        res.end(
          JSON.stringify({
            error: { code: "METHOD_NOT_ALLOWED", message: `${req.method} is not supported.`, details: {} },
          }),
        );
        return true;
      }
    }
    return (emit as (this: Server, ...all: unknown[]) => boolean).call(this, event, ...args);
  } as Server["emit"];
}
