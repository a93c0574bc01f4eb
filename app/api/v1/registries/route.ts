import { listRegistries } from "@/server/dal/builds";
import { withRoute } from "@/server/http/with-route";

/** The push targets for the UI's picker: URLs only. Developers and up, as only they can push. */
export const GET = withRoute({ action: "build.create" }, () => listRegistries());
