import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true" className="space-y-3">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-[60vh]" />
    </div>
  );
}
