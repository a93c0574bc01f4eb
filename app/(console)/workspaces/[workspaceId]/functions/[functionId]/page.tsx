import { redirect } from "next/navigation";

/** A function's bare URL opens its code. */
export default async function FunctionIndex({
  params,
}: {
  params: Promise<{ workspaceId: string; functionId: string }>;
}) {
  const { workspaceId, functionId } = await params;
  redirect(`/workspaces/${encodeURIComponent(workspaceId)}/functions/${encodeURIComponent(functionId)}/code`);
}
