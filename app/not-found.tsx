import { NotFoundNotice } from "@/components/shell/not-found-notice";
import { getSession } from "@/server/auth/session";
import { ConsoleFrame } from "./(console)/_components/console-frame";

/**
 * A URL no page claims (404). A signed-in user sees it inside the console's navigation, so the way on
 * is one click; anyone else gets the bare page (the proxy has already sent them to sign in for most URLs).
 */
export default async function NotFound() {
  if (await getSession()) {
    return (
      <ConsoleFrame>
        <section className="flex flex-col items-center gap-3 py-16 text-center">
          <NotFoundNotice />
        </section>
      </ConsoleFrame>
    );
  }
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-6 text-center">
      <NotFoundNotice />
    </main>
  );
}
