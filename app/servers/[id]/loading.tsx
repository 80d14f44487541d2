import { HeaderSkeleton, LoadingPage } from "@/components/ui/loading-skeletons";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading the server">
      <HeaderSkeleton />
      <Skeleton className="mb-6 h-32 rounded-xl" />
      <Skeleton className="mb-6 h-20 rounded-xl" />
      <div className="grid gap-6 lg:grid-cols-5">
        <Skeleton className="h-96 rounded-xl lg:col-span-3" />
        <Skeleton className="h-64 rounded-xl lg:col-span-2" />
      </div>
    </LoadingPage>
  );
}
