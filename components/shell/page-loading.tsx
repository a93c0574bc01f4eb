import { Skeleton } from "@/components/ui/skeleton";

/**
 * The skeleton a console page shows while it renders. Each route's loading.tsx re-exports it; none sits
 * above a workspace or function, so a missing one answers 404 before anything streams.
 */
export function PageLoading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-6">
      <Skeleton className="h-8 w-48" />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-64" />
    </div>
  );
}
