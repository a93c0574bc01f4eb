import { TestConsole } from "@/components/test-invoke/test-console";
import { userCan } from "@/server/auth/session";
import { functionForTab } from "@/server/dal/render-reads";
import { settle } from "@/server/errors/settle";
import { testEventsOf } from "@/server/ship/test-events-service";

type Params = { workspaceId: string; functionId: string };

/**
 * The Test tab: send a JSON payload to the function and read its answer. The team's saved events are
 * read here; a store that fails leaves them unavailable, not the tab.
 */
export default async function TestPage({ params }: { params: Promise<Params> }) {
  const { workspaceId, functionId } = await params;
  const [fn, canInvoke, canSaveEvents, events] = await Promise.all([
    functionForTab(workspaceId, functionId),
    userCan("function.invoke"),
    userCan("testEvent.save"),
    settle(testEventsOf({ workspaceId, functionId })),
  ]);
  return (
    <TestConsole
      workspaceId={workspaceId}
      functionId={functionId}
      status={fn.status}
      timeoutSeconds={fn.timeout}
      canInvoke={canInvoke}
      events={events}
      canSaveEvents={canSaveEvents}
    />
  );
}
