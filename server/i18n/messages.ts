import "server-only";
import { NAMESPACES, type Locale } from "@/lib/i18n/config";

type Catalog = Record<string, unknown>;

/** Loads every namespace of one locale into one catalog keyed by namespace. */
export async function loadMessages(locale: Locale): Promise<Catalog> {
  const entries = await Promise.all(
    NAMESPACES.map(
      async (ns) => [ns, (await import(`../../messages/${locale}/${ns}.json`)).default as Catalog] as const,
    ),
  );
  return Object.fromEntries(entries);
}
