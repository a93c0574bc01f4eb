import { NotFoundNotice } from "@/components/shell/not-found-notice";

/** Outside the console shell (a signed-out visitor, an unknown path under the sign-in pages). */
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-6 text-center">
      <NotFoundNotice />
    </main>
  );
}
