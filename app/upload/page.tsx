import type { Metadata } from "next";
import { CsvColumns } from "@/components/upload/csv-columns";
import { UploadForm } from "@/components/upload/upload-form";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { maxUploadBytes } from "@/lib/config";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload a scan" };

export default function UploadPage() {
  return (
    <>
      <PageHeader
        title="Upload a scan"
        description="Import a CSV of Exchange servers, their builds and any indicators of compromise. Each server's status is decided from its build and indicators; importing the same file twice changes nothing."
      />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading" className="sr-only">
            Choose a file
          </h2>
          <UploadForm maxBytes={maxUploadBytes()} />
        </section>
        <section aria-labelledby="columns-heading">
          <Card>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="columns-heading" className="text-lg font-semibold tracking-tight">
                The columns
              </h2>
              <ButtonLink href="/example-scan.csv" download variant="secondary">
                <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
                  <path d="M12 4v12m0 0-4-4m4 4 4-4M4 20h16" />
                </svg>
                Download an example
              </ButtonLink>
            </div>
            <div className="mt-4">
              <CsvColumns />
            </div>
          </Card>
        </section>
      </div>
    </>
  );
}
