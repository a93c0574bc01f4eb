import { getTaskStatus } from "@/server/dal/tasks";
import { withRoute } from "@/server/http/with-route";
import { taskParams as params } from "@/app/api/_lib/params";

export const GET = withRoute({ action: "task.read", params }, ({ params }) => getTaskStatus(params.taskId));
