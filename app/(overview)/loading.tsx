import { CardsSkeleton, ChartSkeleton, HeaderSkeleton, LoadingPage, TableSkeleton } from "@/components/ui/loading-skeletons";

export default function Loading() {
  return (
    <LoadingPage label="Loading the overview">
      <HeaderSkeleton />
      <CardsSkeleton />
      <div className="mb-10 grid gap-6 xl:grid-cols-5">
        <ChartSkeleton className="xl:col-span-3" />
        <ChartSkeleton className="xl:col-span-2" />
      </div>
      <TableSkeleton />
    </LoadingPage>
  );
}
