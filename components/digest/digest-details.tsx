import type { WeeklyDigest } from "@/lib/domain/digest";
import { DigestCards } from "./digest-cards";
import { DigestChangesTable } from "./digest-changes-table";
import { DigestCountsTable } from "./digest-counts-table";
import { DigestFindingsTable } from "./digest-findings-table";
import { DigestHuntsTable } from "./digest-hunts-table";

type Level = 2 | 3 | 4;
const HEADINGS = { 2: "h2", 3: "h3", 4: "h4" } as const;

function Block({ id, title, level, description, children }: { id: string; title: string; level: Level; description?: string; children: React.ReactNode }) {
  const Heading = HEADINGS[level];
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="mb-8 scroll-mt-6 break-inside-avoid-page">
      <Heading id={`${id}-heading`} className={level === 2 ? "text-lg font-semibold tracking-tight" : "text-base font-semibold"}>
        {title}
      </Heading>
      {description ? <p className="mt-1 mb-3 text-sm text-gray-600 dark:text-gray-400">{description}</p> : <div className="mb-3" />}
      {children}
    </section>
  );
}

/**
 * A week's digest: the cards, the counts at the start and end of the week, and each list. The digest page draws it
 * with its headings at level 2; the client report, inside an organization's section, a level below the section's.
 */
export function DigestDetails({ digest, level, linkQuery, linked = true, idPrefix = "" }: { digest: WeeklyDigest; level: Level; linkQuery: string; linked?: boolean; idPrefix?: string }) {
  const id = (name: string) => `${idPrefix}${name}`;
  const rest = { linkQuery, linked };
  return (
    <>
      <div className="mb-6">
        <DigestCards digest={digest} anchorPrefix={idPrefix} />
      </div>
      <Block id={id("counts")} title="Servers by status" level={level} description="At the start of the week and at its end.">
        <DigestCountsTable digest={digest} />
      </Block>
      <Block id={id("patched")} title="Newly patched" level={level} description="Patched at the end of the week, and not at its start.">
        <DigestChangesTable list={digest.patched} caption="Servers patched this week" empty="No server was newly patched this week." testId="digest-patched" {...rest} />
      </Block>
      <Block id={id("exposed")} title="Newly exposed" level={level} description="Unpatched, unknown or compromised at the end of the week, and not at its start (a new server first seen unpatched included).">
        <DigestChangesTable list={digest.exposed} caption="Servers newly exposed this week" empty="No server was newly exposed this week." testId="digest-exposed" {...rest} />
      </Block>
      <Block id={id("findings")} title="New findings" level={level} description="Indicators and suspicious files a scan reported for the first time this week, however old they are.">
        <DigestFindingsTable findings={digest.findings} {...rest} />
      </Block>
      <Block id={id("hunts")} title="Hunts done" level={level} description="Compromise checks uploaded and hunts recorded this week.">
        <DigestHuntsTable hunts={digest.hunts} {...rest} />
      </Block>
      {digest.other.total > 0 ? (
        <Block id={id("other")} title="Other changes" level={level} description="New servers already patched, servers that left the counts, and other changes of status.">
          <DigestChangesTable list={digest.other} caption="Other changes of status this week" empty="" testId="digest-other" {...rest} />
        </Block>
      ) : null}
    </>
  );
}
