import { Skeleton } from "@/components/ui/skeleton";
import { HeaderSkeleton, LoadingPage, TableSkeleton } from "@/components/ui/loading-skeletons";

export default function Loading() {
  return (
    <LoadingPage label="Loading the audit log">
      <HeaderSkeleton />
      <Skeleton className="mb-4 h-16 max-w-2xl" />
      <TableSkeleton rows={12} />
    </LoadingPage>
  );
}
