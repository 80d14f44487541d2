import { Skeleton } from "@/components/ui/skeleton";
import { HeaderSkeleton, LoadingPage, TableSkeleton } from "@/components/ui/loading-skeletons";

export default function Loading() {
  return (
    <LoadingPage label="Loading webhooks">
      <HeaderSkeleton />
      <Skeleton className="mb-10 h-96 max-w-3xl rounded-xl" />
      <TableSkeleton rows={4} />
    </LoadingPage>
  );
}
