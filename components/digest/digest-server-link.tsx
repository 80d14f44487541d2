import Link from "next/link";
import { LINK } from "../ui/link-styles";

/** A server named in the digest, linked to its page (plain text where links make no sense, e.g. a printed report). */
export function DigestServerLink({ id, hostname, linkQuery, linked = true }: { id: number; hostname: string; linkQuery: string; linked?: boolean }) {
  if (!linked) return <span className="font-medium">{hostname}</span>;
  return (
    <Link href={`/servers/${id}${linkQuery}`} className={LINK}>
      {hostname}
    </Link>
  );
}
