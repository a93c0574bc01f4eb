"use client";

import { type ReactNode, useCallback } from "react";
import { FunctionList } from "@/components/functions/function-list";
import type { FunctionDto } from "@/lib/dto/function";
import { DeleteFunctionButton } from "./delete-function-button";

/** The workspace page's function table, with a delete row action for those allowed to delete. */
export function WorkspaceFunctions({
  functions,
  canDelete,
  emptyAction,
}: {
  functions: FunctionDto[];
  canDelete: boolean;
  emptyAction?: ReactNode;
}) {
  const rowActions = useCallback(
    (fn: FunctionDto) => (
      <DeleteFunctionButton workspaceId={fn.workspaceId} functionId={fn.id} functionName={fn.name} size="sm" quiet />
    ),
    [],
  );
  return (
    <FunctionList functions={functions} emptyAction={emptyAction} rowActions={canDelete ? rowActions : undefined} />
  );
}
