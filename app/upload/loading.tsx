import { HeaderSkeleton, LoadingPage } from "@/components/ui/loading-skeletons";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading the upload page">
      <HeaderSkeleton />
      <div className="grid gap-8 lg:grid-cols-2">
        <Skeleton className="h-56 rounded-xl" />
        <Skeleton className="h-96 rounded-xl" />
      </div>
    </LoadingPage>
  );
}
