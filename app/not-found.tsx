import { ButtonLink } from "@/components/ui/button-link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-blue-700 dark:text-blue-400">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight sm:text-3xl">Not found</h1>
      <p className="mt-3 text-sm text-gray-600 dark:text-gray-400">
        There is no page, organization or server at this address. It may have been mistyped, or the data it pointed to was never imported.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <ButtonLink href="/">Back to the overview</ButtonLink>
        <ButtonLink href="/upload" variant="secondary">
          Upload a scan
        </ButtonLink>
      </div>
    </div>
  );
}
