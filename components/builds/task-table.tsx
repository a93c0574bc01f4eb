import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { RelativeTime } from "@/components/format/relative-time";
import type { ApiWorkspaceTask } from "@/lib/dto/task";
import { taskHref } from "@/lib/routes";
import { imageOf } from "./task-shape";
import { TaskStatusBadge } from "./task-status-badge";

/** With `workspaceId`, each task id links to its detail page (where its progress and next steps are). */
export function TaskTable({ tasks, workspaceId }: { tasks: ApiWorkspaceTask[]; workspaceId?: string }) {
  const t = useTranslations("builds.table");
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-2">
              {t("task")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("app")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("status")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("created")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("updated")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("outcome")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {tasks.map((task) => (
            <tr key={task.task_id}>
              <td className="px-4 py-2 font-mono text-xs whitespace-nowrap" title={task.task_id}>
                {workspaceId ? (
                  <Link
                    href={taskHref(workspaceId, task.task_id)}
                    className="text-brand-700 hover:underline dark:text-brand-100"
                  >
                    <ShortId id={task.task_id} />
                  </Link>
                ) : (
                  <ShortId id={task.task_id} />
                )}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">{task.app_name ?? "—"}</td>
              <td className="px-4 py-2">
                <TaskStatusBadge status={task.status} />
              </td>
              <td className="px-4 py-2 whitespace-nowrap">
                <RelativeTime iso={task.created_at} />
              </td>
              <td className="px-4 py-2 whitespace-nowrap">
                <RelativeTime iso={task.updated_at} />
              </td>
              <td
                className="max-w-xs truncate px-4 py-2 font-mono text-xs"
                title={task.error ?? imageOf(task.result) ?? undefined}
              >
                {task.error ? (
                  <span className="text-red-700 dark:text-red-300">{task.error}</span>
                ) : (
                  (imageOf(task.result) ?? task.result?.wasm_path ?? "—")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Task ids are UUIDs: the first 8 characters tell them apart on screen; assistive tech reads the whole id. */
function ShortId({ id }: { id: string }) {
  return (
    <>
      <span aria-hidden>{id.slice(0, 8)}</span>
      <span className="sr-only">{id}</span>
    </>
  );
}
