import { startBuild } from "@/server/dal/builds";
import { withRoute } from "@/server/http/with-route";

/**
 * Multipart upload. proxy.ts skips this path (it would buffer the body), so withRoute's session and
 * role check, done before the body is read, is the only one.
 */
export const POST = withRoute({ action: "build.create", status: 202 }, ({ request }) => startBuild(request));
