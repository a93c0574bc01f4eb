import { browserPushRequest } from "@/lib/dto/pipeline";
import { startPush } from "@/server/dal/builds";
import { withRoute } from "@/server/http/with-route";

/** The body names a configured registry; a username or password in it is refused (400). */
export const POST = withRoute({ action: "push.create", body: browserPushRequest, status: 202 }, ({ body }) =>
  startPush(body),
);
