import { notFound } from "next/navigation";
import { loadServer } from "./load-server";

// The existence check sits above loading.tsx so that a missing server answers a real
// 404 (a notFound() after the loading skeleton has streamed would keep status 200).
export default async function ServerLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  if (!(await loadServer((await params).id))) notFound();
  return children;
}
