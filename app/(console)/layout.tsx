import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { type ReactNode } from "react";
import { getSession } from "@/server/auth/session";
import { ConsoleFrame } from "./_components/console-frame";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  // The proxy only checks that a session cookie exists; this checks that it is valid and carries a role.
  if (!(await getSession())) {
    const path = (await headers()).get("x-eunha-path") ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return <ConsoleFrame>{children}</ConsoleFrame>;
}
