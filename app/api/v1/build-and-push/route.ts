import { startBuildAndPush } from "@/server/dal/builds";
import { withRoute } from "@/server/http/with-route";

/**
 * Multipart upload; registry credentials are added on the server. proxy.ts skips this path, so
 * withRoute's session and role check, done before the body is read, is the only one.
 */
export const POST = withRoute({ action: "push.create", status: 202 }, ({ request }) => startBuildAndPush(request));
