import { Suspense } from "react";
import type { Access } from "@/lib/domain/access";
import { getPatchTimes } from "@/lib/data/fleet/patch-times";
import { LoadingPage } from "@/components/ui/loading-skeletons";
import { Skeleton } from "@/components/ui/skeleton";
import { PatchTimeSection } from "@/components/hunts/patch-time-section";

async function PatchTimes({ access, organization, campaign, title, linkQuery }: PatchTimeCardProps) {
  const times = await getPatchTimes(access, { organization, campaign });
  return <PatchTimeSection times={times} title={title} linkQuery={linkQuery} />;
}

interface PatchTimeCardProps {
  access: Access;
  organization?: string;
  campaign: string;
  /** whose servers: "the fleet's", an organization's name */
  title: string;
  linkQuery: string;
}

/** Time to patch in its own Suspense boundary: it reads every exposed server's figures, so the page does not wait for it. */
export function PatchTimeCard(props: PatchTimeCardProps) {
  return (
    <Suspense
      fallback={
        <LoadingPage label="Loading time to patch">
          <Skeleton className="mb-10 h-72 rounded-xl" />
        </LoadingPage>
      }
    >
      <PatchTimes {...props} />
    </Suspense>
  );
}
