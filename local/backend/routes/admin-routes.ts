import type { IncomingMessage } from "node:http";
import { ApiError } from "../http/errors";
import type { RouteDef } from "../http/router";
import { parseWith } from "../http/validate";
import { faultsPatch, type FaultState } from "../observability/faults";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** Test-only switches: refused unless the caller is on this machine, whatever address we listen on. */
function requireLoopback(req: IncomingMessage): void {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) {
    throw new ApiError(403, "FORBIDDEN", "the admin routes only answer loopback callers");
  }
}

export function adminRoutes(faults: FaultState): RouteDef[] {
  return [
    {
      method: "GET",
      path: "/__admin/faults",
      handler: async (ctx) => {
        requireLoopback(ctx.req);
        return { status: 200, json: faults.get() };
      },
    },
    {
      method: "POST",
      path: "/__admin/faults",
      handler: async (ctx) => {
        requireLoopback(ctx.req);
        return { status: 200, json: faults.apply(parseWith(faultsPatch, (await ctx.json()) ?? {})) };
      },
    },
    {
      method: "DELETE",
      path: "/__admin/faults",
      handler: async (ctx) => {
        requireLoopback(ctx.req);
        return { status: 200, json: faults.reset() };
      },
    },
  ];
}
