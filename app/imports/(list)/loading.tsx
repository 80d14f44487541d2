import { HeaderSkeleton, LoadingPage, TableSkeleton } from "@/components/ui/loading-skeletons";

export default function Loading() {
  return (
    <LoadingPage label="Loading recent imports">
      <HeaderSkeleton />
      <TableSkeleton rows={10} />
    </LoadingPage>
  );
}
