import { HeaderSkeleton, LoadingPage, TableSkeleton } from "@/components/ui/loading-skeletons";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading the import">
      <HeaderSkeleton />
      <Skeleton className="mb-6 h-40 rounded-xl" />
      <TableSkeleton rows={10} />
    </LoadingPage>
  );
}
