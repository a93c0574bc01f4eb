import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BuildsBreadcrumb } from "@/components/builds/builds-breadcrumb";
import { TaskDetail } from "@/components/builds/task-detail";
import { isS3Uri } from "@/components/builds/task-shape";
import { toK8sName } from "@/components/deploy/k8s-name";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { userCan } from "@/server/auth/session";
import { listFunctions } from "@/server/dal/functions";
import { settle } from "@/server/errors/settle";
import { getTaskStatus, listWorkspaceTaskItems } from "@/server/dal/tasks";
import { getWorkspace } from "@/server/dal/workspaces";
import { env } from "@/server/env";

type Params = { workspaceId: string; taskId: string };

/** "my-app · task 1a2b3c4d": a task is known by its app and a short id, never by a raw UUID. */
function taskTitle(
  t: (key: "title" | "titleApp", values: Record<string, string>) => string,
  taskId: string,
  appName: string | null | undefined,
): string {
  const short = taskId.replace(/^task-/, "").slice(0, 8);
  return appName ? t("titleApp", { app: appName, taskId: short }) : t("title", { taskId: short });
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const [{ workspaceId, taskId }, t] = await Promise.all([params, getTranslations("builds.detail")]);
  const history = await settle(listWorkspaceTaskItems(workspaceId));
  const appName = history.ok ? history.data.find((h) => h.task_id === taskId)?.app_name : null;
  return { title: taskTitle(t, taskId, appName) };
}

/** A build, push or build-and-push task, polled until it ends; Push and Deploy are offered from here. */
export default async function TaskPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ source?: string | string[] }>;
}) {
  const [{ workspaceId, taskId }, { source }, t] = await Promise.all([params, searchParams, getTranslations("builds")]);
  const [workspace, task, history, canBuild, canPush, canDeploy] = await Promise.all([
    settle(getWorkspace(workspaceId)),
    settle(getTaskStatus(taskId)),
    settle(listWorkspaceTaskItems(workspaceId)),
    userCan("build.create"),
    userCan("push.create"),
    userCan("deploy.create"),
  ]);
  if ((!workspace.ok && workspace.error.status === 404) || (!task.ok && task.error.status === 404)) notFound();
  if (!workspace.ok || !task.ok) {
    const error = !workspace.ok ? workspace.error : !task.ok ? task.error : null;
    return (
      <ErrorPanel
        title={t("detail.loadFailed")}
        message={error?.message ?? ""}
        code={error?.code}
        requestId={error?.requestId}
      />
    );
  }
  const item = history.ok ? history.data.find((h) => h.task_id === taskId) : undefined;
  const meta = item ? { appName: item.app_name, createdAt: item.created_at, updatedAt: item.updated_at } : null;

  let deploy: { functions: { id: string; name: string }[]; suggested: string | null } | null = null;
  if (canDeploy) {
    const functions = await settle(listFunctions(workspaceId));
    const list = functions.ok ? functions.data.map((f) => ({ id: f.id, name: f.name })) : [];
    const suggested = list.find((f) => meta?.appName && toK8sName(f.name) === meta.appName)?.id ?? null;
    deploy = { functions: list, suggested };
  }

  return (
    <>
      <BuildsBreadcrumb workspace={workspace.data} taskId={taskId} />
      <PageHeader title={taskTitle((key, values) => t(`detail.${key}`, values), taskId, meta?.appName)} />
      <TaskDetail
        workspaceId={workspaceId}
        initial={task.data}
        meta={meta}
        pollMs={env().TASK_POLL_INTERVAL_MS}
        startedFrom={typeof source === "string" && isS3Uri(source) ? source : null}
        canBuild={canBuild}
        canPush={canPush}
        deploy={deploy}
      />
    </>
  );
}
