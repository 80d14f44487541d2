import { notFound } from "next/navigation";
import { loadImport } from "./load-import";

// The existence check sits above loading.tsx so that a missing (or another tenant's) import answers a real 404 (the
// list's loading.tsx is in a route group of its own for the same reason: above this, it would stream a 200 first).
export default async function ImportLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  if (!(await loadImport((await params).id))) notFound();
  return children;
}
