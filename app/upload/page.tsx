import type { Metadata } from "next";
import { AcceptedFiles } from "@/components/upload/accepted-files";
import { CsvColumns } from "@/components/upload/csv-columns";
import { UploadForm } from "@/components/upload/upload-form";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { maxUploadBytes } from "@/lib/config";
import { listOrganizationNames } from "@/lib/data/fleet/organizations";
import { can } from "@/lib/domain/access";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAccess } from "@/app/_lib/access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload a scan" };

export default async function UploadPage() {
  const access = await requireAccess();
  if (!can.write(access)) {
    return (
      <>
        <PageHeader title="Upload a scan" />
        <EmptyState title="Uploads are for your IT provider" action={<ButtonLink href="/imports" variant="secondary">Recent imports</ButtonLink>}>
          Your account can look at your organization&rsquo;s servers but not upload scans. The imports your IT provider made are listed under recent imports.
        </EmptyState>
      </>
    );
  }
  // Offered as suggestions in the organization fields, so an existing name is not retyped differently.
  const organizations = await listOrganizationNames(access);
  return (
    <>
      <PageHeader
        title="Upload a scan"
        description="Import scan results: Patchboard's CSV, or the output of Test-ProxyLogon, the Exchange Health Checker, nmap or Nessus. Each server's status is decided from its build and indicators; importing the same file twice changes nothing."
        actions={
          <ButtonLink href="/imports" variant="secondary">
            Recent imports
          </ButtonLink>
        }
      />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading" className="sr-only">
            Upload files
          </h2>
          <UploadForm maxBytes={maxUploadBytes()} organizations={organizations} />
        </section>
        <div className="space-y-8">
          <section aria-labelledby="accepted-heading">
            <Card>
              <h2 id="accepted-heading" className="text-lg font-semibold tracking-tight">
                Accepted files
              </h2>
              <div className="mt-4">
                <AcceptedFiles />
              </div>
            </Card>
          </section>
          <section aria-labelledby="columns-heading">
            <Card>
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h2 id="columns-heading" className="text-lg font-semibold tracking-tight">
                  The Patchboard CSV&apos;s columns
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
      </div>
    </>
  );
}
