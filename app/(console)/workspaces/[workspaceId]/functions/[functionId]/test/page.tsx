import { TestConsole } from "@/components/test-invoke/test-console";
import { userCan } from "@/server/auth/session";
import { functionForTab } from "@/server/dal/render-reads";

type Params = { workspaceId: string; functionId: string };

/** The Test tab: send a JSON payload to the function and read its answer. */
export default async function TestPage({ params }: { params: Promise<Params> }) {
  const { workspaceId, functionId } = await params;
  const [fn, canInvoke] = await Promise.all([functionForTab(workspaceId, functionId), userCan("function.invoke")]);
  return (
    <TestConsole
      workspaceId={workspaceId}
      functionId={functionId}
      status={fn.status}
      timeoutSeconds={fn.timeout}
      canInvoke={canInvoke}
    />
  );
}
