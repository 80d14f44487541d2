import { Skeleton } from "@/components/ui/skeleton";
import { HeaderSkeleton, LoadingPage } from "@/components/ui/loading-skeletons";

export default function Loading() {
  return (
    <LoadingPage label="Loading the organization's settings">
      <HeaderSkeleton />
      <Skeleton className="h-72 rounded-xl" />
    </LoadingPage>
  );
}
