import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken } from "@/server/auth/token";
import { requestIdFrom } from "@/server/context/request-id";

/**
 * An optimistic pre-filter: requests without a valid session cookie are sent to sign-in (pages) or
 * refused with 401 (API). It does not check roles; every handler, action and data function checks the
 * session and the role again through server/auth (requireUser).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (isPublicPage(pathname) || isServerAction(request) || (await readSessionToken(request.cookies))) return passOn(request);

  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "UNAUTHENTICATED", message: "Sign in to continue." } },
      { status: 401, headers: { "cache-control": "no-store" } },
    );
  }
  // request.url says "localhost" for 127.0.0.1, but Next turns a same-host redirect into a relative
  // Location, so the browser keeps its host name (and with it the sign-in cookies).
  const signIn = new URL("/signin", request.url);
  signIn.search = "";
  signIn.searchParams.set("callbackUrl", callbackPath(request));
  return NextResponse.redirect(signIn);
}

/**
 * Lets the request through with a request id (the caller's when sane) and its own path, which server
 * components cannot otherwise see: they need it to send an expired session back to the same page.
 */
function passOn(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestIdFrom(request.headers.get("x-request-id")));
  headers.set("x-eunha-path", callbackPath(request));
  return NextResponse.next({ request: { headers } });
}

/**
 * A server action posts to the page's URL; a sign-in redirect is an answer its client cannot read
 * ("could not reach the console"). Every action checks the session itself and answers
 * UNAUTHENTICATED, which the browser turns into sign-in and back, so actions pass through here.
 */
function isServerAction(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  const api = pathname === "/api" || pathname.startsWith("/api/");
  return !api && request.method === "POST" && request.headers.has("next-action");
}

/** Pages reachable without a session (the sign-in flow itself). */
function isPublicPage(pathname: string): boolean {
  return pathname === "/signin" || pathname === "/no-access";
}

/** Where to return after sign-in: this path and query as sent, minus Next's RSC cache-busting parameter. */
function callbackPath(request: NextRequest): string {
  const { pathname, search } = request.nextUrl;
  const query = search.slice(1).split("&").filter((part) => part !== "" && part !== "_rsc" && !part.startsWith("_rsc="));
  return query.length > 0 ? `${pathname}?${query.join("&")}` : pathname;
}

export const config = {
  matcher: [
    /*
     * Pages only. Not: Next's static files and images, files with an extension (public/ assets), and
     * the API. Every API route is a withRoute() handler (or next-auth's own, or the health check) that
     * authenticates itself and answers 401 in the same envelope; running the proxy first cost each API
     * call a second cookie check and Next's proxy round (measured in bench/: about a third of the
     * console's own time per read). Upload routes also need their bodies unbuffered.
     */
    "/((?!_next/static|_next/image|api(?:/|$)|.*\\.(?:ico|png|jpg|jpeg|gif|svg|webp|avif|txt|xml|webmanifest|woff2?)$).*)",
  ],
};
