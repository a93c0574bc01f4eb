import NextAuth from "next-auth";
import { type NextRequest } from "next/server";
import { refuseBadCallback } from "@/server/auth/callback-guard";
import { getAuthOptions } from "@/server/auth/options";
import { authConfig } from "@/server/auth/config";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth v4's App Router handler: sign-in, callback, session, CSRF and sign-out endpoints.
async function handler(request: NextRequest, context: Context): Promise<Response> {
  const refused = refuseBadCallback(request, authConfig().baseUrl);
  if (refused) return refused;
  return NextAuth(request as never, context as never, getAuthOptions());
}

export { handler as GET, handler as POST };
