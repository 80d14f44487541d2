import { addDays } from "@/lib/domain/days";
import type { DigestWeek } from "@/lib/domain/digest";
import { ButtonLink } from "../ui/button-link";

/** The week before, the week after (never past today), and back to the seven days ending today. */
export function DigestWeekNav({ week, today, hrefFor }: { week: DigestWeek; today: string; hrefFor: (until: string | null) => string }) {
  const next = addDays(week.until, 7);
  return (
    <nav aria-label="Weeks" className="flex flex-wrap items-center gap-2">
      <ButtonLink href={hrefFor(addDays(week.until, -7))} variant="secondary">
        ← Previous week
      </ButtonLink>
      {week.until < today ? (
        <ButtonLink href={hrefFor(next < today ? next : null)} variant="secondary">
          Next week →
        </ButtonLink>
      ) : null}
      {week.until < today && next < today ? (
        <ButtonLink href={hrefFor(null)} variant="secondary">
          This week
        </ButtonLink>
      ) : null}
    </nav>
  );
}
