import { redirect } from "next/navigation";
import { functionHref } from "@/lib/routes";

/** A function's bare URL opens its code. */
export default async function FunctionIndex({
  params,
}: {
  params: Promise<{ workspaceId: string; functionId: string }>;
}) {
  const { workspaceId, functionId } = await params;
  redirect(functionHref(workspaceId, functionId, "code"));
}
