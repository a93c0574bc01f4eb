"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * WorkspaceForm, loaded when its dialog opens: it validates with the contract's zod schemas, ~30 KB
 * gzip of script that the workspace pages otherwise load for a button most visits never press.
 */
export const WorkspaceFormLazy = dynamic(() => import("./workspace-form").then((m) => m.WorkspaceForm), {
  ssr: false,
  loading: () => (
    <div className="space-y-3" aria-busy="true">
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-20 w-full" />
    </div>
  ),
});
