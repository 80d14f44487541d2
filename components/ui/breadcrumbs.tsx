import Link from "next/link";
import { Fragment } from "react";
import { LINK } from "@/components/ui/link-styles";

export interface Crumb {
  label: React.ReactNode;
  href?: string;
}

/** The trail above a page title; the last item is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-1">
        {items.map((item, i) => (
          <Fragment key={i}>
            {i > 0 ? <li aria-hidden="true">/</li> : null}
            {item.href ? (
              <li>
                <Link href={item.href} className={LINK}>
                  {item.label}
                </Link>
              </li>
            ) : (
              <li aria-current="page">{item.label}</li>
            )}
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
