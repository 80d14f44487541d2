import type { Metadata } from "next";
import { requireAccess } from "@/app/_lib/access";
import { ApiReference } from "@/components/api-docs/api-reference";
import { apiDocument } from "@/lib/api/openapi/api-document";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API reference" };

// The reference drawn from the same document /api/v1/openapi.json serves: plain server-rendered HTML, no script of
// its own, so it works offline and under the pages' CSP. A page like the others, for signed-in people (the
// document itself needs no sign-in, for the tools that read it).
export default async function ApiDocsPage() {
  await requireAccess();
  return <ApiReference doc={apiDocument()} />;
}
