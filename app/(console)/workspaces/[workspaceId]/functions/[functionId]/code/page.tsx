import { CodeWorkspace } from "@/components/code/code-workspace";
import { userCan } from "@/server/auth/session";
import { functionForTab } from "@/server/dal/render-reads";

type Params = { workspaceId: string; functionId: string };

/**
 * The Code tab. The layout has already shown a load failure or 404, so a failure here is rare and
 * goes to the segment's error boundary.
 */
export default async function CodePage({ params }: { params: Promise<Params> }) {
  const { workspaceId, functionId } = await params;
  const [fn, canEdit, canDeploy] = await Promise.all([
    functionForTab(workspaceId, functionId),
    userCan("function.update"),
    userCan("deploy.create"),
  ]);
  return (
    <CodeWorkspace
      workspaceId={workspaceId}
      functionId={functionId}
      code={fn.code}
      lastModified={fn.lastModified}
      canEdit={canEdit && !fn.codeRedacted}
      redacted={fn.codeRedacted === true}
      canShip={canDeploy}
    />
  );
}
