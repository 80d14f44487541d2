import { CardsSkeleton, ChartSkeleton, HeaderSkeleton, LoadingPage, TableSkeleton } from "@/components/ui/loading-skeletons";

/** What the overview shows while its numbers load. */
export function OverviewSkeleton() {
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
