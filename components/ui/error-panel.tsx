import { type ReactNode } from "react";

/** An inline failure: says what failed in plain words, with the code and request id for support. */
export function ErrorPanel({
  title,
  message,
  code,
  requestId,
  action,
}: {
  title: string;
  message: string;
  code?: string;
  requestId?: string;
  action?: ReactNode;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
    >
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm">{message}</p>
      {code || requestId ? (
        <p className="mt-2 font-mono text-xs opacity-75">
          {code}
          {code && requestId ? " · " : null}
          {requestId ? `request ${requestId}` : null}
        </p>
      ) : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
