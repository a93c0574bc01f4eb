import NextAuth from "next-auth";
import { type NextRequest } from "next/server";
import { getAuthOptions } from "@/server/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth v4's App Router handler: sign-in, callback, session, CSRF and sign-out endpoints.
async function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request as never, context as never, getAuthOptions());
}

export { handler as GET, handler as POST };
