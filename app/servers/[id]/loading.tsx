import { HeaderSkeleton, LoadingPage } from "@/components/ui/loading-skeletons";
import { Skeleton } from "@/components/ui/skeleton";

// The page's shape: the verdict box with its action, the facts, the two cards, the indicators.
export default function Loading() {
  return (
    <LoadingPage label="Loading the server">
      <HeaderSkeleton />
      <Skeleton className="mb-6 h-64 rounded-xl" />
      <Skeleton className="mb-6 h-20 rounded-xl" />
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-48 rounded-xl" />
        <Skeleton className="h-48 rounded-xl" />
      </div>
      <Skeleton className="h-64 rounded-xl" />
    </LoadingPage>
  );
}
