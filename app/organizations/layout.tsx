// The organization pages, with a guard beside them. An organization's loading.tsx wraps everything below its
// layout in a Suspense boundary, so a page there that refuses a caller (notFound()) does so after the skeleton has
// streamed, with status 200. The @guard slot renders here, above that boundary, and only for the routes it has a
// page for: there it refuses before anything is sent, and the answer is a real 404.
export default function OrganizationsLayout({ children, guard }: { children: React.ReactNode; guard: React.ReactNode }) {
  return (
    <>
      {guard}
      {children}
    </>
  );
}
