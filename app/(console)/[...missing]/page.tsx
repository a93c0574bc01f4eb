import { notFound } from "next/navigation";

/** Any URL no page claims: answered with a 404 inside the console shell, so the navigation stays. */
export default function MissingPage(): never {
  notFound();
}
