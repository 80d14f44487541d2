import { CardsSkeleton, ChartSkeleton, HeaderSkeleton, LoadingPage, TableSkeleton } from "@/components/ui/loading-skeletons";

export default function Loading() {
  return (
    <LoadingPage label="Loading the organization">
      <HeaderSkeleton />
      <CardsSkeleton />
      <ChartSkeleton className="mb-10" />
      <TableSkeleton />
    </LoadingPage>
  );
}
