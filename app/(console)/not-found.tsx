import { NotFoundNotice } from "@/components/shell/not-found-notice";

/** A missing page, workspace, function or task: said inside the shell, with the navigation still there. */
export default function ConsoleNotFound() {
  return (
    <section className="flex flex-col items-center gap-3 py-16 text-center">
      <NotFoundNotice />
    </section>
  );
}
