// For `npm run bench`: an owner account to sign in with, so the overview page can be timed behind sign-in.
// Run as a script with DATABASE_URL set; the data layer is imported only then, not by bench.ts.
export const BENCH_ACCOUNT = { name: "Bench Owner", email: "bench@bench.patchboard.test", password: "bench-owner-password", role: "owner" as const, organizations: [] };

if (process.argv[1]?.endsWith("bench-account.ts")) {
  const { createAccountDirectly } = await import("../lib/data/accounts/users");
  await createAccountDirectly(BENCH_ACCOUNT).catch((err: { status?: number }) => {
    if (err.status !== 409) throw err; // already there from an earlier run
  });
}
