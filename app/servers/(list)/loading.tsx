import { HeaderSkeleton, LoadingPage, TableSkeleton } from "@/components/ui/loading-skeletons";

export default function Loading() {
  return (
    <LoadingPage label="Loading servers">
      <HeaderSkeleton />
      <TableSkeleton rows={12} />
    </LoadingPage>
  );
}
