import { SettingsForm } from "@/components/function-settings/settings-form";
import { StatusPanel } from "@/components/function-settings/status-panel";
import { userCan } from "@/server/auth/session";
import { functionForTab } from "@/server/dal/render-reads";

type Params = { workspaceId: string; functionId: string };

/** The Settings tab: status on its own (it takes effect at once), then the form of everything else. */
export default async function SettingsPage({ params }: { params: Promise<Params> }) {
  const { workspaceId, functionId } = await params;
  const [fn, canEdit, canReveal] = await Promise.all([
    functionForTab(workspaceId, functionId),
    userCan("function.update"),
    userCan("function.revealSecret"),
  ]);
  return (
    <div className="space-y-6">
      <StatusPanel
        workspaceId={workspaceId}
        functionId={functionId}
        name={fn.name}
        status={fn.status}
        canEdit={canEdit}
      />
      {/* Not keyed by lastModified on purpose: a status change re-renders this page and must not drop edits. */}
      <SettingsForm fn={fn} canEdit={canEdit} canReveal={canReveal} />
    </div>
  );
}
